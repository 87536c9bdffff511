/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

/**
 * The rolling windows over which rates are computed, all built from whole UTC hourly buckets and
 * ending at the evaluation time (the current, partial hour included).
 *
 * <p>A fixed window of N hours covers the buckets whose hour start lies in {@code [hour(now) −
 * (N−1) h, hour(now)]}, so it spans between N−1 and N hours of real time: an event exactly N hours
 * old (or older) is never in it.
 */
public enum Window {
  /** The last 24 hourly buckets. */
  H24("24h", 24),
  /** The last 168 hourly buckets (7 days). */
  D7("7d", 168),
  /** The last 720 hourly buckets (30 days). */
  D30("30d", 720),
  /**
   * The most recent buckets that together hold at least {@link Thresholds#volumeSends()} eligible
   * sends, going back at most {@link Thresholds#volumeLookback()}: SES's "representative volume".
   */
  VOLUME("volume", 0);

  private final String jsonName;
  private final int hours;

  Window(String jsonName, int hours) {
    this.jsonName = jsonName;
    this.hours = hours;
  }

  /** The name used in JSON output: {@code 24h}, {@code 7d}, {@code 30d} or {@code volume}. */
  public String jsonName() {
    return jsonName;
  }

  /** The number of hourly buckets of a fixed window; 0 for {@link #VOLUME}. */
  int hours() {
    return hours;
  }
}
