/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionAdmin.PendingDelete;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionList;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outbox writer: pushes pending suppression entries to the SES account-level list and sends
 * queued removals, one request per second at most, backing off on 429. Every call shares SES's
 * account-wide limit of one management request per second, so all of them go through one {@link
 * Pacer}.
 *
 * <p>Order of work in a run: queued {@code DeleteSuppressedDestination}s first (so an address taken
 * off by hand is not re-read from SES as still suppressed), then, on the first run only, the import
 * of SES's existing list ({@link SesListImport}), then the puts. Puts are held while the account is
 * in the sandbox (SES refuses {@code PutSuppressedDestination} there) and back-filled once it is
 * out. An entry leaves the outbox only when SES accepted it or is known to have it; a refused one
 * stays pending with its error and is retried later, so nothing is ever dropped.
 *
 * <p>Whether SES adds an address by itself ({@code NOT_NEEDED}) follows SES's own rule: the
 * configuration set the message was sent with decides when it has {@code SuppressionOptions} (an
 * empty list of reasons means SES adds nothing for that set), else the account's {@code
 * SuppressionAttributes} do (SES Developer Guide, "Using configuration set-level suppression to
 * override your account-level suppression list",
 * https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list-config-level.html; API:
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_GetConfigurationSet.html and
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SuppressionOptions.html). A set's
 * settings are read once per {@link #SETTINGS_TTL}. Soft-bounce escalations are never added by SES,
 * so they are always pushed.
 *
 * <p>Reasons outside {@link Settings#accountListReasons()} are never pushed to SES's account-wide
 * list ({@code LOCAL_ONLY}); the guardian's own list keeps them all the same.
 */
public final class SuppressionSync {

  /** How long a refused entry waits before its next try. */
  public static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(15);

  /** How long a configuration set's suppression options are trusted before being read again. */
  public static final Duration SETTINGS_TTL = Duration.ofMinutes(15);

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  /** The back-off after one more throttle: doubled, at most {@link #MAX_BACKOFF}. */
  static Duration nextBackoff(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  private static final int PAGE = 25;

  /**
   * The deployment's choices.
   *
   * @param accountListReasons the reasons pushed to SES's account-level list ({@code
   *     AccountListReasons}; default BOUNCE and COMPLAINT)
   * @param importOnFirstRun whether the first run reads SES's existing list ({@link SesListImport})
   */
  public record Settings(Set<SuppressionReason> accountListReasons, boolean importOnFirstRun) {
    public static final Settings DEFAULT =
        new Settings(EnumSet.allOf(SuppressionReason.class), true);

    public Settings {
      accountListReasons = Set.copyOf(accountListReasons);
    }

    /** These settings without the first-run import. */
    public Settings withoutImport() {
      return new Settings(accountListReasons, false);
    }
  }

  private final SuppressionOutbox store;
  private final SuppressionList list;
  private final SuppressionAdmin admin;
  private final SesSuppressionList ses;
  private final Pacer pacer;
  private final Clock clock;
  private final Settings settings;
  private final Map<String, CachedSetting> setCache;

  private record CachedSetting(Set<SuppressionReason> reasons, boolean own, Instant readAt) {}

  /** An outbox writer over one store playing both suppression roles (a {@code FeedbackStore}). */
  public <S extends SuppressionOutbox & SuppressionList> SuppressionSync(
      S store,
      SuppressionAdmin admin,
      SesSuppressionList ses,
      Pacer pacer,
      Clock clock,
      Settings settings) {
    this(store, store, admin, ses, pacer, clock, settings);
  }

  public SuppressionSync(
      SuppressionOutbox store,
      SuppressionList list,
      SuppressionAdmin admin,
      SesSuppressionList ses,
      Pacer pacer,
      Clock clock,
      Settings settings) {
    this(store, list, admin, ses, pacer, clock, settings, new HashMap<>());
  }

  private SuppressionSync(
      SuppressionOutbox store,
      SuppressionList list,
      SuppressionAdmin admin,
      SesSuppressionList ses,
      Pacer pacer,
      Clock clock,
      Settings settings,
      Map<String, CachedSetting> setCache) {
    this.setCache = setCache;
    this.store = Objects.requireNonNull(store, "store");
    this.list = Objects.requireNonNull(list, "list");
    this.admin = Objects.requireNonNull(admin, "admin");
    this.ses = Objects.requireNonNull(ses, "ses");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The same writer — its pacer and its cache of configuration-set settings — over other views of
   * its stores, e.g. ones whose retries stop at a Lambda invocation's deadline.
   */
  public <S extends SuppressionOutbox & SuppressionList> SuppressionSync over(
      S store, SuppressionAdmin admin) {
    return new SuppressionSync(store, store, admin, ses, pacer, clock, settings, setCache);
  }

  /** Works through due deletes and entries until both are empty or {@code deadline} is near. */
  public SyncReport run(Instant deadline) throws InterruptedException {
    Tally tally = new Tally();
    sendDeletes(deadline, tally);
    SesListImport.Report imported = null;
    if (settings.importOnFirstRun() && admin.importedAt().isEmpty()) {
      imported =
          new SesListImport(admin, ses, pacer, clock).run(deadline, SesListImport.Progress.NONE);
    }
    AccountState account = pacer.call(ses::account);
    if (!account.productionAccess()) {
      return tally.report(true, imported);
    }
    outer:
    while (clock.instant().isBefore(deadline)) {
      List<SuppressionEntry> due = store.pendingOutbox(clock.instant(), PAGE);
      if (due.isEmpty()) {
        break;
      }
      for (SuppressionEntry entry : due) {
        if (!settings.accountListReasons().contains(entry.reason())) {
          admin.markLocalOnly(
              entry.address(),
              "AccountListReasons leaves " + entry.reason() + " off SES's account-level list",
              clock.instant());
          tally.localOnly.add(entry.address());
          continue;
        }
        if (entry.origin() != SuppressionOrigin.SOFT_BOUNCE_ESCALATION) {
          String addsItself = sesAddsItself(entry, account, deadline);
          if (addsItself != null) {
            store.markNotNeeded(entry.address(), addsItself, clock.instant());
            tally.notNeeded.add(entry.address());
            continue;
          }
        }
        Outcome outcome = send(deadline, () -> ses.put(entry.address(), entry.reason()), tally);
        switch (outcome) {
          case DEADLINE -> {
            break outer;
          }
          case ACCEPTED -> {
            store.markSynced(entry.address(), clock.instant());
            tally.synced.add(entry.address());
          }
          case FAILED -> {
            store.markFailed(
                entry.address(), tally.lastError, clock.instant().plus(RETRY_FAILED_AFTER));
            tally.failed.add(entry.address());
          }
        }
      }
    }
    return tally.report(false, imported);
  }

  /** Sends queued deletes; a delete whose address was suppressed again since is dropped. */
  private void sendDeletes(Instant deadline, Tally tally) throws InterruptedException {
    outer:
    while (clock.instant().isBefore(deadline)) {
      List<PendingDelete> due = admin.pendingDeletes(clock.instant(), PAGE);
      if (due.isEmpty()) {
        return;
      }
      Map<String, SuppressionEntry> relisted =
          list.suppressions(due.stream().map(PendingDelete::address).toList());
      for (PendingDelete d : due) {
        if (relisted.containsKey(d.address())) {
          // Suppressed again after the removal: SES must keep (or get) the address, and the new
          // entry's own put takes care of that.
          admin.markDeleted(d.address(), clock.instant());
          continue;
        }
        Outcome outcome = send(deadline, () -> ses.delete(d.address()), tally);
        switch (outcome) {
          case DEADLINE -> {
            break outer;
          }
          case ACCEPTED -> {
            admin.markDeleted(d.address(), clock.instant());
            tally.deleted.add(d.address());
          }
          case FAILED -> {
            admin.markDeleteFailed(
                d.address(), tally.lastError, clock.instant().plus(RETRY_FAILED_AFTER));
            tally.deleteFailed.add(d.address());
          }
        }
      }
    }
  }

  private enum Outcome {
    ACCEPTED,
    FAILED,
    DEADLINE
  }

  /** One SES write, paced, retried on 429 with doubling back-off until the deadline. */
  private Outcome send(
      Instant deadline, java.util.function.Supplier<SesSuppressionList.PutOutcome> call, Tally t)
      throws InterruptedException {
    while (true) {
      if (!clock.instant().plus(t.backoff).isBefore(deadline)) {
        return Outcome.DEADLINE;
      }
      SesSuppressionList.PutOutcome outcome = pacer.call(call);
      if (outcome instanceof SesSuppressionList.PutOutcome.Accepted) {
        t.backoff = FIRST_BACKOFF;
        return Outcome.ACCEPTED;
      } else if (outcome instanceof SesSuppressionList.PutOutcome.Throttled) {
        t.throttled++;
        pacer.backOff(t.backoff);
        t.backoff = nextBackoff(t.backoff);
      } else {
        t.lastError = ((SesSuppressionList.PutOutcome.Failed) outcome).message();
        return Outcome.FAILED;
      }
    }
  }

  /**
   * Why SES adds this entry's address to its list by itself, or {@code null} when it does not (or
   * cannot be known: then the guardian pushes it, which is harmless if SES has it already).
   */
  private String sesAddsItself(SuppressionEntry entry, AccountState account, Instant deadline)
      throws InterruptedException {
    String set = entry.configurationSet();
    if (set == null) {
      return account.suppressedReasons().contains(entry.reason())
          ? "SES adds " + entry.reason() + " addresses itself (account SuppressionAttributes)"
          : null;
    }
    CachedSetting cached = setCache.get(set);
    if (cached == null || !clock.instant().isBefore(cached.readAt().plus(SETTINGS_TTL))) {
      if (!clock.instant().isBefore(deadline)) {
        return null;
      }
      SesSuppressionList.SetSuppression read = pacer.call(() -> ses.configurationSet(set));
      if (read instanceof SesSuppressionList.SetSuppression.Overrides o) {
        cached = new CachedSetting(o.reasons(), true, clock.instant());
      } else if (read instanceof SesSuppressionList.SetSuppression.UsesAccount) {
        cached = new CachedSetting(account.suppressedReasons(), false, clock.instant());
      } else {
        return null; // unknown: not cached, asked again for the next entry of this set
      }
      setCache.put(set, cached);
    }
    if (!cached.reasons().contains(entry.reason())) {
      return null;
    }
    return cached.own()
        ? "SES adds "
            + entry.reason()
            + " addresses itself (SuppressionOptions of its configuration set)"
        : "SES adds "
            + entry.reason()
            + " addresses itself (its configuration set has no SuppressionOptions: account"
            + " SuppressionAttributes)";
  }

  /** Age of the oldest pending entry, due or not (the outbox-age alarm watches it). */
  private Duration oldestPending() {
    Instant now = clock.instant();
    Duration oldest = Duration.ZERO;
    for (SuppressionEntry e : store.pendingOutbox(now.plus(Duration.ofDays(3650)), PAGE)) {
      if (e.recordedAt() != null && Duration.between(e.recordedAt(), now).compareTo(oldest) > 0) {
        oldest = Duration.between(e.recordedAt(), now);
      }
    }
    return oldest;
  }

  /** What a run did so far. */
  private final class Tally {
    final List<String> synced = new ArrayList<>();
    final List<String> notNeeded = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final List<String> localOnly = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    final List<String> deleteFailed = new ArrayList<>();
    int throttled;
    Duration backoff = FIRST_BACKOFF;
    String lastError;

    SyncReport report(boolean sandbox, SesListImport.Report imported) {
      return new SyncReport(
          sandbox,
          synced,
          notNeeded,
          failed,
          throttled,
          store.pendingOutboxSize(),
          oldestPending(),
          localOnly,
          deleted,
          deleteFailed,
          admin.pendingDeleteCount(),
          imported);
    }
  }
}
