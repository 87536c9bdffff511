/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.SuppressionReason;
import java.time.Instant;
import java.util.Objects;

/**
 * An address on the guardian's suppression list, as stored.
 *
 * @param address the normalised address
 * @param reason BOUNCE or COMPLAINT (the first reason seen)
 * @param origin what first put it there
 * @param firstSeen when SES saw the first bounce or complaint
 * @param lastSeen the event time of the most recently recorded bounce or complaint (a late, older
 *     one moves it back: DynamoDB updates cannot take a maximum)
 * @param count how many distinct bounces or complaints were recorded for it
 * @param lastFeedbackId the latest SES feedback id (nullable)
 * @param diagnostic the latest diagnostic code (nullable)
 * @param recordedAt when the guardian first recorded it
 * @param firstLedgerKey the idempotency key of the record that created the entry
 * @param sesState where it stands with the SES account-level list
 * @param sesLastError the last error from SES (nullable)
 * @param sesAttempts how many times it was sent to SES
 * @param syncedAt when SES accepted it or it was found not needed (nullable)
 * @param simulator whether it is a mailbox-simulator address
 * @param configurationSet the configuration set of the message that created the entry (nullable)
 */
public record SuppressionEntry(
    String address,
    SuppressionReason reason,
    SuppressionOrigin origin,
    Instant firstSeen,
    Instant lastSeen,
    long count,
    String lastFeedbackId,
    String diagnostic,
    Instant recordedAt,
    String firstLedgerKey,
    SesSyncState sesState,
    String sesLastError,
    int sesAttempts,
    Instant syncedAt,
    boolean simulator,
    String configurationSet) {

  public SuppressionEntry {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(sesState, "sesState");
  }
}
