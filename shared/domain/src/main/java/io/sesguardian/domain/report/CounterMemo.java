/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A read-only view of counters for one report build: each scope's hours are read from the store at
 * most once, and a request reads only the hours not yet read (one contiguous range before or after
 * those), so the monitor's 30 days, the previous week's 90 days, the daily series and the week
 * share their reads. Not for long-lived use: it never sees later writes.
 */
final class CounterMemo implements EventCounters {

  private static final Duration HOUR = Duration.ofHours(1);

  private final EventCounters store;
  private final Map<Scope, Covered> scopes = new HashMap<>();

  private static final class Covered {
    Instant from;
    Instant to;
    final TreeMap<Instant, Map<CounterField, Long>> hours = new TreeMap<>();
  }

  CounterMemo(EventCounters store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void addCounts(Counts counts) {
    throw new UnsupportedOperationException("a report's counter view is read only");
  }

  @Override
  public Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    Instant from = fromHour.truncatedTo(ChronoUnit.HOURS);
    Instant to = toHour.truncatedTo(ChronoUnit.HOURS);
    if (to.isBefore(from)) {
      return Map.of();
    }
    Covered c = scopes.get(scope);
    if (c == null) {
      c = new Covered();
      c.hours.putAll(store.counters(scope, from, to));
      c.from = from;
      c.to = to;
      scopes.put(scope, c);
    } else {
      if (from.isBefore(c.from)) {
        c.hours.putAll(store.counters(scope, from, c.from.minus(HOUR)));
        c.from = from;
      }
      if (to.isAfter(c.to)) {
        c.hours.putAll(store.counters(scope, c.to.plus(HOUR), to));
        c.to = to;
      }
    }
    return Collections.unmodifiableMap(new TreeMap<>(c.hours.subMap(from, true, to, true)));
  }

  @Override
  public Set<Scope> activeScopes(Instant since, Instant until) {
    return store.activeScopes(since, until);
  }
}
