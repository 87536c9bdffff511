/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.SuppressionReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Managing the suppression list by hand and from SES (port): removals kept in history with the
 * {@code DeleteSuppressedDestination} they queue for SES, addresses imported from SES's
 * account-level list, and entries the deployment keeps off SES's list. Implementations must be safe
 * to call from many threads and processes at once; each method is atomic.
 */
public interface SuppressionAdmin {

  /**
   * Removes {@code address} from the suppression list, records the removal in its history (who,
   * when, why, what the entry was) and, unless it is a mailbox-simulator entry, queues a {@code
   * DeleteSuppressedDestination} for SES due at {@code at} (replacing one already queued), all in
   * one step. A later bounce or complaint creates a new entry as for any address.
   *
   * @return the removal, or empty when the address is not on the list (nothing changes)
   */
  Optional<Removal> remove(String address, String by, String why, Instant at);

  /** Every removal recorded for {@code address}, oldest first. */
  List<Removal> removals(String address);

  /**
   * Queued deletes due at {@code now}, oldest due first (ties by address), at most {@code limit}.
   */
  List<PendingDelete> pendingDeletes(Instant now, int limit);

  /** All queued deletes, due or not. */
  int pendingDeleteCount();

  /**
   * SES no longer holds the address (it accepted the delete, or never had it): the queued delete is
   * done and leaves the queue; nothing happens when none is queued.
   */
  void markDeleted(String address, Instant at);

  /** SES refused the delete: it stays queued with the error, due again at {@code retryAt}. */
  void markDeleteFailed(String address, String error, Instant retryAt);

  /**
   * Records an address SES's account-level list already holds as {@link
   * SuppressionOrigin#SES_IMPORT} / {@link SesSyncState#NOT_NEEDED}, with SES's reason and time
   * ({@code firstSeen} = {@code lastSeen} = {@code sesTime}, count 0), unless the guardian's list
   * has it already.
   *
   * @return whether this call added it
   */
  boolean recordImported(String address, SuppressionReason reason, Instant sesTime, Instant now);

  /**
   * Keeps a pending entry on the guardian's list only ({@link SesSyncState#LOCAL_ONLY}): the
   * deployment does not push its reason to SES; {@code why} says so.
   */
  void markLocalOnly(String address, String why, Instant at);

  /** When the import from SES's list last completed, if it ever did. */
  Optional<Instant> importedAt();

  /** The import from SES's list completed at {@code at}. */
  void markImported(Instant at);

  /**
   * One removal from the suppression list.
   *
   * @param address the normalised address
   * @param by who removed it
   * @param why why
   * @param at when
   * @param reason the removed entry's reason
   * @param origin the removed entry's origin
   * @param firstSeen the removed entry's first bounce or complaint (nullable)
   * @param lastSeen the removed entry's last bounce or complaint (nullable)
   * @param count the removed entry's count
   * @param sesState where the removed entry stood with SES
   */
  record Removal(
      String address,
      String by,
      String why,
      Instant at,
      SuppressionReason reason,
      SuppressionOrigin origin,
      Instant firstSeen,
      Instant lastSeen,
      long count,
      SesSyncState sesState) {
    public Removal {
      java.util.Objects.requireNonNull(address, "address");
      java.util.Objects.requireNonNull(by, "by");
      java.util.Objects.requireNonNull(why, "why");
      java.util.Objects.requireNonNull(at, "at");
      java.util.Objects.requireNonNull(reason, "reason");
      java.util.Objects.requireNonNull(origin, "origin");
      java.util.Objects.requireNonNull(sesState, "sesState");
    }

    /** The removal of {@code entry}. */
    public static Removal of(SuppressionEntry entry, String by, String why, Instant at) {
      return new Removal(
          entry.address(),
          by,
          why,
          at,
          entry.reason(),
          entry.origin(),
          entry.firstSeen(),
          entry.lastSeen(),
          entry.count(),
          entry.sesState());
    }
  }

  /**
   * A {@code DeleteSuppressedDestination} waiting in the outbox.
   *
   * @param address the normalised address
   * @param queuedAt when it was queued
   * @param due when it is next due
   * @param attempts how many times it was sent and refused
   * @param lastError SES's last refusal (nullable)
   */
  record PendingDelete(
      String address, Instant queuedAt, Instant due, int attempts, String lastError) {
    public PendingDelete {
      java.util.Objects.requireNonNull(address, "address");
      java.util.Objects.requireNonNull(queuedAt, "queuedAt");
      java.util.Objects.requireNonNull(due, "due");
    }
  }
}
