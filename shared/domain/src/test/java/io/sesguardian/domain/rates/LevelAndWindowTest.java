/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LevelAndWindowTest {

  @Test
  void levels_areOrderedBySeverity() {
    assertThat(Level.values())
        .containsExactly(
            Level.UNKNOWN, Level.HEALTHY, Level.WARNING, Level.CRITICAL, Level.REVIEW, Level.PAUSE);
    assertThat(Level.max(Level.UNKNOWN, Level.HEALTHY)).isEqualTo(Level.HEALTHY);
    assertThat(Level.PAUSE).isGreaterThan(Level.REVIEW);
    assertThat(Level.max(Level.CRITICAL, Level.WARNING)).isEqualTo(Level.CRITICAL);
    assertThat(Level.max(Level.HEALTHY, Level.PAUSE)).isEqualTo(Level.PAUSE);
  }

  @Test
  void levelJsonNames_areLowerCaseNames() {
    assertThat(Arrays.stream(Level.values()).map(Level::jsonName))
        .containsExactly("unknown", "healthy", "warning", "critical", "review", "pause");
  }

  @Test
  void windowJsonNames_areShortSpans() {
    assertThat(Arrays.stream(Window.values()).map(Window::jsonName))
        .containsExactly("24h", "7d", "30d", "volume");
  }

  @Test
  void fixedWindows_coverTheirHourCounts() {
    assertThat(Window.H24.hours()).isEqualTo(24);
    assertThat(Window.D7.hours()).isEqualTo(7 * 24);
    assertThat(Window.D30.hours()).isEqualTo(30 * 24);
  }
}
