/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One hourly counter bucket.
 *
 * @param scope what is counted
 * @param hour the start of the UTC hour
 */
public record CounterKey(Scope scope, Instant hour) {
  public CounterKey {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(hour, "hour");
    if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
      throw new IllegalArgumentException("hour must start an hour: " + hour);
    }
  }

  public static CounterKey of(Scope scope, Instant time) {
    return new CounterKey(scope, time.truncatedTo(ChronoUnit.HOURS));
  }
}
