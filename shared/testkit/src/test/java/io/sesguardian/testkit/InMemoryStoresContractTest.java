/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.testkit.contract.RecipientRefusalsContract;
import io.sesguardian.testkit.contract.RolePortContracts;
import io.sesguardian.testkit.contract.Stores;
import io.sesguardian.testkit.contract.SuppressionAdminContract;
import io.sesguardian.testkit.contract.VerifiedDomainsContract;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory fakes keep every role port's contract (the ledger's in {@link
 * InMemoryFeedbackStoreTest}, beside the fake's own hooks).
 */
class InMemoryStoresContractTest extends RolePortContracts {

  @Override
  protected Stores newStores(Clock clock) {
    return stores(clock);
  }

  static Stores stores(Clock clock) {
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
    return new Stores(
        feedback, new InMemoryMonitorStore(feedback), new InMemoryCanaryStore(feedback));
  }

  @Nested
  class Refusals extends RecipientRefusalsContract {
    @Override
    protected io.sesguardian.domain.ingest.RecipientRefusals newRefusals(Clock clock) {
      return new InMemoryFeedbackStore(clock);
    }
  }

  @Nested
  class Verified extends VerifiedDomainsContract {
    @Override
    protected io.sesguardian.domain.ingest.VerifiedDomains newVerifiedDomains() {
      return new InMemoryVerifiedDomains();
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
}
