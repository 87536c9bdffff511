/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.testkit.contract.CanaryStoreContract;
import io.sesguardian.testkit.contract.MonitorStoreContract;
import io.sesguardian.testkit.contract.RecipientRefusalsContract;
import io.sesguardian.testkit.contract.Stores;
import io.sesguardian.testkit.contract.SuppressionAdminContract;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/** The in-memory monitor, canary and suppression-admin fakes keep their ports' contracts. */
class InMemoryStoresContractTest {

  private static Stores stores(Clock clock) {
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
    return new Stores(
        feedback, new InMemoryMonitorStore(feedback), new InMemoryCanaryStore(feedback));
  }

  @Nested
  class Monitor extends MonitorStoreContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }

  @Nested
  class Refusals extends RecipientRefusalsContract {
    @Override
    protected io.sesguardian.domain.ingest.RecipientRefusals newRefusals(Clock clock) {
      return new InMemoryFeedbackStore(clock);
    }
  }

  @Nested
  class Admin extends SuppressionAdminContract {
    @Override
    protected Both newStores(Clock clock) {
      InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
      return new Both(store, store);
    }
  }

  @Nested
  class Canary extends CanaryStoreContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }
}
