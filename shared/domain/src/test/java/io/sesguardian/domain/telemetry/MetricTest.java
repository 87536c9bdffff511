/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricTest {

  @Test
  void countsAndSeconds_carryTheirUnit() {
    assertThat(Metric.count("Items", 3)).isEqualTo(new Metric("Items", 3, MetricUnit.COUNT));
    assertThat(Metric.seconds("OutboxOldestAgeSeconds", 60).unit()).isEqualTo(MetricUnit.SECONDS);
    assertThat(MetricUnit.MILLISECONDS.unitName()).isEqualTo("Milliseconds");
  }

  @Test
  void aMetricWithoutANameOrWithANonFiniteValue_isRefused() {
    assertThatThrownBy(() -> new Metric(" ", 1, MetricUnit.COUNT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Metric("Rate", Double.NaN, MetricUnit.PERCENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Rate");
  }
}
