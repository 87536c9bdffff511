/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.sync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

  /** A clock that the fake sleeper moves: waiting takes no real time. */
  private static final class SteppingClock extends Clock {
    Instant now = NOON;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** The largest value below {@code bound}: every jittered wait is its cap. */
  private static final RandomGenerator HIGHEST =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          return 0;
        }

        @Override
        public long nextLong(long bound) {
          return bound - 1;
        }
      };

  private final SteppingClock clock = new SteppingClock();
  private final List<Duration> waits = new ArrayList<>();
  private final Sleeper sleeper =
      d -> {
        waits.add(d);
        clock.now = clock.now.plus(d);
      };

  private RetryPolicy policy(int attempts, Duration maxDuration, RandomGenerator random) {
    return new RetryPolicy(
        attempts,
        Duration.ofMillis(100),
        Duration.ofMillis(1000),
        maxDuration,
        Duration.ZERO,
        random,
        sleeper);
  }

  /** Attempts {@code execution} allows when every attempt fails in {@code each}. */
  private int failEvery(RetryPolicy.Execution execution, Duration each) {
    int n = 0;
    while (execution.next()) {
      n++;
      clock.now = clock.now.plus(each);
    }
    return n;
  }

  @Test
  void backOffCap_doublesFromTheBase_upToTheMaximum() {
    RetryPolicy p = policy(10, Duration.ofHours(1), HIGHEST);
    assertThat(p.delayCap(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.delayCap(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.delayCap(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.delayCap(5)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.delayCap(60)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void failingCall_isTriedMaxAttemptsTimes_withJitteredWaitsBetween() {
    RetryPolicy.Execution run = policy(4, Duration.ofHours(1), HIGHEST).start(Deadline.none(clock));

    assertThat(failEvery(run, Duration.ZERO)).isEqualTo(4);
    assertThat(run.giveUp()).isEqualTo(RetryPolicy.GiveUp.ATTEMPTS);
    // full jitter drawn from the injected source: here always the cap (bound - 1 ms + 1 ms)
    assertThat(waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void jitter_isDrawnBetweenZeroAndTheCap() {
    List<Long> bounds = new ArrayList<>();
    RandomGenerator lowest =
        new RandomGenerator() {
          @Override
          public long nextLong() {
            return 0;
          }

          @Override
          public long nextLong(long bound) {
            bounds.add(bound);
            return 0;
          }
        };
    RetryPolicy.Execution run = policy(3, Duration.ofHours(1), lowest).start(Deadline.none(clock));

    assertThat(failEvery(run, Duration.ZERO)).isEqualTo(3);
    assertThat(bounds).containsExactly(101L, 201L);
    assertThat(waits).isEmpty();
  }

  @Test
  void attemptsStop_whenTheNextWouldEndAfterTheMaximumDuration() {
    RetryPolicy.Execution run =
        policy(100, Duration.ofMillis(1000), HIGHEST).start(Deadline.none(clock));

    // attempts take 150 ms: 0-150, wait 100, 250-400, wait 200, 600-750; a wait of 400 would
    // start the next at 1150, past the second allowed.
    assertThat(failEvery(run, Duration.ofMillis(150))).isEqualTo(3);
    assertThat(run.giveUp()).isEqualTo(RetryPolicy.GiveUp.MAX_DURATION);
    assertThat(clock.now).isEqualTo(NOON.plusMillis(750));
  }

  @Test
  void noAttemptStarts_thatTheDeadlineDoesNotAllow() {
    RetryPolicy slow =
        new RetryPolicy(
            10,
            Duration.ofMillis(100),
            Duration.ofMillis(1000),
            Duration.ofHours(1),
            Duration.ofMillis(500),
            HIGHEST,
            sleeper);
    Deadline deadline = new Deadline(NOON.plusMillis(1000), clock);
    RetryPolicy.Execution run = slow.start(deadline);

    // 0-500 fails; a wait of 100 plus a 500 ms attempt would end at 1100, after the deadline
    assertThat(failEvery(run, Duration.ofMillis(500))).isEqualTo(1);
    assertThat(run.giveUp()).isEqualTo(RetryPolicy.GiveUp.DEADLINE);
    assertThat(waits).isEmpty();
    assertThat(clock.now).isBefore(deadline.at());
  }

  @Test
  void expiredDeadline_startsNoAttemptAtAll() {
    RetryPolicy.Execution run =
        policy(5, Duration.ofHours(1), HIGHEST).start(new Deadline(NOON.minusMillis(1), clock));

    assertThat(run.next()).isFalse();
    assertThat(run.attempts()).isZero();
    assertThat(run.giveUp()).isEqualTo(RetryPolicy.GiveUp.DEADLINE);
  }

  @Test
  void givenUpExecution_staysGivenUp() {
    RetryPolicy.Execution run = policy(1, Duration.ofHours(1), HIGHEST).start(Deadline.none(clock));
    assertThat(run.next()).isTrue();
    assertThat(run.next()).isFalse();
    assertThat(run.next()).isFalse();
    assertThat(run.attempts()).isEqualTo(1);
  }

  @Test
  void interruptedWait_givesUpAndKeepsTheInterrupt() {
    RetryPolicy p =
        new RetryPolicy(
            3,
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            Duration.ofHours(1),
            Duration.ZERO,
            HIGHEST,
            d -> {
              throw new InterruptedException("stop");
            });
    RetryPolicy.Execution run = p.start(Deadline.none(clock));
    try {
      assertThat(run.next()).isTrue();
      assertThat(run.next()).isFalse();
      assertThat(run.giveUp()).isEqualTo(RetryPolicy.GiveUp.INTERRUPTED);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void invalidSettings_areRefused() {
    assertThatThrownBy(() -> policy(0, Duration.ofHours(1), HIGHEST))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    2,
                    Duration.ofMillis(10),
                    Duration.ofMillis(5),
                    Duration.ofHours(1),
                    Duration.ZERO,
                    HIGHEST,
                    sleeper))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givingUp_namesWhyInTheStoreError_andMasksAddresses() {
    StoreUnavailableException e =
        new StoreUnavailableException(
            "suppress jane.private@example.com", RetryPolicy.GiveUp.DEADLINE, null);
    assertThat(e.getMessage()).doesNotContain("jane.private").contains("gave up (deadline)");
  }
}
