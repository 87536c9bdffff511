/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

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
}
