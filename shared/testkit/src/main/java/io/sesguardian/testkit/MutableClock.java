/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.sync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when a test moves it: {@link #set}, {@link #advance}, or a sleep
 * through {@link #sleeper()}. Thread-safe.
 *
 * <p>Invariants: time never moves by itself; {@link #advance} and the sleeper only move it forward;
 * the sleeper records every duration it was asked to wait, in call order, and moves this clock by
 * exactly that much. Clocks made by {@link #withZone} share this clock's instant and sleep record.
 */
public final class MutableClock extends Clock {

  private final State state;
  private final ZoneId zone;

  /** A UTC clock standing at {@code start}. */
  public MutableClock(Instant start) {
    this(new State(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private MutableClock(State state, ZoneId zone) {
    this.state = state;
    this.zone = zone;
  }

  /** A UTC clock standing at {@code iso}, e.g. {@code 2026-03-10T00:00:00Z}. */
  public static MutableClock at(String iso) {
    return new MutableClock(Instant.parse(iso));
  }

  @Override
  public Instant instant() {
    return state.now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return newZone.equals(zone) ? this : new MutableClock(state, newZone);
  }

  /** Moves the clock to {@code instant} (backwards too: tests may need a skewed clock). */
  public void set(Instant instant) {
    state.now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock forward by {@code duration}.
   *
   * @return the new instant
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot advance by a negative duration: " + duration);
    }
    return state.now.updateAndGet(t -> t.plus(duration));
  }

  /**
   * A sleeper that advances this clock by the requested duration instead of waiting, and records
   * it. Like {@link Thread#sleep}, it refuses negative durations and throws {@link
   * InterruptedException} (without moving the clock) when the calling thread is interrupted.
   */
  public Sleeper sleeper() {
    return duration -> {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("negative sleep: " + duration);
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted before sleeping " + duration);
      }
      synchronized (state) {
        state.slept.add(duration);
        state.now.updateAndGet(t -> t.plus(duration));
      }
    };
  }

  /** Every duration slept through {@link #sleeper()}, in call order. */
  public List<Duration> slept() {
    synchronized (state) {
      return List.copyOf(state.slept);
    }
  }

  /** The total time slept through {@link #sleeper()}. */
  public Duration totalSlept() {
    return slept().stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MutableClock other && other.state == state && other.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(state) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "MutableClock[" + instant() + "," + zone + "]";
  }

  private static final class State {
    final AtomicReference<Instant> now;
    final List<Duration> slept = new ArrayList<>();

    State(Instant start) {
      this.now = new AtomicReference<>(start);
    }
  }
}
