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

/**
 * Scripted traffic whose counts and rates are worked out by hand (in the comments) and reproduced
 * exactly: counts as longs, rates as {@code count / (double) eligible}.
 */
class ScenarioTest {

  private final RateCalculator calculator = new RateCalculator(Thresholds.DEFAULT);

  private static void assertWindow(
      WindowRates w,
      long eligible,
      long bounces,
      long complaints,
      Level bounceLevel,
      Level complaintLevel) {
    assertThat(w.eligibleSends()).as("%s eligible sends", w.window()).isEqualTo(eligible);
    assertThat(w.bounces()).as("%s bounces", w.window()).isEqualTo(bounces);
    assertThat(w.complaints()).as("%s complaints", w.window()).isEqualTo(complaints);
    assertThat(w.bounceRate())
        .as("%s bounce rate", w.window())
        .isEqualTo(bounces / (double) eligible);
    assertThat(w.complaintRate())
        .as("%s complaint rate", w.window())
        .isEqualTo(complaints / (double) eligible);
    assertThat(w.bounceLevel()).as("%s bounce level", w.window()).isEqualTo(bounceLevel);
    assertThat(w.complaintLevel()).as("%s complaint level", w.window()).isEqualTo(complaintLevel);
    assertThat(w.level()).isEqualTo(Level.max(bounceLevel, complaintLevel));
  }

  private static WindowRates window(ScopeRates rates, Window window) {
    return rates.window(window).orElseThrow();
  }

  @Test
  void steadySenderImportingABadList_isCriticalOnComplaintsOverTheDay() {
    Instant now = Instant.parse("2026-03-31T15:20:00Z");
    Instant hour = Instant.parse("2026-03-31T15:00:00Z");
    Traffic traffic = new Traffic();
    // Every hour for 30 days: 100 sends, 1 counted hard bounce; one complaint every 24th hour.
    for (long k = 0; k < 720; k++) {
      Instant at = hour.minus(Duration.ofHours(k));
      traffic.sends(at, 100).deliveries(at, 99).hardBounces(at, 1);
      if (k % 24 == 0) {
        traffic.complaints(at, 1);
      }
    }
    // Older clean traffic, out of the fixed windows.
    for (long k = 720; k < 2200; k++) {
      Instant at = hour.minus(Duration.ofHours(k));
      traffic.sends(at, 100).deliveries(at, 100);
    }
    // Two hours ago a bad import: 1,000 sends, 100 counted hard bounces, 20 already on the account
    // list, 2 counted complaints and one that SES does not count, plus simulator tests.
    Instant bad = hour.minus(Duration.ofHours(2)).plusSeconds(1234);
    traffic
        .sends(bad, 1000)
        .deliveries(bad, 880)
        .hardBounces(bad, 100)
        .onAccountList(bad, 20)
        .complaints(bad, 2)
        .add(bad, CounterField.COMPLAINT, 1)
        .add(bad, CounterField.SIMULATOR, 50);

    ScopeRates rates =
        calculator.evaluate(
            Scope.configurationSet("newsletter"), traffic.hourly(), now, PreviousLevels.NONE);

    // 24h: 24×100 + 1000 − 20 = 3380 eligible; 24 + 100 = 124 bounces (3.67 %);
    // complaints at k = 0 plus 2 = 3 (0.0888 %).
    assertWindow(window(rates, Window.H24), 3380, 124, 3, Level.WARNING, Level.CRITICAL);
    // 7d: 168×100 + 980 = 17,780; 168 + 100 = 268 (1.51 %); 7 + 2 = 9 (0.0506 %).
    assertWindow(window(rates, Window.D7), 17_780, 268, 9, Level.HEALTHY, Level.WARNING);
    // 30d: 720×100 + 980 = 72,980; 820 (1.12 %); 30 + 2 = 32 (0.0438 %).
    assertWindow(window(rates, Window.D30), 72_980, 820, 32, Level.HEALTHY, Level.WARNING);
    // Volume: after k hours walked (k ≥ 2) 100(k+1) + 980; first ≥ 10,000 at k = 90: 10,080;
    // bounces 91 + 100 = 191 (1.89 %); complaints at k = 0, 24, 48, 72 plus 2 = 6 (0.0595 %).
    WindowRates volume = window(rates, Window.VOLUME);
    assertWindow(volume, 10_080, 191, 6, Level.HEALTHY, Level.WARNING);
    assertThat(volume.from()).isEqualTo(hour.minus(Duration.ofHours(90)));
    assertThat(rates.windows()).noneMatch(WindowRates::lowVolume);
    assertThat(rates.level()).isEqualTo(Level.CRITICAL);
    assertThat(rates.actionableLevel()).isEqualTo(Level.CRITICAL);
    assertThat(rates.scope()).isEqualTo(Scope.configurationSet("newsletter"));
  }

  @Test
  void deliveryOnlyHistory_countsDeliveriesAndBouncesAsSends() {
    Instant now = Instant.parse("2026-03-31T15:20:00Z");
    Instant hour = Instant.parse("2026-03-31T15:00:00Z");
    Traffic traffic = new Traffic();
    // No send events published. Per hour: 45 deliveries, 2 counted hard bounces, 1 bounce already
    // on the account list, 2 soft bounces (attempted 50, eligible 49); one complaint every 10th
    // hour; simulator traffic that never counts.
    for (long k = 0; k < 720; k++) {
      Instant at = hour.minus(Duration.ofHours(k));
      traffic
          .deliveries(at, 45)
          .hardBounces(at, 2)
          .onAccountList(at, 1)
          .softBounces(at, 2)
          .add(at, CounterField.SIMULATOR, 5);
      if (k % 10 == 0) {
        traffic.complaints(at, 1);
      }
    }

    ScopeRates rates =
        calculator.evaluate(
            Scope.domain("example.com"), traffic.hourly(), now, PreviousLevels.NONE);

    // 24h: 24×49 = 1176; 48 bounces (4.08 %); complaints at k = 0, 10, 20 (0.255 %).
    assertWindow(window(rates, Window.H24), 1176, 48, 3, Level.CRITICAL, Level.REVIEW);
    // 7d: 168×49 = 8232; 336; k = 0..160 step 10 = 17.
    assertWindow(window(rates, Window.D7), 8232, 336, 17, Level.CRITICAL, Level.REVIEW);
    // 30d: 720×49 = 35,280; 1440; 72.
    assertWindow(window(rates, Window.D30), 35_280, 1440, 72, Level.CRITICAL, Level.REVIEW);
    // Volume: 49(k+1) ≥ 10,000 first at k = 204: 205×49 = 10,045; 410; k = 0..200 step 10 = 21.
    WindowRates volume = window(rates, Window.VOLUME);
    assertWindow(volume, 10_045, 410, 21, Level.CRITICAL, Level.REVIEW);
    assertThat(volume.from()).isEqualTo(hour.minus(Duration.ofHours(204)));
    assertThat(rates.level()).isEqualTo(Level.REVIEW);
    assertThat(rates.actionableLevel()).isEqualTo(Level.REVIEW);
  }

  @Test
  void bounceSpike_holdsThenStepsDownWithHysteresis_andAgesOutOfTheDay() {
    Scope scope = Scope.domain("shop.example");
    Instant day = Instant.parse("2026-04-01T00:00:00Z");
    TestClock clock = new TestClock(day.plus(Duration.ofHours(10).plusMinutes(5)));
    Traffic traffic = new Traffic();
    PreviousLevels previous = PreviousLevels.NONE;

    // 10:05, a campaign starts: 400 sends, 20 bounces so far in the current hour (5 %).
    traffic.sends(clock.instant(), 400).hardBounces(clock.instant(), 20);
    ScopeRates rates = calculator.evaluate(scope, traffic.hourly(), clock.instant(), previous);
    for (WindowRates w : rates.windows()) {
      assertWindow(w, 400, 20, 0, Level.REVIEW, Level.HEALTHY);
    }
    previous = rates.levels();

    // 10:30, the same hour's bucket has grown to 1000 sends and 50 bounces (5 %).
    clock.advance(Duration.ofMinutes(25));
    traffic.sends(clock.instant(), 600).hardBounces(clock.instant(), 30);
    rates = calculator.evaluate(scope, traffic.hourly(), clock.instant(), previous);
    assertWindow(window(rates, Window.H24), 1000, 50, 0, Level.REVIEW, Level.HEALTHY);
    previous = rates.levels();

    long[] sendsNextHour = {100, 12, 138, 138, 1};
    long[] eligibleAfter = {1100, 1112, 1250, 1388, 1389};
    Level[] expected = {
      Level.REVIEW, // 4.545 %: below 5 % but not below 4.5 %
      Level.CRITICAL, // 4.496 %
      Level.CRITICAL, // 4.0 %
      Level.CRITICAL, // 3.602 %: below 4 % but not below 3.6 %
      Level.WARNING // 3.5997 %
    };
    for (int i = 0; i < sendsNextHour.length; i++) {
      clock.advance(Duration.ofHours(1));
      traffic.sends(clock.instant(), sendsNextHour[i]);
      rates = calculator.evaluate(scope, traffic.hourly(), clock.instant(), previous);
      for (WindowRates w : rates.windows()) {
        assertWindow(w, eligibleAfter[i], 50, 0, expected[i], Level.HEALTHY);
      }
      previous = rates.levels();
    }
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-04-01T15:30:00Z"));

    // The last instant before the spike's hour leaves the day window.
    clock.set(Instant.parse("2026-04-02T09:59:59.999Z"));
    rates = calculator.evaluate(scope, traffic.hourly(), clock.instant(), previous);
    assertWindow(window(rates, Window.H24), 1389, 50, 0, Level.WARNING, Level.HEALTHY);
    previous = rates.levels();

    clock.advance(Duration.ofMillis(1));
    rates = calculator.evaluate(scope, traffic.hourly(), clock.instant(), previous);
    assertWindow(window(rates, Window.H24), 389, 0, 0, Level.HEALTHY, Level.HEALTHY);
    assertWindow(window(rates, Window.D7), 1389, 50, 0, Level.WARNING, Level.HEALTHY);
    assertThat(window(rates, Window.H24).from()).isEqualTo(Instant.parse("2026-04-01T11:00:00Z"));
    assertThat(rates.level()).isEqualTo(Level.WARNING);
    assertThat(rates.actionableLevel()).isEqualTo(Level.WARNING);
  }
}
