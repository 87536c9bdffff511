/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import io.sesguardian.domain.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks the monitor to evaluate right after new bounces or complaints were stored, at most once a
 * minute per container. Never fails ingest: a failed request is logged and the schedule catches up.
 */
final class MonitorTrigger {

  static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  /** No monitor wired (local runs, tests). */
  static final MonitorTrigger NONE = new MonitorTrigger(() -> {}, Clock.systemUTC());

  private final Runnable invoke;
  private final Clock clock;
  private final AtomicReference<Instant> last = new AtomicReference<>(Instant.MIN);

  MonitorTrigger(Runnable invoke, Clock clock) {
    this.invoke = invoke;
    this.clock = clock;
  }

  /** Invokes the monitor unless it was invoked less than a minute ago; true when it did. */
  boolean fire(Telemetry telemetry) {
    Instant now = clock.instant();
    Instant previous = last.get();
    if (previous.plus(MIN_INTERVAL).isAfter(now) || !last.compareAndSet(previous, now)) {
      return false;
    }
    try {
      invoke.run();
      return true;
    } catch (RuntimeException e) {
      telemetry.warn(
          "could not trigger the monitor; the schedule will evaluate soon",
          Map.of("error", e.getClass().getSimpleName()));
      return false;
    }
  }
}
