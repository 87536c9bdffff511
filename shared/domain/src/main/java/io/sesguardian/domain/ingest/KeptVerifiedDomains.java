/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Ingest's view of the account's verified domains: the list the monitor keeps ({@link
 * VerifiedDomains}), read at most once every {@link #REREAD} per process. Before the monitor has
 * kept a list there are none, so bounces to verified domains count (a bounce rate that errs high,
 * never low); a failed read keeps the last answer and is tried again after the same interval, so a
 * slow or broken table never fails a bounce. Each read goes through the store it is given, so an
 * invocation's read keeps to that invocation's deadline. Thread-safe.
 */
public final class KeptVerifiedDomains {

  /**
   * How long an answer is used: the monitor reads SES hourly, so a newly verified domain is left
   * out of the rate within about 70 minutes.
   */
  public static final Duration REREAD = Duration.ofMinutes(10);

  private final Clock clock;
  private Set<String> domains = Set.of();
  private Instant readAt;

  public KeptVerifiedDomains(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The domains, read through {@code kept} when the last answer is {@link #REREAD} old. */
  public synchronized Set<String> get(VerifiedDomains kept) {
    Instant now = clock.instant();
    if (readAt == null || !now.isBefore(readAt.plus(REREAD))) {
      readAt = now;
      try {
        domains = kept.latest().map(VerifiedDomains.Snapshot::domains).orElse(Set.of());
      } catch (RuntimeException e) {
        // Keep the last answer: verified domains change rarely, and a bounce must not fail on them.
      }
    }
    return domains;
  }

  /** These domains as a supplier reading through {@code kept} (for {@link CountingRules}). */
  public Supplier<Set<String>> through(VerifiedDomains kept) {
    Objects.requireNonNull(kept, "kept");
    return () -> get(kept);
  }
}
