/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The guardian's persistent state: idempotency ledger, hourly counters, suppression list with its
 * SES outbox, and soft-bounce history. Implementations must be safe to call from many threads and
 * many processes at once.
 */
public interface FeedbackStore {

  /**
   * Applies each effect exactly once across all callers: the ledger entry, counters, suppression
   * update and soft-bounce entry of an effect are written together or not at all. Effects whose
   * ledger key is already present are duplicates: nothing of theirs changes and each adds one to
   * {@link CounterField#DUPLICATES} under {@code duplicatesKey}. {@code operational} counts (items,
   * rejected, ignored) are written with the first group that commits, or alone when none does.
   * Effects in a group must have distinct ledger keys.
   *
   * @return which effects were duplicates and which failed (not applied; safe to retry)
   */
  ApplyResult applyOnce(List<Effect> effects, Counts operational, CounterKey duplicatesKey);

  /**
   * The event times of the address-related soft bounces recorded for {@code address} within {@code
   * [since, until]}, oldest first; reads its own writes.
   */
  List<Instant> softBounceTimes(String address, Instant since, Instant until);

  /**
   * Puts {@code update}'s address on the suppression list if it is not there yet.
   *
   * @return whether this call added it
   */
  boolean suppressIfAbsent(SuppressionUpdate update, Instant now);

  /** The entries for these addresses that exist. */
  Map<String, SuppressionEntry> suppressions(Collection<String> addresses);

  /** The whole suppression list, ordered by address. */
  List<SuppressionEntry> allSuppressions();

  /**
   * Entries the guardian recorded at or after {@code since} (reads only the recent part of the
   * list, so a weekly report stays cheap however long the list grows).
   */
  List<SuppressionEntry> suppressionsRecordedSince(Instant since);

  /** How many addresses are on the list. */
  long suppressionCount();

  /** Pending outbox entries due at {@code now}, oldest first, at most {@code limit}. */
  List<SuppressionEntry> pendingOutbox(Instant now, int limit);

  /** All pending outbox entries, due or not. */
  int pendingOutboxSize();

  /** SES accepted the address. */
  void markSynced(String address, Instant at);

  /** SES already has the address; {@code why} says how we know. */
  void markNotNeeded(String address, String why, Instant at);

  /** SES refused; the entry stays pending with the error and is retried at {@code retryAt}. */
  void markFailed(String address, String error, Instant retryAt);

  /** Adds counts that are not tied to a ledger entry. */
  void addCounts(Counts counts);

  /** The counters of {@code scope} for the hours in {@code [fromHour, toHour]}. */
  Map<Instant, Map<CounterField, Long>> counters(Scope scope, Instant fromHour, Instant toHour);
}
