/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import java.util.Locale;

/**
 * Where a window's eligible sends came from. Each channel has its own rule: traffic through
 * configuration sets that publish {@code Send} events counts those events; traffic without {@code
 * Send} events (identity notifications, or a configuration set without a {@code Send} destination)
 * counts deliveries plus attempted bounces, and only when it has {@code Delivery} events at all. A
 * window sums its channels.
 */
public enum Denominator {
  /** Every channel with a denominator counted {@code Send} events. */
  SEND,
  /** Every channel with a denominator counted deliveries plus bounces. */
  DELIVERY,
  /** Both kinds of channel. */
  MIXED,
  /** No channel had {@code Send} or {@code Delivery} events: no rate, level {@code unknown}. */
  NONE;

  /** The name used in JSON output: {@code send}, {@code delivery}, {@code mixed}, {@code none}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Denominator of(boolean send, boolean delivery) {
    if (send && delivery) {
      return MIXED;
    }
    return send ? SEND : delivery ? DELIVERY : NONE;
  }
}
