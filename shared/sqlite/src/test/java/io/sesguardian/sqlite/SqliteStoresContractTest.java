/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.testkit.contract.AlertLogContract;
import io.sesguardian.testkit.contract.CanaryRunsContract;
import io.sesguardian.testkit.contract.EventCountersContract;
import io.sesguardian.testkit.contract.MonitorStateContract;
import io.sesguardian.testkit.contract.PauseLogContract;
import io.sesguardian.testkit.contract.SoftBounceHistoryContract;
import io.sesguardian.testkit.contract.Stores;
import io.sesguardian.testkit.contract.SuppressionListContract;
import io.sesguardian.testkit.contract.SuppressionOutboxContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite stores keep every role port's contract (the ledger's in {@link
 * SqliteFeedbackStoreTest}).
 */
class SqliteStoresContractTest {

  @TempDir Path dir;
  private SqliteStore store;

  private Stores stores(Clock clock) {
    try {
      store = SqliteStore.open(dir, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Stores(store.feedback(), store.monitor(), store.canary());
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
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
