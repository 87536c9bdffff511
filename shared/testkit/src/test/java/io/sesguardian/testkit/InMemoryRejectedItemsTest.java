/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.testkit.contract.RejectedItemsContract;
import java.time.Clock;

/** The in-memory fake keeps the {@link RejectedItems} contract its adapters keep. */
class InMemoryRejectedItemsTest extends RejectedItemsContract {

  @Override
  protected RejectedItems newRejectedItems(Clock clock) {
    return new InMemoryRejectedItems(clock);
  }
}
