/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.util.List;

/**
 * The idempotency ledger (port): applies each feedback effect exactly once across all callers,
 * threads and processes, together with everything the effect writes (counters, suppression update,
 * soft-bounce entry, canary observation).
 */
public interface FeedbackLedger {

  /**
   * Applies each effect exactly once across all callers: the ledger entry, counters, suppression
   * update, soft-bounce entry and canary observation of an effect are written together or not at
   * all (atomic per effect; a group may commit in several parts).
   *
   * <ul>
   *   <li><b>Idempotency.</b> Effects whose ledger key is already present (and not expired: ledger
   *       entries live for the adapter's ledger retention, 14 days by default) are duplicates:
   *       nothing of theirs changes and each adds one to {@link CounterField#DUPLICATES} under
   *       {@code duplicatesKey}. Effects in a group must have distinct ledger keys, else {@link
   *       IllegalArgumentException} and nothing changes.
   *   <li><b>Operational counts</b> (items, rejected, ignored) are written exactly once per call:
   *       with the first group that commits, or alone when none does.
   *   <li><b>Suppression updates</b> follow {@link SuppressionList}: the first creates the entry,
   *       every one adds one to its count and moves {@code lastSeen} to the latest event time.
   *   <li><b>Read-your-writes:</b> once this returns, every read port sees the applied effects.
   *   <li><b>Failure</b> is a value: effects that could not be written (throttling beyond the retry
   *       policy, a refused item) are listed in {@link ApplyResult#failed()}; nothing of theirs was
   *       written, so retrying them is safe.
   * </ul>
   *
   * @return which effects were duplicates and which failed (not applied; safe to retry)
   */
  ApplyResult applyOnce(List<Effect> effects, Counts operational, CounterKey duplicatesKey);
}
