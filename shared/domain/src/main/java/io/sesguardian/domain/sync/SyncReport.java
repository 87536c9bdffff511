/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import java.time.Duration;
import java.util.List;

/**
 * What one run of the outbox writer did.
 *
 * @param sandbox the account was in the sandbox: nothing was sent, everything is held
 * @param synced addresses SES accepted
 * @param notNeeded addresses SES already adds by itself
 * @param failed addresses SES refused, with the error (still pending)
 * @param throttled how many 429 answers were backed off from
 * @param pendingAfter pending entries left (held, failed, or not reached before the deadline)
 * @param oldestPending how long the oldest pending entry has waited since it was recorded (zero
 *     when none is pending)
 */
public record SyncReport(
    boolean sandbox,
    List<String> synced,
    List<String> notNeeded,
    List<String> failed,
    int throttled,
    int pendingAfter,
    Duration oldestPending) {
  public SyncReport {
    synced = List.copyOf(synced);
    notNeeded = List.copyOf(notNeeded);
    failed = List.copyOf(failed);
  }
}
