/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.time.RetryPolicy;

/**
 * The store could not be read or written after retries (throttling, an outage, a timeout). Nothing
 * was lost: what the call was about can be retried safely.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String operation, Throwable cause) {
    // Operations name the address they touch, and the store's own error may quote a key: both
    // reach logs, where addresses are personal data, so every address in the text is masked.
    super(
        io.sesguardian.domain.feedback.Addresses.maskAll(
            operation + " failed after retries: " + cause.getMessage()),
        cause);
  }

  /**
   * The retry policy stopped before the call succeeded: attempts ran out, or another attempt would
   * have ended after the maximum duration or the caller's deadline.
   *
   * @param lastFailure the last attempt's error; {@code null} when no attempt could start
   */
  public StoreUnavailableException(
      String operation, RetryPolicy.GiveUp why, Throwable lastFailure) {
    super(
        io.sesguardian.domain.feedback.Addresses.maskAll(
            operation
                + " gave up ("
                + why.name().toLowerCase(java.util.Locale.ROOT)
                + ")"
                + (lastFailure == null ? "" : " after: " + lastFailure.getMessage())),
        lastFailure);
  }
}
