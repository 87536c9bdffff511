/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Levels up and down every threshold for both metrics, with and without hysteresis. */
class LevelGradingTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");

  private final RateCalculator calculator = new RateCalculator(Thresholds.DEFAULT);

  /** All traffic in the current hour, so every window sees the same counts. */
  private static ScopeRates evaluate(
      RateCalculator calculator,
      long sends,
      long bounces,
      long complaints,
      PreviousLevels previous) {
    Traffic traffic = new Traffic().sends(NOW, sends).hardBounces(NOW, bounces);
    if (complaints > 0) {
      traffic.complaints(NOW, complaints);
    }
    return calculator.evaluate(Scope.ACCOUNT, traffic.hourly(), NOW, previous);
  }

  private ScopeRates bounces(long sends, long bounces, PreviousLevels previous) {
    return evaluate(calculator, sends, bounces, 0, previous);
  }

  private ScopeRates complaints(long sends, long complaints, PreviousLevels previous) {
    return evaluate(calculator, sends, 0, complaints, previous);
  }

  private static WindowRates h24(ScopeRates rates) {
    return rates.window(Window.H24).orElseThrow();
  }

  private static PreviousLevels bounceWas(Level level) {
    return new PreviousLevels(Map.of(Window.H24, level), Map.of());
  }

  private static PreviousLevels complaintWas(Level level) {
    return new PreviousLevels(Map.of(), Map.of(Window.H24, level));
  }

  @Test
  void bounceRateAtTwoPercent_isWarning() {
    WindowRates w = h24(bounces(1000, 20, PreviousLevels.NONE));
    assertThat(w.bounceRate()).isEqualTo(0.02);
    assertThat(w.bounceLevel()).isEqualTo(Level.WARNING);
    assertThat(w.complaintLevel()).isEqualTo(Level.HEALTHY);
    assertThat(w.level()).isEqualTo(Level.WARNING);
  }

  @Test
  void bounceRateAtFourPercent_isCritical() {
    WindowRates w = h24(bounces(1000, 40, PreviousLevels.NONE));
    assertThat(w.bounceRate()).isEqualTo(0.04);
    assertThat(w.bounceLevel()).isEqualTo(Level.CRITICAL);
  }

  @Test
  void bounceRateAtFivePercent_isReview() {
    WindowRates w = h24(bounces(1000, 50, PreviousLevels.NONE));
    assertThat(w.bounceRate()).isEqualTo(0.05);
    assertThat(w.bounceLevel()).isEqualTo(Level.REVIEW);
  }

  @Test
  void bounceRateAtTenPercent_isPause() {
    WindowRates w = h24(bounces(1000, 100, PreviousLevels.NONE));
    assertThat(w.bounceRate()).isEqualTo(0.10);
    assertThat(w.bounceLevel()).isEqualTo(Level.PAUSE);
  }

  @Test
  void complaintRateAtPointZeroFourPercent_isWarning() {
    WindowRates w = h24(complaints(100_000, 40, PreviousLevels.NONE));
    assertThat(w.complaintRate()).isEqualTo(0.0004);
    assertThat(w.complaintLevel()).isEqualTo(Level.WARNING);
    assertThat(w.bounceLevel()).isEqualTo(Level.HEALTHY);
    assertThat(w.level()).isEqualTo(Level.WARNING);
  }

  @Test
  void complaintRateAtPointZeroEightPercent_isCritical() {
    WindowRates w = h24(complaints(100_000, 80, PreviousLevels.NONE));
    assertThat(w.complaintRate()).isEqualTo(0.0008);
    assertThat(w.complaintLevel()).isEqualTo(Level.CRITICAL);
  }

  @Test
  void complaintRateAtPointOnePercent_isReview() {
    WindowRates w = h24(complaints(100_000, 100, PreviousLevels.NONE));
    assertThat(w.complaintRate()).isEqualTo(0.001);
    assertThat(w.complaintLevel()).isEqualTo(Level.REVIEW);
  }

  @Test
  void complaintRateAtPointFivePercent_isPause() {
    WindowRates w = h24(complaints(100_000, 500, PreviousLevels.NONE));
    assertThat(w.complaintRate()).isEqualTo(0.005);
    assertThat(w.complaintLevel()).isEqualTo(Level.PAUSE);
  }

  @ParameterizedTest(name = "{1} bounces of {0} sends is {2}")
  @CsvSource({
    "1000, 0, HEALTHY",
    "1000, 19, HEALTHY",
    "1000, 20, WARNING",
    "1000, 39, WARNING",
    "1000, 40, CRITICAL",
    "1000, 49, CRITICAL",
    "1000, 50, REVIEW",
    "1000, 99, REVIEW",
    "1000, 100, PAUSE",
    "1000, 1000, PAUSE",
    "100000, 1999, HEALTHY",
    "100000, 2000, WARNING",
    "100000, 9999, REVIEW",
    "100000, 10000, PAUSE"
  })
  void bounceRate_withoutHistory_isTheHighestLevelReached(long sends, long bounces, Level level) {
    WindowRates w = h24(bounces(sends, bounces, PreviousLevels.NONE));
    assertThat(w.bounces()).isEqualTo(bounces);
    assertThat(w.bounceRate()).isEqualTo(bounces / (double) sends);
    assertThat(w.bounceLevel()).isEqualTo(level);
  }

  @ParameterizedTest(name = "{1} complaints of {0} sends is {2}")
  @CsvSource({
    "100000, 0, HEALTHY",
    "100000, 39, HEALTHY",
    "100000, 40, WARNING",
    "100000, 79, WARNING",
    "100000, 80, CRITICAL",
    "100000, 99, CRITICAL",
    "100000, 100, REVIEW",
    "100000, 499, REVIEW",
    "100000, 500, PAUSE",
    "2500, 1, WARNING",
    "2500, 2, CRITICAL",
    "1000, 1, REVIEW",
    "1000, 4, REVIEW",
    "1000, 5, PAUSE"
  })
  void complaintRate_withoutHistory_isTheHighestLevelReached(
      long sends, long complaints, Level level) {
    WindowRates w = h24(complaints(sends, complaints, PreviousLevels.NONE));
    assertThat(w.complaints()).isEqualTo(complaints);
    assertThat(w.complaintRate()).isEqualTo(complaints / (double) sends);
    assertThat(w.complaintLevel()).isEqualTo(level);
  }

  @Test
  void bounceLevel_goesUpAtOnce_evenSkippingLevels() {
    assertThat(h24(bounces(1000, 100, bounceWas(Level.HEALTHY))).bounceLevel())
        .isEqualTo(Level.PAUSE);
    assertThat(h24(bounces(1000, 50, bounceWas(Level.WARNING))).bounceLevel())
        .isEqualTo(Level.REVIEW);
  }

  @Test
  void complaintLevel_goesUpAtOnce_evenSkippingLevels() {
    assertThat(h24(complaints(100_000, 500, complaintWas(Level.HEALTHY))).complaintLevel())
        .isEqualTo(Level.PAUSE);
    assertThat(h24(complaints(100_000, 80, complaintWas(Level.WARNING))).complaintLevel())
        .isEqualTo(Level.CRITICAL);
  }

  @Test
  void bounceRateOfFourPointNinePercentAfterReview_staysReview() {
    assertThat(h24(bounces(1000, 49, bounceWas(Level.REVIEW))).bounceLevel())
        .isEqualTo(Level.REVIEW);
  }

  @Test
  void bounceRateOfExactlyFourPointFivePercentAfterReview_staysReview() {
    // 5 % × (1 − 10 %) = 4.5 %: a level is left only once the rate is below that.
    WindowRates w = h24(bounces(1000, 45, bounceWas(Level.REVIEW)));
    assertThat(w.bounceRate()).isEqualTo(0.045);
    assertThat(w.bounceLevel()).isEqualTo(Level.REVIEW);
  }

  @Test
  void bounceRateOfFourPointFourPercentAfterReview_dropsToCritical() {
    assertThat(h24(bounces(1000, 44, bounceWas(Level.REVIEW))).bounceLevel())
        .isEqualTo(Level.CRITICAL);
    assertThat(h24(bounces(100_000, 4499, bounceWas(Level.REVIEW))).bounceLevel())
        .isEqualTo(Level.CRITICAL);
  }

  @Test
  void bounceRateWalkingDownFromPause_leavesEachLevelBelowNinetyPercentOfItsThreshold() {
    // Exit bounds with 10 % hysteresis: PAUSE 9 %, REVIEW 4.5 %, CRITICAL 3.6 %, WARNING 1.8 %.
    long[] bounces = {100, 90, 89, 49, 45, 44, 36, 35, 18, 17, 0};
    Level[] expected = {
      Level.PAUSE, // 10 %: raw PAUSE
      Level.PAUSE, // 9.0 %: held
      Level.REVIEW, // 8.9 %: raw REVIEW
      Level.REVIEW, // 4.9 %: held
      Level.REVIEW, // 4.5 %: held
      Level.CRITICAL, // 4.4 %: raw CRITICAL
      Level.CRITICAL, // 3.6 %: held
      Level.WARNING, // 3.5 %: raw WARNING
      Level.WARNING, // 1.8 %: held
      Level.HEALTHY, // 1.7 %: raw HEALTHY
      Level.HEALTHY
    };
    PreviousLevels previous = PreviousLevels.NONE;
    for (int i = 0; i < bounces.length; i++) {
      ScopeRates rates = bounces(1000, bounces[i], previous);
      assertThat(h24(rates).bounceRate()).isEqualTo(bounces[i] / (double) 1000);
      assertThat(h24(rates).bounceLevel()).as("%d bounces", bounces[i]).isEqualTo(expected[i]);
      previous = rates.levels();
    }
  }

  @Test
  void complaintRateWalkingDownFromPause_leavesEachLevelBelowNinetyPercentOfItsThreshold() {
    // Exit bounds: PAUSE 0.45 %, REVIEW 0.09 %, CRITICAL 0.072 %, WARNING 0.036 %.
    long[] complaints = {500, 450, 449, 100, 90, 89, 72, 71, 36, 35};
    Level[] expected = {
      Level.PAUSE, // 0.5 %
      Level.PAUSE, // 0.45 %: held
      Level.REVIEW, // 0.449 %: raw REVIEW
      Level.REVIEW, // 0.1 %
      Level.REVIEW, // 0.09 %: held
      Level.CRITICAL, // 0.089 %: raw CRITICAL
      Level.CRITICAL, // 0.072 %: held
      Level.WARNING, // 0.071 %: raw WARNING
      Level.WARNING, // 0.036 %: held
      Level.HEALTHY // 0.035 %
    };
    PreviousLevels previous = PreviousLevels.NONE;
    for (int i = 0; i < complaints.length; i++) {
      ScopeRates rates = complaints(100_000, complaints[i], previous);
      assertThat(h24(rates).complaintRate()).isEqualTo(complaints[i] / (double) 100_000);
      assertThat(h24(rates).complaintLevel())
          .as("%d complaints", complaints[i])
          .isEqualTo(expected[i]);
      previous = rates.levels();
    }
  }

  @Test
  void bounceRateFallingFarAfterPause_holdsTheHighestLevelStillWithinHysteresis() {
    // 4.6 % is below PAUSE's 9 % exit bound but above REVIEW's 4.5 %.
    assertThat(h24(bounces(1000, 46, bounceWas(Level.PAUSE))).bounceLevel())
        .isEqualTo(Level.REVIEW);
    // 1.8 % after PAUSE: only WARNING's exit bound is still reached.
    assertThat(h24(bounces(1000, 18, bounceWas(Level.PAUSE))).bounceLevel())
        .isEqualTo(Level.WARNING);
    assertThat(h24(bounces(1000, 10, bounceWas(Level.PAUSE))).bounceLevel())
        .isEqualTo(Level.HEALTHY);
  }

  @Test
  void noTrafficAfterPause_isUnknownNotHeld() {
    // No denominator: no verdict (issue 11), and nothing of the old pause is held.
    ScopeRates rates = bounces(0, 0, bounceWas(Level.PAUSE));
    assertThat(h24(rates).bounceRate()).isZero();
    assertThat(h24(rates).bounceLevel()).isEqualTo(Level.UNKNOWN);
  }

  @Test
  void withoutHysteresis_aLevelIsLeftAsSoonAsTheRateIsBelowIt() {
    Thresholds none =
        new Thresholds(
            0.02,
            0.04,
            0.05,
            0.10,
            0.0004,
            0.0008,
            0.001,
            0.005,
            0,
            200,
            10_000,
            Duration.ofDays(90));
    RateCalculator strict = new RateCalculator(none);
    assertThat(h24(evaluate(strict, 1000, 50, 0, bounceWas(Level.REVIEW))).bounceLevel())
        .isEqualTo(Level.REVIEW);
    assertThat(h24(evaluate(strict, 1000, 49, 0, bounceWas(Level.REVIEW))).bounceLevel())
        .isEqualTo(Level.CRITICAL);
    assertThat(h24(evaluate(strict, 100_000, 0, 99, complaintWas(Level.REVIEW))).complaintLevel())
        .isEqualTo(Level.CRITICAL);
  }

  @Test
  void widerHysteresis_holdsLonger() {
    Thresholds wide =
        new Thresholds(
            0.02,
            0.04,
            0.05,
            0.10,
            0.0004,
            0.0008,
            0.001,
            0.005,
            0.5,
            200,
            10_000,
            Duration.ofDays(90));
    RateCalculator calm = new RateCalculator(wide);
    // REVIEW holds down to 2.5 %, then CRITICAL down to 2 %.
    assertThat(h24(evaluate(calm, 1000, 25, 0, bounceWas(Level.REVIEW))).bounceLevel())
        .isEqualTo(Level.REVIEW);
    assertThat(h24(evaluate(calm, 1000, 24, 0, bounceWas(Level.REVIEW))).bounceLevel())
        .isEqualTo(Level.CRITICAL);
    assertThat(h24(evaluate(calm, 1000, 19, 0, bounceWas(Level.REVIEW))).bounceLevel())
        .isEqualTo(Level.WARNING);
  }

  @Test
  void hysteresis_isPerMetricAndPerWindow() {
    PreviousLevels previous =
        new PreviousLevels(Map.of(Window.H24, Level.REVIEW), Map.of(Window.D7, Level.REVIEW));
    // 4.6 % bounces and 0.095 % complaints.
    ScopeRates rates = evaluate(calculator, 100_000, 4600, 95, previous);

    WindowRates h24 = rates.window(Window.H24).orElseThrow();
    WindowRates d7 = rates.window(Window.D7).orElseThrow();
    assertThat(h24.bounceLevel()).isEqualTo(Level.REVIEW);
    assertThat(h24.complaintLevel()).isEqualTo(Level.CRITICAL);
    assertThat(d7.bounceLevel()).isEqualTo(Level.CRITICAL);
    assertThat(d7.complaintLevel()).isEqualTo(Level.REVIEW);
    assertThat(rates.window(Window.D30).orElseThrow().level()).isEqualTo(Level.CRITICAL);
    assertThat(rates.levels().bounce())
        .containsExactly(
            Map.entry(Window.H24, Level.REVIEW),
            Map.entry(Window.D7, Level.CRITICAL),
            Map.entry(Window.D30, Level.CRITICAL),
            Map.entry(Window.VOLUME, Level.CRITICAL));
    assertThat(rates.levels().complaint(Window.D7)).isEqualTo(Level.REVIEW);
  }

  @Test
  void windowLevel_isTheWorseMetric_andScopeLevelTheWorstWindow() {
    // 2 % bounces (WARNING), 0.1 % complaints (REVIEW).
    ScopeRates rates = evaluate(calculator, 100_000, 2000, 100, PreviousLevels.NONE);
    assertThat(rates.windows())
        .allSatisfy(
            w -> {
              assertThat(w.bounceLevel()).isEqualTo(Level.WARNING);
              assertThat(w.complaintLevel()).isEqualTo(Level.REVIEW);
              assertThat(w.level()).isEqualTo(Level.REVIEW);
            });
    assertThat(rates.level()).isEqualTo(Level.REVIEW);
    assertThat(rates.actionableLevel()).isEqualTo(Level.REVIEW);
  }
}
