/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import java.util.Locale;

/**
 * How bad a rate is, in increasing order of severity: {@code compareTo} (declaration order) is the
 * severity order, so the worse of two levels is the greater one.
 *
 * <p>{@link #WARNING} through {@link #PAUSE} each have a threshold per metric (see {@link
 * Thresholds}); {@link #HEALTHY} is everything below the warning threshold. {@link #REVIEW} mirrors
 * the rate at which SES may place an account under review; {@link #PAUSE} is where the guardian (if
 * allowed to) pauses sending. {@link #UNKNOWN} (least severe, so it never raises a level or pauses)
 * is a metric or window without a denominator: no Send and no Delivery events to divide by.
 */
public enum Level {
  UNKNOWN,
  HEALTHY,
  WARNING,
  CRITICAL,
  REVIEW,
  PAUSE;

  /** The name used in JSON output: the lower-case constant name, e.g. {@code review}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The more severe of two levels ({@link #UNKNOWN} is below every other). */
  public static Level max(Level a, Level b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
