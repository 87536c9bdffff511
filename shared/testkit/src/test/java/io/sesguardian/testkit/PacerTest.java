/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.sync.Pacer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final Pacer pacer = new Pacer(clock, clock.sleeper(), Duration.ofSeconds(1));

  @Test
  void slowCall_theNextWaitsAFullIntervalAfterItReturned() throws InterruptedException {
    List<Instant> arrivals = new ArrayList<>();
    pacer.call(
        () -> {
          clock.advance(Duration.ofMillis(300)); // slow to leave: first connection, signing
          arrivals.add(clock.instant());
          clock.advance(Duration.ofMillis(200));
          return null;
        });
    pacer.call(
        () -> {
          arrivals.add(clock.instant());
          return null;
        });

    assertThat(clock.slept()).containsExactly(Duration.ofSeconds(1));
    assertThat(Duration.between(arrivals.get(0), arrivals.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void callsAnIntervalApartAlready_doNotWait() throws InterruptedException {
    pacer.call(() -> null);
    clock.advance(Duration.ofSeconds(2));
    pacer.call(() -> null);

    assertThat(clock.slept()).isEmpty();
  }
}
