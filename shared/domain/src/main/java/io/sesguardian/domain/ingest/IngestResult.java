/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one ingest call did, per delivery and in total.
 *
 * @param outcomes every delivery's outcome by delivery id, in input order
 * @param report the totals of the units that were started
 */
public record IngestResult(Map<String, DeliveryOutcome> outcomes, IngestReport report) {

  public IngestResult {
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
  }

  /** The ids of the deliveries that must come again, in input order. */
  public List<String> unfinished() {
    return outcomes.entrySet().stream()
        .filter(e -> e.getValue().unfinished())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Deliveries with {@code outcome}. */
  public long count(DeliveryOutcome outcome) {
    return outcomes.values().stream().filter(o -> o == outcome).count();
  }
}
