/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import io.sesguardian.domain.ingest.CounterField;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a scope's hourly counters the way the store returns them, counting each event in the UTC
 * hour of its time, with the same fields ingest would increment.
 */
final class Traffic {

  private final Map<Instant, Map<CounterField, Long>> hourly = new HashMap<>();

  /** Adds {@code n} to {@code field} in the hour of {@code at}. */
  Traffic add(Instant at, CounterField field, long n) {
    hourly
        .computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), h -> new EnumMap<>(CounterField.class))
        .merge(field, n, Long::sum);
    return this;
  }

  Traffic sends(Instant at, long n) {
    return add(at, CounterField.SEND, n);
  }

  Traffic deliveries(Instant at, long n) {
    return add(at, CounterField.DELIVERY, n);
  }

  /** Permanent bounces SES counts toward the bounce rate. */
  Traffic hardBounces(Instant at, long n) {
    return add(at, CounterField.BOUNCE_PERMANENT, n).add(at, CounterField.BOUNCE_COUNTED, n);
  }

  /** Permanent {@code OnAccountSuppressionList} bounces: never attempted, never counted. */
  Traffic onAccountList(Instant at, long n) {
    return add(at, CounterField.BOUNCE_PERMANENT, n)
        .add(at, CounterField.BOUNCE_ON_ACCOUNT_LIST, n);
  }

  Traffic softBounces(Instant at, long n) {
    return add(at, CounterField.BOUNCE_TRANSIENT, n);
  }

  /** Complaints SES counts toward the complaint rate. */
  Traffic complaints(Instant at, long n) {
    return add(at, CounterField.COMPLAINT, n).add(at, CounterField.COMPLAINT_COUNTED, n);
  }

  Map<Instant, Map<CounterField, Long>> hourly() {
    return hourly;
  }
}
