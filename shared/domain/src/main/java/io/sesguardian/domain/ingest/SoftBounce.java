/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One address-related soft bounce, kept in the address's history for escalation.
 *
 * @param address the normalised address
 * @param eventTime when SES saw it
 * @param ledgerKey the record's idempotency key (unique per bounce and recipient)
 */
public record SoftBounce(String address, Instant eventTime, String ledgerKey) {
  public SoftBounce {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(ledgerKey, "ledgerKey");
  }
}
