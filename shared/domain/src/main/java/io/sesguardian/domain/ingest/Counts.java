/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counter increments grouped by bucket: what one store write adds. Not thread-safe. */
public final class Counts {

  private final Map<CounterKey, EnumMap<CounterField, Long>> buckets = new LinkedHashMap<>();

  public Counts add(CounterKey key, CounterField field, long n) {
    if (n != 0) {
      buckets
          .computeIfAbsent(key, k -> new EnumMap<>(CounterField.class))
          .merge(field, n, Long::sum);
    }
    return this;
  }

  public Counts addAll(Counts other) {
    other.buckets.forEach((key, fields) -> fields.forEach((f, n) -> add(key, f, n)));
    return this;
  }

  public boolean isEmpty() {
    return buckets.isEmpty();
  }

  /** The buckets and their increments, in insertion order (read-only views). */
  public Map<CounterKey, Map<CounterField, Long>> buckets() {
    Map<CounterKey, Map<CounterField, Long>> view = new LinkedHashMap<>();
    buckets.forEach((k, v) -> view.put(k, Collections.unmodifiableMap(v)));
    return Collections.unmodifiableMap(view);
  }

  public long get(CounterKey key, CounterField field) {
    EnumMap<CounterField, Long> fields = buckets.get(key);
    return fields == null ? 0 : fields.getOrDefault(field, 0L);
  }
}
