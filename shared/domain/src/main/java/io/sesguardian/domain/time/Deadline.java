/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The moment by which work must have answered: a Lambda invocation's end (from {@code
 * Context.getRemainingTimeInMillis()}) minus a margin to report what is unfinished, or {@link
 * #none} for local commands. Retries and loops ask it before starting another attempt, so a
 * throttled dependency makes the caller answer in time instead of being killed by the runtime.
 *
 * @param at the instant work must stop starting new attempts
 * @param clock the clock {@code at} is measured on (tests inject a fixed or stepping clock)
 */
public record Deadline(Instant at, Clock clock) {

  public Deadline {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(clock, "clock");
  }

  /** No deadline: local commands run until their work is done. */
  public static Deadline none(Clock clock) {
    return new Deadline(Instant.MAX, clock);
  }

  /** {@code remainingMillis} from now on {@code clock}, less {@code margin} kept for answering. */
  public static Deadline in(long remainingMillis, Duration margin, Clock clock) {
    return new Deadline(clock.instant().plusMillis(remainingMillis).minus(margin), clock);
  }

  /** Time left before the deadline, never negative. */
  public Duration remaining() {
    if (at.equals(Instant.MAX)) {
      return Duration.ofSeconds(Long.MAX_VALUE / 2);
    }
    Duration left = Duration.between(clock.instant(), at);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Whether the deadline has passed. */
  public boolean expired() {
    return !clock.instant().isBefore(at);
  }

  /** Whether {@code needed} still fits before the deadline. */
  public boolean allows(Duration needed) {
    return remaining().compareTo(needed) >= 0;
  }
}
