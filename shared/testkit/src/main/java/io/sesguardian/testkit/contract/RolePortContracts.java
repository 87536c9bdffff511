/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import java.time.Clock;
import org.junit.jupiter.api.Nested;

/**
 * Every role port's contract suite but the ledger's (whose hooks differ per adapter: subclass
 * {@link FeedbackLedgerContract} beside it), for one adapter: subclass it with a factory for fresh,
 * empty stores over one state. JUnit runs the nested suites of the subclass.
 */
public abstract class RolePortContracts {

  /** Fresh, empty stores over one state whose "now" is {@code clock}. */
  protected abstract Stores newStores(Clock clock);

  @Nested
  class EventCounters extends EventCountersContract {
    @Override
    protected Stores newStores(Clock clock) {
      return RolePortContracts.this.newStores(clock);
    }
  }

  @Nested
  class SoftBounceHistory extends SoftBounceHistoryContract {
    @Override
    protected Stores newStores(Clock clock) {
      return RolePortContracts.this.newStores(clock);
    }
  }

  @Nested
  class SuppressionList extends SuppressionListContract {
    @Override
    protected Stores newStores(Clock clock) {
      return RolePortContracts.this.newStores(clock);
    }
  }

  @Nested
  class SuppressionOutbox extends SuppressionOutboxContract {
    @Override
    protected Stores newStores(Clock clock) {
      return RolePortContracts.this.newStores(clock);
    }
  }

  @Nested
  class MonitorState extends MonitorStateContract {
    @Override
    protected Stores newStores(Clock clock) {
      return RolePortContracts.this.newStores(clock);
    }
  }

  @Nested
  class PauseLog extends PauseLogContract {
    @Override
    protected Stores newStores(Clock clock) {
      return RolePortContracts.this.newStores(clock);
    }
  }

  @Nested
  class AlertLog extends AlertLogContract {
    @Override
    protected Stores newStores(Clock clock) {
      return RolePortContracts.this.newStores(clock);
    }
  }

  @Nested
  class CanaryRuns extends CanaryRunsContract {
    @Override
    protected Stores newStores(Clock clock) {
      return RolePortContracts.this.newStores(clock);
    }
  }
}
