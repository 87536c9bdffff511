/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import io.sesguardian.domain.feedback.SuppressionReason;

/** The SES account-level suppression list (port). Each call is one SES management request. */
public interface SesSuppressionList {

  /** The account's sandbox status and suppression attributes. */
  AccountState account();

  /** Adds (or re-adds) an address; never retries by itself. */
  PutOutcome put(String address, SuppressionReason reason);

  /** How a {@code PutSuppressedDestination} ended. */
  sealed interface PutOutcome {
    /** SES has the address. */
    record Accepted() implements PutOutcome {}

    /** SES answered 429: slow down and try the same entry again. */
    record Throttled(String message) implements PutOutcome {}

    /** SES refused or could not be reached; the entry stays pending with this error. */
    record Failed(String message) implements PutOutcome {}
  }
}
