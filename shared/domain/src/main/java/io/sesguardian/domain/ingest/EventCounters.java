/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Hourly event counters per scope (port). Counts are non-negative event counts (sends, deliveries,
 * bounces by bucket, complaints, duplicates …), one bucket per scope and UTC hour ({@link
 * CounterKey}); they only grow. {@link FeedbackLedger#applyOnce} writes them with each effect;
 * {@link #addCounts} adds counts tied to no ledger entry.
 */
public interface EventCounters {

  /**
   * Adds {@code counts} to their buckets. Not idempotent: every call adds (callers count only what
   * no ledger entry guards, such as operational counts). Reads after it see the new totals.
   */
  void addCounts(Counts counts);

  /**
   * The counters of {@code scope} for the hours in {@code [fromHour, toHour]} (both inclusive,
   * instants truncated to the UTC hour): hour to field to count, hours without counts absent,
   * fields never counted absent or zero. Reads its own writes.
   */
  Map<Instant, Map<CounterField, Long>> counters(Scope scope, Instant fromHour, Instant toHour);

  /**
   * Scopes with counters in any hour of the UTC days from {@code since} to {@code until} (whole
   * days, both inclusive), ordered by {@link Scope#key()}.
   */
  Set<Scope> activeScopes(Instant since, Instant until);
}
