/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.monitor.SesFigures;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SES's own figures ({@code Reputation.BounceRate} and {@code Reputation.ComplaintRate}) as a
 * report read them, shown beside the guardian's.
 *
 * @param read false for a local report (no CloudWatch to read); true when they were read
 * @param byScope the figures per scope key; a scope SES publishes nothing for is absent
 */
public record SesReading(boolean read, Map<String, SesFigures> byScope) {

  /** A local report: SES's figures were not read. */
  public static final SesReading NOT_READ = new SesReading(false, Map.of());

  public SesReading {
    byScope = new TreeMap<>(Objects.requireNonNull(byScope, "byScope"));
    if (!read && !byScope.isEmpty()) {
      throw new IllegalArgumentException("figures that were not read cannot be present");
    }
    byScope = java.util.Collections.unmodifiableMap(byScope);
  }

  /** SES's figures for the scope with key {@code scope}, if SES published any. */
  public Optional<SesFigures> of(String scope) {
    return Optional.ofNullable(byScope.get(scope));
  }
}
