/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.time;

import io.sesguardian.domain.sync.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one retry policy of every adapter: how many attempts, how long to wait between them
 * (exponential back-off with full jitter) and how long all of them together may take. It never
 * starts an attempt that the caller's {@link Deadline} does not leave room for, so a throttled
 * dependency makes the caller answer in time instead of being killed.
 *
 * <p>The wait before attempt {@code n + 1} is uniform in {@code [0, min(maxDelay, baseDelay *
 * 2^(n-1))]} ("full jitter"), drawn from the injected random source. An attempt starts only when
 * the wait plus {@code attemptTimeout} (the longest one attempt may take) still fits both before
 * the deadline and within {@code maxDuration} of the first attempt; otherwise the policy gives up
 * without waiting. Pure: time comes from the deadline's clock, waiting from the {@link Sleeper}.
 *
 * @param maxAttempts attempts in all, the first included (1: never retry)
 * @param baseDelay the back-off cap after the first failure
 * @param maxDelay the largest back-off cap
 * @param maxDuration the longest time from the first attempt's start to the last attempt's end
 * @param attemptTimeout how long one attempt may take at most (the SDK's attempt timeout)
 * @param random the jitter source (tests inject a seeded or fixed one)
 * @param sleeper how to wait (tests move a clock instead)
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxDuration,
    Duration attemptTimeout,
    RandomGenerator random,
    Sleeper sleeper) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxDuration, "maxDuration");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(sleeper, "sleeper");
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
    }
    if (maxDuration.isNegative() || attemptTimeout.isNegative()) {
      throw new IllegalArgumentException("maxDuration and attemptTimeout must not be negative");
    }
  }

  /** One attempt only: for callers whose caller retries (a queue redelivers, a person re-runs). */
  public static RetryPolicy once(Sleeper sleeper) {
    return new RetryPolicy(
        1,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ofDays(1),
        Duration.ZERO,
        RandomGenerator.getDefault(),
        sleeper);
  }

  /** The back-off cap after {@code failures} failed attempts: {@code baseDelay * 2^(n-1)}. */
  Duration delayCap(int failures) {
    long base = baseDelay.toMillis();
    long cap = maxDelay.toMillis();
    int shift = Math.min(Math.max(failures - 1, 0), 30);
    long grown = base > (cap >> shift) ? cap : base << shift;
    return Duration.ofMillis(Math.min(cap, grown));
  }

  /** Starts counting attempts for one operation that must answer by {@code deadline}. */
  public Execution start(Deadline deadline) {
    return new Execution(Objects.requireNonNull(deadline, "deadline"));
  }

  /** Why an execution stopped before its operation succeeded. */
  public enum GiveUp {
    /** Every allowed attempt was made. */
    ATTEMPTS,
    /** Another attempt would end after {@code maxDuration}. */
    MAX_DURATION,
    /** Another attempt would end after the caller's deadline. */
    DEADLINE,
    /** The thread was interrupted while waiting. */
    INTERRUPTED
  }

  /**
   * The attempts of one operation. Call {@link #next} before every attempt, the first included:
   *
   * <pre>{@code
   * Execution run = policy.start(deadline);
   * while (run.next()) {
   *   try { return call(); } catch (Throttled e) { last = e; }
   * }
   * throw new StoreUnavailableException(what, run.giveUp(), last);
   * }</pre>
   *
   * Not thread-safe: one execution belongs to one caller.
   */
  public final class Execution {
    private final Deadline deadline;
    private Instant started;
    private int attempts;
    private GiveUp giveUp;

    private Execution(Deadline deadline) {
      this.deadline = deadline;
    }

    /**
     * Whether another attempt may start; waits the back-off first when this is not the first one.
     * Gives up without waiting when the wait and one attempt no longer fit.
     */
    public boolean next() {
      if (giveUp != null) {
        return false;
      }
      Instant now = deadline.clock().instant();
      if (started == null) {
        started = now;
      }
      if (attempts >= maxAttempts) {
        return stop(GiveUp.ATTEMPTS);
      }
      Duration delay =
          attempts == 0
              ? Duration.ZERO
              : Duration.ofMillis(random.nextLong(delayCap(attempts).toMillis() + 1));
      Duration needed = delay.plus(attemptTimeout);
      if (Duration.between(started, now).plus(needed).compareTo(maxDuration) > 0) {
        return stop(GiveUp.MAX_DURATION);
      }
      if (deadline.expired() || !deadline.allows(needed)) {
        return stop(GiveUp.DEADLINE);
      }
      if (!delay.isZero()) {
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return stop(GiveUp.INTERRUPTED);
        }
      }
      attempts++;
      return true;
    }

    private boolean stop(GiveUp why) {
      giveUp = why;
      return false;
    }

    /** Attempts started so far. */
    public int attempts() {
      return attempts;
    }

    /** Why {@link #next} answered false, or {@code null} while it has not. */
    public GiveUp giveUp() {
      return giveUp;
    }
  }
}
