/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outbox writer: pushes pending suppression entries to the SES account-level list, one request
 * per second at most, backing off on 429. It holds everything while the account is in the sandbox
 * (SES refuses {@code PutSuppressedDestination} there) and back-fills once it is out. An entry
 * leaves the outbox only when SES accepted it or is known to have it; a refused one stays pending
 * with its error and is retried later, so nothing is ever dropped.
 */
public final class SuppressionSync {

  /** How long a refused entry waits before its next try. */
  public static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(15);

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  private static final int PAGE = 25;

  private final SuppressionOutbox store;
  private final SesSuppressionList ses;
  private final Pacer pacer;
  private final Clock clock;

  public SuppressionSync(
      SuppressionOutbox store, SesSuppressionList ses, Pacer pacer, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.ses = Objects.requireNonNull(ses, "ses");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Works through due entries until the outbox is empty or {@code deadline} is near. */
  public SyncReport run(Instant deadline) throws InterruptedException {
    pacer.acquire();
    AccountState account = ses.account();
    if (!account.productionAccess()) {
      return new SyncReport(
          true, List.of(), List.of(), List.of(), 0, store.pendingOutboxSize(), oldestPending());
    }
    List<String> synced = new ArrayList<>();
    List<String> notNeeded = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int throttled = 0;
    Duration backoff = FIRST_BACKOFF;
    outer:
    while (clock.instant().isBefore(deadline)) {
      List<SuppressionEntry> due = store.pendingOutbox(clock.instant(), PAGE);
      if (due.isEmpty()) {
        break;
      }
      for (SuppressionEntry entry : due) {
        if (entry.origin() != SuppressionOrigin.SOFT_BOUNCE_ESCALATION
            && account.suppressedReasons().contains(entry.reason())) {
          store.markNotNeeded(
              entry.address(),
              "SES adds " + entry.reason() + " addresses itself (account SuppressionAttributes)",
              clock.instant());
          notNeeded.add(entry.address());
          continue;
        }
        while (true) {
          if (!clock.instant().plus(backoff).isBefore(deadline)) {
            break outer;
          }
          pacer.acquire();
          SesSuppressionList.PutOutcome outcome = ses.put(entry.address(), entry.reason());
          if (outcome instanceof SesSuppressionList.PutOutcome.Accepted) {
            store.markSynced(entry.address(), clock.instant());
            synced.add(entry.address());
            backoff = FIRST_BACKOFF;
            break;
          } else if (outcome instanceof SesSuppressionList.PutOutcome.Throttled) {
            throttled++;
            pacer.backOff(backoff);
            backoff =
                backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                    ? MAX_BACKOFF
                    : backoff.multipliedBy(2);
          } else {
            String message = ((SesSuppressionList.PutOutcome.Failed) outcome).message();
            store.markFailed(entry.address(), message, clock.instant().plus(RETRY_FAILED_AFTER));
            failed.add(entry.address());
            break;
          }
        }
      }
    }
    return new SyncReport(
        false, synced, notNeeded, failed, throttled, store.pendingOutboxSize(), oldestPending());
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
}
