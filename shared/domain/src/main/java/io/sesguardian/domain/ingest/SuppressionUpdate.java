/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.SuppressionReason;
import java.time.Instant;
import java.util.Objects;

/**
 * What one record adds to an address's suppression entry. The first update creates the entry with
 * its reason, origin and SES state; later ones only move {@code lastSeen} and add to the count.
 *
 * @param address the normalised address
 * @param reason BOUNCE or COMPLAINT
 * @param origin what caused it
 * @param eventTime when SES saw the bounce or complaint
 * @param feedbackId SES's feedback id (nullable)
 * @param diagnostic the diagnostic code, at most {@link #MAX_DIAGNOSTIC} characters (nullable)
 * @param initialState the SES state a new entry starts in
 * @param simulator whether the address is the mailbox simulator
 * @param ledgerKey the idempotency key of the record that caused it
 * @param configurationSet the configuration set the message was sent with (nullable): SES applies
 *     that set's suppression options, so the outbox needs it to know whether SES adds the address
 *     by itself
 */
public record SuppressionUpdate(
    String address,
    SuppressionReason reason,
    SuppressionOrigin origin,
    Instant eventTime,
    String feedbackId,
    String diagnostic,
    SesSyncState initialState,
    boolean simulator,
    String ledgerKey,
    String configurationSet) {

  public static final int MAX_DIAGNOSTIC = 1000;

  public SuppressionUpdate {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(initialState, "initialState");
    Objects.requireNonNull(ledgerKey, "ledgerKey");
    if (diagnostic != null && diagnostic.length() > MAX_DIAGNOSTIC) {
      diagnostic = diagnostic.substring(0, MAX_DIAGNOSTIC);
    }
  }

  /**
   * How an address found on SES's account-level list is recorded ({@link SuppressionAdmin#
   * recordImported}): origin {@code SES_IMPORT}, state {@code NOT_NEEDED}, SES's time as its event
   * time, and a ledger key of its own that no SES record can have.
   */
  public static SuppressionUpdate imported(
      String address, SuppressionReason reason, Instant sesTime) {
    return new SuppressionUpdate(
        address,
        reason,
        SuppressionOrigin.SES_IMPORT,
        sesTime,
        null,
        null,
        SesSyncState.NOT_NEEDED,
        io.sesguardian.domain.feedback.Addresses.isSimulator(address),
        "ses-import#" + address,
        null);
  }

  static SesSyncState initialState(boolean simulator, boolean alreadyOnAccountList) {
    if (simulator) {
      return SesSyncState.SIMULATOR;
    }
    return alreadyOnAccountList ? SesSyncState.NOT_NEEDED : SesSyncState.PENDING;
  }
}
