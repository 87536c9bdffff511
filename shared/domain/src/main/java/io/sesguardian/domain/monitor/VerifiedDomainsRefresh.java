/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.VerifiedDomains;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps the account's verified domains fresh for ingest ({@link VerifiedDomains}): on a monitor
 * run, asks SES again when the kept list is {@link #EVERY} old or missing. SES leaves bounces to
 * verified domains out of the bounce rate (developer guide, "Reputation dashboard messages"; SES
 * blog "Bounces To Domains You Have Verified"). A failed read keeps the last list and is tried
 * again after {@link #RETRY_AFTER}; an unreadable kept item counts as missing, so SES's next answer
 * replaces it. Never throws. Thread-safe.
 */
public final class VerifiedDomainsRefresh {

  /** How often SES is asked (its {@code ListEmailIdentities} is a paged, rate-limited call). */
  public static final Duration EVERY = Duration.ofHours(1);

  /** How long after a failure SES is asked again (a missing permission fails every time). */
  public static final Duration RETRY_AFTER = Duration.ofMinutes(15);

  private final Supplier<Set<String>> ses;
  private final Clock clock;

  /** When the kept list was read from SES, once known in this process. */
  private Instant readAt;

  /** How many domains the kept list holds ({@code -1} until known). */
  private int count = -1;

  /** No SES call before this instant (after a failure). */
  private Instant quietUntil;

  /**
   * @param ses reads the verified domain identities from SES; throws when SES cannot answer
   * @param clock the time
   */
  public VerifiedDomainsRefresh(Supplier<Set<String>> ses, Clock clock) {
    this.ses = Objects.requireNonNull(ses, "ses");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What one run did.
   *
   * @param read whether SES was asked and its answer kept
   * @param domains how many verified domains are kept ({@code -1} when unknown)
   * @param readAt when the kept list was read from SES (null when none is known)
   * @param failure why SES or the table could not be used (null when nothing failed)
   */
  public record Outcome(boolean read, int domains, Instant readAt, String failure) {}

  /**
   * Asks SES when the list kept in {@code kept} is stale or missing (the caller passes a store
   * bound to its invocation's deadline); never throws for SES or the table.
   */
  public synchronized Outcome refresh(VerifiedDomains kept) {
    Instant now = clock.instant();
    String tableProblem = null;
    if (readAt == null) {
      try {
        Optional<VerifiedDomains.Snapshot> latest = kept.latest();
        readAt = latest.map(VerifiedDomains.Snapshot::readAt).orElse(null);
        count = latest.map(s -> s.domains().size()).orElse(-1);
      } catch (RuntimeException e) {
        // Unreadable or unreachable: SES's answer will replace it.
        tableProblem = e.getMessage();
      }
    }
    if (readAt != null && now.isBefore(readAt.plus(EVERY))) {
      return new Outcome(false, count, readAt, null);
    }
    if (quietUntil != null && now.isBefore(quietUntil)) {
      return new Outcome(false, count, readAt, tableProblem);
    }
    VerifiedDomains.Snapshot snapshot;
    try {
      snapshot = new VerifiedDomains.Snapshot(ses.get(), now);
    } catch (RuntimeException e) {
      // SES refused or failed (throttled, no permission, outage): ingest keeps the last list.
      quietUntil = now.plus(RETRY_AFTER);
      return new Outcome(false, count, readAt, "SES ListEmailIdentities: " + e.getMessage());
    }
    try {
      kept.keep(snapshot);
    } catch (RuntimeException e) {
      quietUntil = now.plus(RETRY_AFTER);
      return new Outcome(false, count, readAt, e.getMessage());
    }
    readAt = now;
    count = snapshot.domains().size();
    quietUntil = null;
    return new Outcome(true, count, now, null);
  }
}
