/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.util.List;

/**
 * The outbox of suppression entries still to be copied to SES's account-level list (port). An entry
 * is in the outbox while its state is {@link SesSyncState#PENDING}; it becomes due at its {@code
 * recordedAt} and {@link #markFailed} moves its due time. Marking an address that has no entry
 * throws {@link IllegalStateException}. Every read reads its own writes.
 */
public interface SuppressionOutbox {

  /** The longest SES error an entry keeps (longer ones are cut). */
  int MAX_ERROR_LENGTH = 1000;

  /** {@code error} cut to {@link #MAX_ERROR_LENGTH}, as every store keeps it. */
  static String clipError(String error) {
    return error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
  }

  /**
   * Pending entries due at {@code now}, oldest due time first (ties by address), at most {@code
   * limit}.
   */
  List<SuppressionEntry> pendingOutbox(Instant now, int limit);

  /** All pending entries, due or not. */
  int pendingOutboxSize();

  /** SES accepted the address: the entry leaves the outbox; counts one SES attempt. */
  void markSynced(String address, Instant at);

  /**
   * SES already has the address ({@code why} says how we know): the entry leaves the outbox; no SES
   * attempt is counted.
   */
  void markNotNeeded(String address, String why, Instant at);

  /**
   * SES refused: the entry stays pending with {@code error} (cut to {@link #MAX_ERROR_LENGTH}),
   * counts one SES attempt, and is due again at {@code retryAt}.
   */
  void markFailed(String address, String error, Instant retryAt);
}
