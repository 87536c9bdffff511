/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What counts as an eligible send, a counted bounce or complaint, and a low-volume window. */
class EligibleSendsTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");
  private static final Instant EARLIER = NOW.minus(Duration.ofHours(5));

  private final RateCalculator calculator = new RateCalculator(Thresholds.DEFAULT);

  private ScopeRates evaluate(Traffic traffic) {
    return calculator.evaluate(
        Scope.configurationSet("marketing"), traffic.hourly(), NOW, PreviousLevels.NONE);
  }

  private static WindowRates h24(ScopeRates rates) {
    return rates.window(Window.H24).orElseThrow();
  }

  @Test
  void withSends_eligibleIsSendsMinusOnAccountListBounces() {
    Traffic traffic =
        new Traffic()
            .sends(NOW, 1000)
            .deliveries(NOW, 900)
            .hardBounces(NOW, 50)
            .onAccountList(NOW, 10)
            .softBounces(NOW, 20);

    WindowRates w = h24(evaluate(traffic));

    assertThat(w.eligibleSends()).isEqualTo(990);
    assertThat(w.bounces()).isEqualTo(50);
    assertThat(w.bounceRate()).isEqualTo(50 / (double) 990);
    assertThat(w.bounceLevel()).isEqualTo(Level.REVIEW);
  }

  @Test
  void withoutSends_eligibleIsDeliveriesPlusEveryBounceMinusOnAccountList() {
    Traffic traffic =
        new Traffic()
            .deliveries(NOW, 900)
            .hardBounces(NOW, 50)
            .onAccountList(NOW, 10)
            .softBounces(NOW, 20)
            .add(NOW, CounterField.BOUNCE_UNDETERMINED, 5);

    WindowRates w = h24(evaluate(traffic));

    // 900 + (50 + 10) + 20 + 5 − 10
    assertThat(w.eligibleSends()).isEqualTo(975);
    assertThat(w.bounceRate()).isEqualTo(50 / (double) 975);
  }

  @Test
  void sendsInAnyBucketOfTheWindow_makeTheWholeWindowCountSends() {
    Traffic traffic =
        new Traffic()
            .sends(NOW, 300)
            .deliveries(EARLIER, 1000)
            .hardBounces(EARLIER, 15)
            .complaints(EARLIER, 1);

    ScopeRates rates = evaluate(traffic);

    assertThat(h24(rates).eligibleSends()).isEqualTo(300);
    assertThat(h24(rates).bounceRate()).isEqualTo(15 / (double) 300);
    assertThat(h24(rates).complaintRate()).isEqualTo(1 / (double) 300);
  }

  @Test
  void windowWithoutSends_usesDeliveriesEvenIfAWiderWindowHasSends() {
    Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
    Traffic traffic =
        new Traffic().deliveries(NOW, 400).hardBounces(NOW, 8).sends(twoDaysAgo, 10_000);

    ScopeRates rates = evaluate(traffic);

    assertThat(h24(rates).eligibleSends()).isEqualTo(408);
    assertThat(rates.window(Window.D7).orElseThrow().eligibleSends()).isEqualTo(10_000);
  }

  @Test
  void moreOnAccountListBouncesThanSends_isZeroEligibleNeverNegative() {
    Traffic traffic =
        new Traffic()
            .sends(NOW, 5)
            .onAccountList(NOW, 8)
            .hardBounces(EARLIER, 3)
            .complaints(NOW, 1);

    WindowRates w = h24(evaluate(traffic));

    assertThat(w.eligibleSends()).isZero();
    assertThat(w.bounces()).isEqualTo(3);
    assertThat(w.complaints()).isEqualTo(1);
    assertThat(w.bounceRate()).isZero();
    assertThat(w.complaintRate()).isZero();
    // Sends exist but none was attempted: nothing to divide by, so no verdict.
    assertThat(w.level()).isEqualTo(Level.UNKNOWN);
    assertThat(w.lowVolume()).isTrue();
  }

  @Test
  void simulatorTraffic_neverCounts() {
    Traffic traffic = new Traffic().add(NOW, CounterField.SIMULATOR, 50_000);

    ScopeRates rates = evaluate(traffic);

    assertThat(rates.windows())
        .allSatisfy(
            w -> {
              assertThat(w.eligibleSends()).isZero();
              assertThat(w.lowVolume()).isTrue();
              assertThat(w.denominator()).isEqualTo(Denominator.NONE);
            });
    assertThat(rates.level()).isEqualTo(Level.UNKNOWN);
  }

  @Test
  void onlyBouncesAndComplaintsSesCounts_enterTheRates() {
    Traffic traffic =
        new Traffic()
            .sends(NOW, 10_000)
            .add(NOW, CounterField.BOUNCE_PERMANENT, 300)
            .add(NOW, CounterField.BOUNCE_COUNTED, 100)
            .add(NOW, CounterField.BOUNCE_TRANSIENT, 700)
            .add(NOW, CounterField.COMPLAINT, 20)
            .add(NOW, CounterField.COMPLAINT_COUNTED, 3)
            .add(NOW, CounterField.REJECT, 40)
            .add(NOW, CounterField.DELIVERY_DELAY, 90)
            .add(NOW, CounterField.OTHER, 5000);

    WindowRates w = h24(evaluate(traffic));

    assertThat(w.eligibleSends()).isEqualTo(10_000);
    assertThat(w.bounces()).isEqualTo(100);
    assertThat(w.complaints()).isEqualTo(3);
    assertThat(w.bounceRate()).isEqualTo(0.01);
    assertThat(w.complaintRate()).isEqualTo(0.0003);
    assertThat(w.level()).isEqualTo(Level.HEALTHY);
  }

  @Test
  void oneHundredNinetyNineEligibleSends_isLowVolume() {
    WindowRates w = h24(evaluate(new Traffic().sends(NOW, 199)));
    assertThat(w.eligibleSends()).isEqualTo(199);
    assertThat(w.lowVolume()).isTrue();
  }

  @Test
  void twoHundredEligibleSends_isNotLowVolume() {
    WindowRates w = h24(evaluate(new Traffic().sends(NOW, 200)));
    assertThat(w.eligibleSends()).isEqualTo(200);
    assertThat(w.lowVolume()).isFalse();
  }

  @Test
  void onAccountListBounces_canMakeAWindowLowVolume() {
    WindowRates w = h24(evaluate(new Traffic().sends(NOW, 200).onAccountList(NOW, 1)));
    assertThat(w.eligibleSends()).isEqualTo(199);
    assertThat(w.lowVolume()).isTrue();
  }

  @Test
  void lowVolumeWindow_stillReportsItsLevel_butIsNotActionable() {
    ScopeRates rates = evaluate(new Traffic().sends(NOW, 199).hardBounces(NOW, 20));
    WindowRates w = h24(rates);

    assertThat(w.bounceRate()).isEqualTo(20 / (double) 199);
    assertThat(w.level()).isEqualTo(Level.PAUSE);
    assertThat(rates.level()).isEqualTo(Level.PAUSE);
    assertThat(rates.actionableLevel()).isEqualTo(Level.HEALTHY);
  }

  @Test
  void sameRateAtTwoHundredSends_isActionable() {
    ScopeRates rates = evaluate(new Traffic().sends(NOW, 200).hardBounces(NOW, 20));

    assertThat(h24(rates).bounceRate()).isEqualTo(0.10);
    assertThat(h24(rates).lowVolume()).isFalse();
    assertThat(rates.actionableLevel()).isEqualTo(Level.PAUSE);
  }

  @Test
  void lowVolumeDaySpike_isReported_butActionableLevelComesFromTheWeek() {
    Instant threeDaysAgo = NOW.minus(Duration.ofDays(3));
    Traffic traffic =
        new Traffic().sends(NOW, 150).hardBounces(NOW, 20).sends(threeDaysAgo, 10_000);

    ScopeRates rates = evaluate(traffic);

    WindowRates day = h24(rates);
    WindowRates week = rates.window(Window.D7).orElseThrow();
    assertThat(day.lowVolume()).isTrue();
    assertThat(day.level()).isEqualTo(Level.PAUSE);
    assertThat(week.eligibleSends()).isEqualTo(10_150);
    assertThat(week.bounceRate()).isEqualTo(20 / (double) 10_150);
    assertThat(week.lowVolume()).isFalse();
    assertThat(week.level()).isEqualTo(Level.HEALTHY);
    assertThat(rates.level()).isEqualTo(Level.PAUSE);
    assertThat(rates.actionableLevel()).isEqualTo(Level.HEALTHY);
  }

  @Test
  void minimumEligibleSends_isConfigurable() {
    Thresholds thresholds =
        new Thresholds(
            0.02,
            0.04,
            0.05,
            0.10,
            0.0004,
            0.0008,
            0.001,
            0.005,
            0.10,
            1000,
            10_000,
            Duration.ofDays(90));
    ScopeRates rates =
        new RateCalculator(thresholds)
            .evaluate(
                Scope.ACCOUNT,
                new Traffic().sends(NOW, 999).hardBounces(NOW, 50).hourly(),
                NOW,
                PreviousLevels.NONE);

    assertThat(h24(rates).lowVolume()).isTrue();
    assertThat(rates.level()).isEqualTo(Level.REVIEW);
    assertThat(rates.actionableLevel()).isEqualTo(Level.HEALTHY);
  }
}
