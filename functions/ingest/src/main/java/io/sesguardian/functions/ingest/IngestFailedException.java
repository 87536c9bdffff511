/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import java.util.List;

/**
 * Some records could not be stored (DynamoDB throttling or an outage outlasted the retries). Thrown
 * so Lambda retries the invocation; nothing already stored is applied twice.
 */
public final class IngestFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestFailedException(List<String> deliveries) {
    super(
        "could not store delivery "
            + String.join(", ", deliveries)
            + " in time; Lambda will retry the invocation");
  }
}
