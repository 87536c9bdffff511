/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which hourly buckets each window counts, as a test clock walks across hour and window ends. */
class WindowBoundariesTest {

  /** The defaults with the 90-day lookback these boundaries were written for. */
  static final Thresholds NINETY_DAYS =
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
          10_000,
          Duration.ofDays(90));

  private final RateCalculator calculator = new RateCalculator(NINETY_DAYS);

  private ScopeRates evaluate(Traffic traffic, Instant now) {
    return calculator.evaluate(Scope.ACCOUNT, traffic.hourly(), now, PreviousLevels.NONE);
  }

  private static long sends(ScopeRates rates, Window window) {
    return rates.window(window).orElseThrow().eligibleSends();
  }

  @Test
  void eventOneDayAndOneMinuteOld_isOutOf24hButIn7d() {
    Instant now = Instant.parse("2026-03-10T12:30:00Z");
    Traffic traffic = new Traffic().sends(now.minus(Duration.ofHours(24).plusMinutes(1)), 500);

    ScopeRates rates = evaluate(traffic, now);

    assertThat(sends(rates, Window.H24)).isZero();
    assertThat(sends(rates, Window.D7)).isEqualTo(500);
    assertThat(sends(rates, Window.D30)).isEqualTo(500);
    assertThat(sends(rates, Window.VOLUME)).isEqualTo(500);
  }

  @Test
  void eventOneMinuteIntoTheCurrentHour_countsInEveryWindow() {
    Instant now = Instant.parse("2026-03-10T12:01:00Z");
    Traffic traffic = new Traffic().sends(Instant.parse("2026-03-10T12:00:30Z"), 300);

    ScopeRates rates = evaluate(traffic, now);

    for (Window w : Window.values()) {
      assertThat(sends(rates, w)).as(w.name()).isEqualTo(300);
    }
  }

  @Test
  void bucketsAfterTheCurrentHour_areIgnored() {
    Instant now = Instant.parse("2026-03-10T12:59:59Z");
    Traffic traffic =
        new Traffic()
            .sends(now, 1000)
            .hardBounces(now, 10)
            .sends(Instant.parse("2026-03-10T13:00:00Z"), 7)
            .hardBounces(Instant.parse("2026-03-10T13:00:00Z"), 900)
            .complaints(Instant.parse("2026-04-30T00:00:00Z"), 900);

    ScopeRates rates = evaluate(traffic, now);

    for (WindowRates w : rates.windows()) {
      assertThat(w.eligibleSends()).as(w.window().name()).isEqualTo(1000);
      assertThat(w.bounces()).isEqualTo(10);
      assertThat(w.complaints()).isZero();
      assertThat(w.level()).isEqualTo(Level.HEALTHY);
    }
  }

  @Test
  void windows_spanFromTheFirstHourCountedToNow() {
    Instant now = Instant.parse("2026-03-31T15:20:07Z");
    Instant hour = Instant.parse("2026-03-31T15:00:00Z");

    ScopeRates rates = evaluate(new Traffic(), now);

    assertThat(rates.windows()).extracting(WindowRates::window).containsExactly(Window.values());
    assertThat(rates.windows()).allSatisfy(w -> assertThat(w.to()).isEqualTo(now));
    assertThat(rates.window(Window.H24).orElseThrow().from())
        .isEqualTo(hour.minus(Duration.ofHours(23)));
    assertThat(rates.window(Window.D7).orElseThrow().from())
        .isEqualTo(hour.minus(Duration.ofHours(167)));
    assertThat(rates.window(Window.D30).orElseThrow().from())
        .isEqualTo(hour.minus(Duration.ofHours(719)));
    assertThat(rates.window(Window.VOLUME).orElseThrow().from())
        .isEqualTo(hour.minus(Duration.ofHours(2159)));
  }

  @Test
  void clockWalkingForward_dropsAnEventFromEachWindowAtItsHourBoundary() {
    Instant event = Instant.parse("2026-03-01T08:45:00Z");
    Traffic traffic = new Traffic().sends(event, 1000).hardBounces(event, 30);
    TestClock clock = new TestClock(Instant.parse("2026-03-01T07:59:59.999Z"));

    // Before the event's hour: its bucket is in the future.
    assertThat(evaluate(traffic, clock.instant()).windows())
        .allSatisfy(w -> assertThat(w.eligibleSends()).isZero());

    // The event's hour is the current, partial hour from its first instant.
    clock.advance(Duration.ofMillis(1));
    ScopeRates atHourStart = evaluate(traffic, clock.instant());
    assertThat(atHourStart.windows())
        .allSatisfy(w -> assertThat(w.eligibleSends()).isEqualTo(1000));
    assertThat(atHourStart.window(Window.H24).orElseThrow().bounceRate())
        .isEqualTo(30 / (double) 1000);

    // The last instant of H24: the bucket is hour(now) − 23 h.
    clock.set(Instant.parse("2026-03-02T07:59:59.999Z"));
    assertThat(sends(evaluate(traffic, clock.instant()), Window.H24)).isEqualTo(1000);
    clock.advance(Duration.ofMillis(1));
    ScopeRates dayLater = evaluate(traffic, clock.instant());
    assertThat(sends(dayLater, Window.H24)).isZero();
    assertThat(sends(dayLater, Window.D7)).isEqualTo(1000);

    clock.set(Instant.parse("2026-03-08T07:59:59.999Z"));
    assertThat(sends(evaluate(traffic, clock.instant()), Window.D7)).isEqualTo(1000);
    clock.advance(Duration.ofMillis(1));
    ScopeRates weekLater = evaluate(traffic, clock.instant());
    assertThat(sends(weekLater, Window.D7)).isZero();
    assertThat(sends(weekLater, Window.D30)).isEqualTo(1000);

    clock.set(Instant.parse("2026-03-31T07:59:59.999Z"));
    assertThat(sends(evaluate(traffic, clock.instant()), Window.D30)).isEqualTo(1000);
    clock.advance(Duration.ofMillis(1));
    ScopeRates monthLater = evaluate(traffic, clock.instant());
    assertThat(sends(monthLater, Window.D30)).isZero();
    assertThat(sends(monthLater, Window.VOLUME)).isEqualTo(1000);
    assertThat(monthLater.window(Window.VOLUME).orElseThrow().bounces()).isEqualTo(30);

    // 90 days (2160 hourly buckets) after the event's hour.
    clock.set(Instant.parse("2026-05-30T07:59:59.999Z"));
    assertThat(sends(evaluate(traffic, clock.instant()), Window.VOLUME)).isEqualTo(1000);
    clock.advance(Duration.ofMillis(1));
    assertThat(evaluate(traffic, clock.instant()).windows())
        .allSatisfy(w -> assertThat(w.eligibleSends()).isZero());
  }

  @Test
  void eachWindow_countsItsEarliestHourButNotTheOneBefore() {
    Instant now = Instant.parse("2026-03-31T15:20:00Z");
    Instant hour = Instant.parse("2026-03-31T15:00:00Z");
    Traffic traffic = new Traffic();
    long[] offsets = {0, 23, 24, 167, 168, 719, 720, 2159, 2160};
    for (int i = 0; i < offsets.length; i++) {
      // Distinct powers of two show exactly which buckets were summed.
      traffic.sends(hour.minus(Duration.ofHours(offsets[i])), 1L << i);
    }

    ScopeRates rates = evaluate(traffic, now);

    assertThat(sends(rates, Window.H24)).isEqualTo(0b11);
    assertThat(sends(rates, Window.D7)).isEqualTo(0b1111);
    assertThat(sends(rates, Window.D30)).isEqualTo(0b111111);
    assertThat(sends(rates, Window.VOLUME)).isEqualTo(0b11111111);
  }

  @Test
  void bucketKeyNotStartingAnHour_isRefused() {
    Map<Instant, Map<CounterField, Long>> hourly = new HashMap<>();
    hourly.put(Instant.parse("2026-03-10T12:30:00Z"), Map.of(CounterField.SEND, 1L));

    assertThatThrownBy(
            () ->
                calculator.evaluate(
                    Scope.ACCOUNT,
                    hourly,
                    Instant.parse("2026-03-10T12:45:00Z"),
                    PreviousLevels.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-03-10T12:30:00Z");
  }

  @Test
  void negativeCounter_isRefusedNamingTheBucketAndField() {
    Instant hour = Instant.parse("2026-03-10T12:00:00Z");
    Map<CounterField, Long> fields = new EnumMap<>(CounterField.class);
    fields.put(CounterField.SEND, 10L);
    fields.put(CounterField.BOUNCE_COUNTED, -1L);

    assertThatThrownBy(
            () ->
                calculator.evaluate(
                    Scope.ACCOUNT, Map.of(hour, fields), hour.plusSeconds(60), PreviousLevels.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOUNCE_COUNTED")
        .hasMessageContaining("2026-03-10T12:00:00Z");
  }

  @Test
  void missingFieldsAndNullValues_countAsZero() {
    Instant hour = Instant.parse("2026-03-10T12:00:00Z");
    Map<CounterField, Long> fields = new HashMap<>();
    fields.put(CounterField.SEND, 400L);
    fields.put(CounterField.BOUNCE_COUNTED, null);

    ScopeRates rates =
        calculator.evaluate(
            Scope.ACCOUNT, Map.of(hour, fields), hour.plusSeconds(60), PreviousLevels.NONE);

    assertThat(rates.window(Window.H24).orElseThrow().eligibleSends()).isEqualTo(400);
    assertThat(rates.window(Window.H24).orElseThrow().bounces()).isZero();
  }
}
