/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.testkit.contract.AlertLogContract;
import io.sesguardian.testkit.contract.CanaryRunsContract;
import io.sesguardian.testkit.contract.EventCountersContract;
import io.sesguardian.testkit.contract.MonitorStateContract;
import io.sesguardian.testkit.contract.PauseLogContract;
import io.sesguardian.testkit.contract.SoftBounceHistoryContract;
import io.sesguardian.testkit.contract.Stores;
import io.sesguardian.testkit.contract.SuppressionListContract;
import io.sesguardian.testkit.contract.SuppressionOutboxContract;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory fakes keep every role port's contract (the ledger's in {@link
 * InMemoryFeedbackStoreTest}, beside the fake's own hooks).
 */
class InMemoryStoresContractTest {

  static Stores stores(Clock clock) {
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
    return new Stores(
        feedback, new InMemoryMonitorStore(feedback), new InMemoryCanaryStore(feedback));
  }

  @Nested
  class EventCounters extends EventCountersContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }

  @Nested
  class SoftBounceHistory extends SoftBounceHistoryContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }

  @Nested
  class SuppressionList extends SuppressionListContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }

  @Nested
  class SuppressionOutbox extends SuppressionOutboxContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }

  @Nested
  class MonitorState extends MonitorStateContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }

  @Nested
  class PauseLog extends PauseLogContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }

  @Nested
  class AlertLog extends AlertLogContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }

  @Nested
  class CanaryRuns extends CanaryRunsContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
    }
  }
}
