/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The representative-volume window: the latest 10,000 eligible sends within 90 days. */
class VolumeWindowTest {

  private static final Instant NOW = Instant.parse("2026-06-15T09:42:00Z");
  private static final Instant HOUR = Instant.parse("2026-06-15T09:00:00Z");

  /** The defaults with the 90-day lookback these cases were written for. */
  static final Thresholds NINETY_DAYS = WindowBoundariesTest.NINETY_DAYS;

  private final RateCalculator calculator = new RateCalculator(NINETY_DAYS);

  private static Instant hoursAgo(long hours) {
    return HOUR.minus(Duration.ofHours(hours));
  }

  private WindowRates volume(Traffic traffic) {
    return calculator
        .evaluate(Scope.domain("example.com"), traffic.hourly(), NOW, PreviousLevels.NONE)
        .window(Window.VOLUME)
        .orElseThrow();
  }

  @Test
  void volumeWindow_stopsAtTheBucketThatReachesTenThousand() {
    Traffic traffic = new Traffic();
    for (long h = 0; h < 100; h++) {
      traffic.sends(hoursAgo(h), 3000).hardBounces(hoursAgo(h), h);
    }

    WindowRates w = volume(traffic);

    assertThat(w.eligibleSends()).isEqualTo(12_000);
    assertThat(w.bounces()).isEqualTo(0 + 1 + 2 + 3);
    assertThat(w.bounceRate()).isEqualTo(6 / (double) 12_000);
    assertThat(w.from()).isEqualTo(hoursAgo(3));
    assertThat(w.to()).isEqualTo(NOW);
    assertThat(w.lowVolume()).isFalse();
  }

  @Test
  void exactlyTenThousand_stopsThere() {
    Traffic traffic =
        new Traffic().sends(hoursAgo(0), 5000).sends(hoursAgo(1), 5000).sends(hoursAgo(2), 5000);

    WindowRates w = volume(traffic);

    assertThat(w.eligibleSends()).isEqualTo(10_000);
    assertThat(w.from()).isEqualTo(hoursAgo(1));
  }

  @Test
  void oneSendShort_walksOnAcrossEmptyHours() {
    Traffic traffic =
        new Traffic()
            .sends(hoursAgo(0), 9999)
            .sends(hoursAgo(5), 1)
            .hardBounces(hoursAgo(5), 1)
            .sends(hoursAgo(6), 1000)
            .hardBounces(hoursAgo(6), 1000);

    WindowRates w = volume(traffic);

    assertThat(w.eligibleSends()).isEqualTo(10_000);
    assertThat(w.bounces()).isEqualTo(1);
    assertThat(w.from()).isEqualTo(hoursAgo(5));
  }

  @Test
  void onAccountListBounces_areSubtractedWhileWalking() {
    Traffic traffic =
        new Traffic()
            .sends(hoursAgo(0), 6000)
            .onAccountList(hoursAgo(0), 1000)
            .sends(hoursAgo(1), 4999)
            .sends(hoursAgo(2), 1)
            .sends(hoursAgo(3), 50_000);

    WindowRates w = volume(traffic);

    assertThat(w.eligibleSends()).isEqualTo(10_000);
    assertThat(w.from()).isEqualTo(hoursAgo(2));
  }

  @Test
  void deliveriesCountOnlyUntilAnyBucketWalkedHasSends() {
    Traffic traffic =
        new Traffic()
            .sends(hoursAgo(0), 4000)
            .deliveries(hoursAgo(0), 4000)
            .deliveries(hoursAgo(1), 8000)
            .sends(hoursAgo(2), 7000)
            .deliveries(hoursAgo(2), 7000);

    WindowRates w = volume(traffic);

    // Counting deliveries it would stop an hour earlier (12,000); with sends it needs hour 2.
    assertThat(w.eligibleSends()).isEqualTo(11_000);
    assertThat(w.from()).isEqualTo(hoursAgo(2));
  }

  @Test
  void deliveryOnlyHistory_reachesTenThousandOnDeliveriesAndBounces() {
    Traffic traffic =
        new Traffic()
            .deliveries(hoursAgo(0), 5900)
            .hardBounces(hoursAgo(0), 100)
            .deliveries(hoursAgo(1), 3990)
            .softBounces(hoursAgo(1), 10)
            .deliveries(hoursAgo(2), 20_000);

    WindowRates w = volume(traffic);

    assertThat(w.eligibleSends()).isEqualTo(10_000);
    assertThat(w.bounceRate()).isEqualTo(0.01);
    assertThat(w.from()).isEqualTo(hoursAgo(1));
  }

  @Test
  void tooFewSends_coverTheWhole90DayLookback() {
    Traffic traffic =
        new Traffic()
            .sends(NOW, 1000)
            .sends(hoursAgo(2159), 1000)
            .hardBounces(hoursAgo(2159), 60)
            .sends(hoursAgo(2160), 50_000);

    ScopeRates rates =
        calculator.evaluate(Scope.ACCOUNT, traffic.hourly(), NOW, PreviousLevels.NONE);
    WindowRates w = rates.window(Window.VOLUME).orElseThrow();

    assertThat(w.eligibleSends()).isEqualTo(2000);
    assertThat(w.bounces()).isEqualTo(60);
    assertThat(w.bounceRate()).isEqualTo(0.03);
    assertThat(w.bounceLevel()).isEqualTo(Level.WARNING);
    assertThat(w.from()).isEqualTo(hoursAgo(2159));
    assertThat(w.from()).isEqualTo(Instant.parse("2026-03-17T10:00:00Z"));
    assertThat(rates.window(Window.D30).orElseThrow().eligibleSends()).isEqualTo(1000);
  }

  @Test
  void noTraffic_coversTheWholeLookbackWithNoSends() {
    WindowRates w = volume(new Traffic());

    assertThat(w.eligibleSends()).isZero();
    assertThat(w.bounceRate()).isZero();
    assertThat(w.lowVolume()).isTrue();
    assertThat(w.from()).isEqualTo(hoursAgo(2159));
  }

  @Test
  void customVolumeAndLookback_areHonoured() {
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
            200,
            500,
            Duration.ofHours(48));
    RateCalculator custom = new RateCalculator(thresholds);
    Traffic enough = new Traffic().sends(hoursAgo(0), 300).sends(hoursAgo(10), 300);
    Traffic tooLittle = new Traffic().sends(hoursAgo(0), 300).sends(hoursAgo(48), 300);

    WindowRates reached =
        custom
            .evaluate(Scope.ACCOUNT, enough.hourly(), NOW, PreviousLevels.NONE)
            .window(Window.VOLUME)
            .orElseThrow();
    WindowRates lookedBack =
        custom
            .evaluate(Scope.ACCOUNT, tooLittle.hourly(), NOW, PreviousLevels.NONE)
            .window(Window.VOLUME)
            .orElseThrow();

    assertThat(reached.eligibleSends()).isEqualTo(600);
    assertThat(reached.from()).isEqualTo(hoursAgo(10));
    assertThat(lookedBack.eligibleSends()).isEqualTo(300);
    assertThat(lookedBack.from()).isEqualTo(hoursAgo(47));
  }
}
