/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.util.List;

/**
 * Soft bounces per address (port), written by {@link FeedbackLedger#applyOnce} (one entry per
 * ledger key, so a replayed bounce is not counted twice) and read to decide when repeated soft
 * bounces suppress an address. Entries live for the adapter's soft-bounce retention (at least twice
 * the longest window asked for).
 */
public interface SoftBounceHistory {

  /**
   * The event times of the address-related soft bounces recorded for {@code address} within {@code
   * [since, until]} (both inclusive), oldest first; reads its own writes.
   */
  List<Instant> softBounceTimes(String address, Instant since, Instant until);
}
