/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.telemetry;

import java.util.Objects;

/**
 * One measurement: a name that alarms and dashboards refer to (never change a name in use), a
 * finite value and its unit. Never derived from an address.
 */
public record Metric(String name, double value, MetricUnit unit) {

  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a metric needs a name");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " is not a finite number: " + value);
    }
  }

  public static Metric count(String name, long value) {
    return new Metric(name, value, MetricUnit.COUNT);
  }

  public static Metric seconds(String name, long value) {
    return new Metric(name, value, MetricUnit.SECONDS);
  }
}
