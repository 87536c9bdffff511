/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.telemetry;

/** The unit a metric is counted in (a subset of CloudWatch's units, named as it names them). */
public enum MetricUnit {
  COUNT("Count"),
  SECONDS("Seconds"),
  MILLISECONDS("Milliseconds"),
  PERCENT("Percent"),
  NONE("None");

  private final String unitName;

  MetricUnit(String unitName) {
    this.unitName = unitName;
  }

  /** The unit's name as metric back ends spell it ({@code Count}, {@code Seconds} …). */
  public String unitName() {
    return unitName;
  }
}
