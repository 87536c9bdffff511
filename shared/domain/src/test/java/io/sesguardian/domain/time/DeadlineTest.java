/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private static final Clock AT_NOON =
      Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void lambdaDeadline_keepsTheMarginForAnswering() {
    Deadline deadline = Deadline.in(10_000, Duration.ofSeconds(2), AT_NOON);

    assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(8));
    assertThat(deadline.allows(Duration.ofSeconds(8))).isTrue();
    assertThat(deadline.allows(Duration.ofSeconds(9))).isFalse();
    assertThat(deadline.expired()).isFalse();
  }

  @Test
  void passedDeadline_isExpiredWithNothingRemaining() {
    Deadline deadline = Deadline.in(1_000, Duration.ofSeconds(2), AT_NOON);

    assertThat(deadline.expired()).isTrue();
    assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
  }

  @Test
  void noDeadline_neverExpires() {
    Deadline deadline = Deadline.none(AT_NOON);

    assertThat(deadline.expired()).isFalse();
    assertThat(deadline.allows(Duration.ofDays(365 * 100))).isTrue();
  }
}
