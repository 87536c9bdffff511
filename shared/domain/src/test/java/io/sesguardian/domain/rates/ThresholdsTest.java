/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

  private static Thresholds bounce(double w, double c, double r, double p) {
    return new Thresholds(
        w, c, r, p, 0.0004, 0.0008, 0.001, 0.005, 0.10, 200, 10_000, Duration.ofDays(90));
  }

  private static Thresholds complaint(double w, double c, double r, double p) {
    return new Thresholds(
        0.02, 0.04, 0.05, 0.10, w, c, r, p, 0.10, 200, 10_000, Duration.ofDays(90));
  }

  private static Thresholds other(
      double hysteresis, long minEligible, long volumeSends, Duration lookback) {
    return new Thresholds(
        0.02,
        0.04,
        0.05,
        0.10,
        0.0004,
        0.0008,
        0.001,
        0.005,
        hysteresis,
        minEligible,
        volumeSends,
        lookback);
  }

  @Test
  void defaults_areSesAlignedValues() {
    Thresholds t = Thresholds.DEFAULT;
    assertThat(t.bounceWarning()).isEqualTo(0.02);
    assertThat(t.bounceCritical()).isEqualTo(0.04);
    assertThat(t.bounceReview()).isEqualTo(0.05);
    assertThat(t.bouncePause()).isEqualTo(0.10);
    assertThat(t.complaintWarning()).isEqualTo(0.0004);
    assertThat(t.complaintCritical()).isEqualTo(0.0008);
    assertThat(t.complaintReview()).isEqualTo(0.001);
    assertThat(t.complaintPause()).isEqualTo(0.005);
    assertThat(t.hysteresis()).isEqualTo(0.10);
    assertThat(t.minEligibleSends()).isEqualTo(200);
    assertThat(t.volumeSends()).isEqualTo(10_000);
    // As far back as counters are kept by default (COUNTER_RETENTION_DAYS 400), not 90 days.
    assertThat(t.volumeLookback()).isEqualTo(Duration.ofDays(400));
    assertThat(t.volumeLookbackHours()).isEqualTo(9600);
  }

  @Test
  void thresholdLookup_returnsEachLevelsValue() {
    Thresholds t = Thresholds.DEFAULT;
    assertThat(t.bounceThreshold(Level.WARNING)).isEqualTo(0.02);
    assertThat(t.bounceThreshold(Level.CRITICAL)).isEqualTo(0.04);
    assertThat(t.bounceThreshold(Level.REVIEW)).isEqualTo(0.05);
    assertThat(t.bounceThreshold(Level.PAUSE)).isEqualTo(0.10);
    assertThat(t.complaintThreshold(Level.WARNING)).isEqualTo(0.0004);
    assertThat(t.complaintThreshold(Level.CRITICAL)).isEqualTo(0.0008);
    assertThat(t.complaintThreshold(Level.REVIEW)).isEqualTo(0.001);
    assertThat(t.complaintThreshold(Level.PAUSE)).isEqualTo(0.005);
  }

  @Test
  void thresholdOfHealthy_isRefused() {
    assertThatThrownBy(() -> Thresholds.DEFAULT.bounceThreshold(Level.HEALTHY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HEALTHY");
    assertThatThrownBy(() -> Thresholds.DEFAULT.complaintThreshold(Level.HEALTHY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HEALTHY");
  }

  @Test
  void exitBound_isComputedInDecimal() {
    Thresholds t = Thresholds.DEFAULT;
    // Plain double arithmetic would give 0.045000000000000005 and 0.09000000000000001.
    assertThat(t.exitBound(0.05)).isEqualTo(0.045);
    assertThat(t.exitBound(0.10)).isEqualTo(0.09);
    assertThat(t.exitBound(0.04)).isEqualTo(0.036);
    assertThat(t.exitBound(0.02)).isEqualTo(0.018);
    assertThat(t.exitBound(0.005)).isEqualTo(0.0045);
    assertThat(t.exitBound(0.001)).isEqualTo(0.0009);
    assertThat(t.exitBound(0.0008)).isEqualTo(0.00072);
    assertThat(t.exitBound(0.0004)).isEqualTo(0.00036);
  }

  @Test
  void thresholdOfZeroOrAboveOne_isRefusedNamingIt() {
    assertThatThrownBy(() -> bounce(0, 0.04, 0.05, 0.10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bounceWarning");
    assertThatThrownBy(() -> bounce(0.02, 0.04, 0.05, 1.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bouncePause");
    assertThatThrownBy(() -> complaint(-0.1, 0.0008, 0.001, 0.005))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("complaintWarning");
    assertThatThrownBy(() -> complaint(0.0004, Double.NaN, 0.001, 0.005))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("complaintCritical");
  }

  @Test
  void pauseThresholdOfOne_isAccepted() {
    assertThat(bounce(0.02, 0.04, 0.05, 1.0).bouncePause()).isEqualTo(1.0);
  }

  @Test
  void thresholdsNotStrictlyIncreasing_areRefusedNamingBoth() {
    assertThatThrownBy(() -> bounce(0.04, 0.02, 0.05, 0.10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bounceCritical")
        .hasMessageContaining("bounceWarning");
    assertThatThrownBy(() -> bounce(0.02, 0.04, 0.04, 0.10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bounceReview")
        .hasMessageContaining("bounceCritical");
    assertThatThrownBy(() -> complaint(0.0004, 0.0008, 0.006, 0.005))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("complaintPause")
        .hasMessageContaining("complaintReview");
  }

  @Test
  void hysteresisOutsideZeroToOne_isRefused() {
    assertThat(other(0, 200, 10_000, Duration.ofDays(90)).hysteresis()).isZero();
    assertThatThrownBy(() -> other(1, 200, 10_000, Duration.ofDays(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hysteresis");
    assertThatThrownBy(() -> other(-0.01, 200, 10_000, Duration.ofDays(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hysteresis");
    assertThatThrownBy(() -> other(Double.NaN, 200, 10_000, Duration.ofDays(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hysteresis");
  }

  @Test
  void nonPositiveSendCounts_areRefusedNamingThem() {
    assertThatThrownBy(() -> other(0.1, 0, 10_000, Duration.ofDays(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minEligibleSends");
    assertThatThrownBy(() -> other(0.1, 200, 0, Duration.ofDays(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volumeSends");
  }

  @Test
  void lookbackNotAPositiveWholeNumberOfHours_isRefused() {
    assertThat(other(0.1, 200, 10_000, Duration.ofHours(1)).volumeLookbackHours()).isEqualTo(1);
    assertThatThrownBy(() -> other(0.1, 200, 10_000, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volumeLookback");
    assertThatThrownBy(() -> other(0.1, 200, 10_000, Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volumeLookback");
    assertThatThrownBy(() -> other(0.1, 200, 10_000, Duration.ofMinutes(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volumeLookback");
    assertThatThrownBy(() -> other(0.1, 200, 10_000, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("volumeLookback");
  }
}
