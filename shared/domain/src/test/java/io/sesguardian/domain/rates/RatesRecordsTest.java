/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.ingest.Scope;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatesRecordsTest {

  private static final Instant TO = Instant.parse("2026-03-10T12:30:00Z");
  private static final Instant FROM = Instant.parse("2026-03-09T13:00:00Z");

  private static WindowRates window(Window window, Level bounce, Level complaint, boolean low) {
    return new WindowRates(
        window,
        FROM,
        TO,
        low ? 100 : 1000,
        0,
        0,
        0,
        0,
        bounce,
        complaint,
        Level.max(bounce, complaint),
        low,
        low ? 100 : 1000,
        Denominator.SEND);
  }

  @Test
  void previousLevelsNone_isHealthyEverywhere() {
    for (Window w : Window.values()) {
      assertThat(PreviousLevels.NONE.bounce(w)).isEqualTo(Level.HEALTHY);
      assertThat(PreviousLevels.NONE.complaint(w)).isEqualTo(Level.HEALTHY);
    }
    assertThat(PreviousLevels.NONE.bounce()).isEmpty();
    assertThat(PreviousLevels.NONE.complaint()).isEmpty();
  }

  @Test
  void previousLevels_areAnImmutableCopy() {
    Map<Window, Level> bounce = new HashMap<>(Map.of(Window.D7, Level.REVIEW));
    PreviousLevels levels = new PreviousLevels(bounce, Map.of(Window.H24, Level.WARNING));
    bounce.put(Window.H24, Level.PAUSE);

    assertThat(levels.bounce(Window.D7)).isEqualTo(Level.REVIEW);
    assertThat(levels.bounce(Window.H24)).isEqualTo(Level.HEALTHY);
    assertThat(levels.complaint(Window.H24)).isEqualTo(Level.WARNING);
    assertThatThrownBy(() -> levels.bounce().put(Window.D30, Level.PAUSE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(levels)
        .isEqualTo(new PreviousLevels(Map.of(Window.D7, Level.REVIEW), levels.complaint()));
  }

  @Test
  void previousLevelsWithNulls_areRefused() {
    Map<Window, Level> withNull = new EnumMap<>(Window.class);
    withNull.put(Window.H24, null);
    assertThatThrownBy(() -> new PreviousLevels(withNull, Map.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PreviousLevels(Map.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("complaint");
  }

  @Test
  void windowRatesWhoseLevelIsNotTheHigherMetric_isRefused() {
    assertThatThrownBy(
            () ->
                new WindowRates(
                    Window.H24,
                    FROM,
                    TO,
                    1000,
                    50,
                    0,
                    0.05,
                    0,
                    Level.REVIEW,
                    Level.HEALTHY,
                    Level.WARNING,
                    false,
                    1000,
                    Denominator.SEND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level");
  }

  @Test
  void windowRatesWithNegativeCountsOrRates_isRefused() {
    assertThatThrownBy(
            () ->
                new WindowRates(
                    Window.H24,
                    FROM,
                    TO,
                    -1,
                    0,
                    0,
                    0,
                    0,
                    Level.HEALTHY,
                    Level.HEALTHY,
                    Level.HEALTHY,
                    true,
                    -1,
                    Denominator.SEND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new WindowRates(
                    Window.H24,
                    FROM,
                    TO,
                    10,
                    0,
                    0,
                    Double.NaN,
                    0,
                    Level.HEALTHY,
                    Level.HEALTHY,
                    Level.HEALTHY,
                    true,
                    10,
                    Denominator.SEND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bounceRate");
  }

  @Test
  void windowRatesEndingBeforeItStarts_isRefused() {
    assertThatThrownBy(
            () ->
                new WindowRates(
                    Window.H24,
                    TO,
                    FROM,
                    1000,
                    0,
                    0,
                    0,
                    0,
                    Level.HEALTHY,
                    Level.HEALTHY,
                    Level.HEALTHY,
                    false,
                    1000,
                    Denominator.SEND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from");
  }

  @Test
  void windowWithoutEligibleSends_mustBeLowVolume() {
    assertThatThrownBy(
            () ->
                new WindowRates(
                    Window.H24,
                    FROM,
                    TO,
                    0,
                    0,
                    0,
                    0,
                    0,
                    Level.HEALTHY,
                    Level.HEALTHY,
                    Level.HEALTHY,
                    false,
                    0,
                    Denominator.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("low-volume");
  }

  @Test
  void scopeRates_levelIsTheHighestWindow_actionableSkipsLowVolume() {
    ScopeRates rates =
        new ScopeRates(
            Scope.ACCOUNT,
            Level.PAUSE,
            List.of(
                window(Window.H24, Level.PAUSE, Level.HEALTHY, true),
                window(Window.D7, Level.WARNING, Level.CRITICAL, false),
                window(Window.D30, Level.HEALTHY, Level.WARNING, false)));

    assertThat(rates.level()).isEqualTo(Level.PAUSE);
    assertThat(rates.actionableLevel()).isEqualTo(Level.CRITICAL);
    assertThat(rates.window(Window.D7)).map(WindowRates::complaintLevel).contains(Level.CRITICAL);
    assertThat(rates.window(Window.VOLUME)).isEmpty();
    assertThat(rates.levels().bounce())
        .containsExactly(
            Map.entry(Window.H24, Level.PAUSE),
            Map.entry(Window.D7, Level.WARNING),
            Map.entry(Window.D30, Level.HEALTHY));
    assertThat(rates.levels().complaint(Window.D30)).isEqualTo(Level.WARNING);
    assertThat(rates.levels().complaint(Window.VOLUME)).isEqualTo(Level.HEALTHY);
  }

  @Test
  void scopeRatesWithOnlyLowVolumeWindows_isActionablyHealthy() {
    ScopeRates rates =
        new ScopeRates(
            Scope.domain("example.com"),
            Level.REVIEW,
            List.of(window(Window.H24, Level.REVIEW, Level.HEALTHY, true)));
    assertThat(rates.actionableLevel()).isEqualTo(Level.HEALTHY);
  }

  @Test
  void scopeRatesWithAWrongLevelOrARepeatedWindow_isRefused() {
    assertThatThrownBy(
            () ->
                new ScopeRates(
                    Scope.ACCOUNT,
                    Level.HEALTHY,
                    List.of(window(Window.H24, Level.WARNING, Level.HEALTHY, false))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WARNING");
    assertThatThrownBy(
            () ->
                new ScopeRates(
                    Scope.ACCOUNT,
                    Level.HEALTHY,
                    List.of(
                        window(Window.H24, Level.HEALTHY, Level.HEALTHY, false),
                        window(Window.H24, Level.HEALTHY, Level.HEALTHY, false))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("H24");
  }
}
