/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Spaces calls at least {@code interval} apart: SES throttles management actions at one request per
 * second per account. Not thread-safe; one writer runs at a time (reserved concurrency 1).
 */
public final class Pacer {

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;
  private Instant last;

  public Pacer(Clock clock, Sleeper sleeper, Duration interval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** Waits until a call is allowed, then records it. */
  public void acquire() throws InterruptedException {
    if (last != null) {
      Duration wait = Duration.between(clock.instant(), last.plus(interval));
      if (!wait.isNegative() && !wait.isZero()) {
        sleeper.sleep(wait);
      }
    }
    last = clock.instant();
  }

  /**
   * Makes one paced call: waits until it is allowed, runs it, and counts the interval from when it
   * returned. SES limits the rate at which requests arrive; a request that was slow to leave (first
   * connection, signing) would otherwise arrive less than an interval before the next one.
   */
  public <T> T call(Supplier<T> request) throws InterruptedException {
    acquire();
    try {
      return request.get();
    } finally {
      last = clock.instant();
    }
  }

  /** Waits {@code duration} (a back-off), counting it as time since the last call. */
  public void backOff(Duration duration) throws InterruptedException {
    sleeper.sleep(duration);
  }
}
