/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreUnavailableExceptionTest {

  @Test
  void theMessage_masksTheAddressesOfTheOperationAndOfTheStoresOwnError() {
    StoreUnavailableException e =
        new StoreUnavailableException(
            "mark jane.private@example.com synced",
            new IllegalStateException("key S#jane.private@example.com is throttled"));
    assertThat(e.getMessage())
        .doesNotContain("jane.private")
        .contains("mark j***@example.com synced failed after retries")
        .contains("key S***@example.com");
  }
}
