/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import java.time.Duration;
import java.util.List;

/**
 * What one run of the outbox writer did.
 *
 * @param sandbox the account was in the sandbox: no put was sent, every entry is held
 * @param synced addresses SES accepted
 * @param notNeeded addresses SES already adds by itself
 * @param failed addresses SES refused, with the error (still pending)
 * @param throttled how many 429 answers were backed off from
 * @param pendingAfter pending entries left (held, failed, or not reached before the deadline)
 * @param oldestPending how long the oldest pending entry has waited since it was recorded (zero
 *     when none is pending)
 * @param localOnly addresses kept off SES's list ({@code AccountListReasons})
 * @param deleted addresses SES no longer holds after a queued {@code DeleteSuppressedDestination}
 * @param deleteFailed addresses whose delete SES refused (still queued)
 * @param deletesPendingAfter queued deletes left
 * @param imported the first-run import of SES's list, when this run did it (nullable)
 */
public record SyncReport(
    boolean sandbox,
    List<String> synced,
    List<String> notNeeded,
    List<String> failed,
    int throttled,
    int pendingAfter,
    Duration oldestPending,
    List<String> localOnly,
    List<String> deleted,
    List<String> deleteFailed,
    int deletesPendingAfter,
    SesListImport.Report imported) {
  public SyncReport {
    synced = List.copyOf(synced);
    notNeeded = List.copyOf(notNeeded);
    failed = List.copyOf(failed);
    localOnly = List.copyOf(localOnly);
    deleted = List.copyOf(deleted);
    deleteFailed = List.copyOf(deleteFailed);
  }
}
