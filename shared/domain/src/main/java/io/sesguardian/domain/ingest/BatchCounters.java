/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

/**
 * Counter increments of a batch of count-only events (sends, deliveries, delays, opens …: events
 * with no suppression, soft-bounce or canary effect), written as one all-or-nothing write guarded
 * by the batch's key instead of one ledger entry per event (port). This is what makes sends and
 * deliveries nearly free on DynamoDB: a batch of a thousand costs a few counter-row updates.
 *
 * <p>Idempotency is per batch, not per event: a repeat of the same {@code batchKey} within the
 * adapter's idempotency window adds nothing (DynamoDB: the {@code ClientRequestToken}'s 10 minutes;
 * SQLite and in-memory: as long as the store keeps the key). A batch whose events come back in
 * another composition (an SQS redelivery mixed with other messages) has another key and is counted
 * again: the bounded error the README documents.
 */
public interface BatchCounters {

  /**
   * Adds {@code counts} once per {@code batchKey} within the idempotency window. A repeat of a key
   * with other counts (e.g. counting rules changed in between) is taken as already applied.
   *
   * @param counts the batch's increments
   * @param batchKey identifies the batch's events (the same events give the same key)
   * @throws StoreUnavailableException when the write could not be confirmed; it may have been
   *     applied (a lost answer), and a retry with the same key within the window adds nothing
   * @throws IllegalArgumentException when the store refuses the write outright (e.g. a key over its
   *     size limit): nothing was written, and the same counts would be refused again
   */
  void addBatchCounts(Counts counts, String batchKey);
}
