/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Property-based tests (QuickTheories) of the rates and levels. */
class RatePropertiesTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");
  private static final Instant AT = NOW.minus(Duration.ofHours(3));
  private static final long PPM = 1_000_000;

  private final RateCalculator calculator = new RateCalculator(Thresholds.DEFAULT);

  /**
   * Traffic with exactly {@code eligible} eligible sends, through sends when {@code viaSends} and
   * through deliveries and bounces otherwise, with {@code onList} never-attempted sends on top.
   */
  private static Traffic traffic(
      long eligible, long onList, boolean viaSends, long bounces, long complaints) {
    Traffic traffic = new Traffic().onAccountList(AT, onList).hardBounces(AT, bounces);
    if (viaSends) {
      traffic.sends(AT, eligible + onList);
    } else {
      traffic.deliveries(AT, eligible - bounces);
    }
    return traffic.complaints(AT, complaints);
  }

  private ScopeRates evaluate(Traffic traffic, PreviousLevels previous) {
    return calculator.evaluate(Scope.ACCOUNT, traffic.hourly(), NOW, previous);
  }

  @Test
  void ratesAreWithinZeroAndOne_whenCountsDoNotExceedEligibleSends() {
    qt().withExamples(1000)
        .forAll(
            longs().between(0, 1_000_000_000L),
            longs().between(0, 1_000_000),
            integers().between(0, (int) PPM),
            integers().between(0, (int) PPM))
        .checkAssert(
            (eligible, onList, bouncePpm, complaintPpm) -> {
              long bounces = eligible * bouncePpm / PPM;
              long complaints = eligible * complaintPpm / PPM;
              ScopeRates rates =
                  evaluate(
                      traffic(eligible, onList, onList % 2 == 0, bounces, complaints),
                      PreviousLevels.NONE);
              for (WindowRates w : rates.windows()) {
                assertThat(w.eligibleSends()).isEqualTo(eligible);
                assertThat(w.bounceRate()).isBetween(0.0, 1.0);
                assertThat(w.complaintRate()).isBetween(0.0, 1.0);
                assertThat(w.bounceRate())
                    .isEqualTo(eligible == 0 ? 0 : bounces / (double) eligible);
                assertThat(w.complaintRate())
                    .isEqualTo(eligible == 0 ? 0 : complaints / (double) eligible);
                assertThat(w.lowVolume()).isEqualTo(eligible < 200);
              }
            });
  }

  @Test
  void levelNeverDecreases_whenTheRateIncreases_withoutPreviousLevels() {
    qt().withExamples(1000)
        .forAll(
            longs().between(1, 10_000_000),
            integers().between(0, 150_000),
            longs().between(1, 10_000_000),
            integers().between(0, 150_000))
        .checkAssert(
            (e1, ppm1, e2, ppm2) -> {
              // Bounce rates up to 15 %, complaint rates up to 0.75 %.
              WindowRates a =
                  evaluate(
                          traffic(e1, 0, true, e1 * ppm1 / PPM, e1 * ppm1 / (20 * PPM)),
                          PreviousLevels.NONE)
                      .window(Window.H24)
                      .orElseThrow();
              WindowRates b =
                  evaluate(
                          traffic(e2, 0, true, e2 * ppm2 / PPM, e2 * ppm2 / (20 * PPM)),
                          PreviousLevels.NONE)
                      .window(Window.H24)
                      .orElseThrow();
              WindowRates lowBounce = a.bounceRate() <= b.bounceRate() ? a : b;
              WindowRates highBounce = lowBounce == a ? b : a;
              assertThat(lowBounce.bounceLevel()).isLessThanOrEqualTo(highBounce.bounceLevel());
              WindowRates lowComplaint = a.complaintRate() <= b.complaintRate() ? a : b;
              WindowRates highComplaint = lowComplaint == a ? b : a;
              assertThat(lowComplaint.complaintLevel())
                  .isLessThanOrEqualTo(highComplaint.complaintLevel());
            });
  }

  @Test
  void hysteresis_keepsTheLevelBetweenTheRawLevelAndThePreviousOne() {
    qt().withExamples(1000)
        .forAll(
            longs().between(1, 10_000_000),
            integers().between(0, 150_000),
            arbitrary().enumValues(Level.class),
            arbitrary().enumValues(Level.class))
        .checkAssert(
            (eligible, ppm, previousBounce, previousComplaint) -> {
              Traffic traffic =
                  traffic(eligible, 0, true, eligible * ppm / PPM, eligible * ppm / (20 * PPM));
              WindowRates raw =
                  evaluate(traffic, PreviousLevels.NONE).window(Window.D7).orElseThrow();
              PreviousLevels previous =
                  new PreviousLevels(
                      Map.of(Window.D7, previousBounce), Map.of(Window.D7, previousComplaint));
              WindowRates held = evaluate(traffic, previous).window(Window.D7).orElseThrow();

              assertThat(held.bounceLevel())
                  .isGreaterThanOrEqualTo(raw.bounceLevel())
                  .isLessThanOrEqualTo(Level.max(raw.bounceLevel(), previousBounce));
              assertThat(held.complaintLevel())
                  .isGreaterThanOrEqualTo(raw.complaintLevel())
                  .isLessThanOrEqualTo(Level.max(raw.complaintLevel(), previousComplaint));
              if (held.bounceLevel() != raw.bounceLevel()) {
                double threshold = Thresholds.DEFAULT.bounceThreshold(held.bounceLevel());
                assertThat(held.bounceRate())
                    .isLessThan(threshold)
                    .isGreaterThanOrEqualTo(Thresholds.DEFAULT.exitBound(threshold));
              }
            });
  }
}
