/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import io.sesguardian.testkit.contract.AlertLogContract;
import io.sesguardian.testkit.contract.CanaryRunsContract;
import io.sesguardian.testkit.contract.EventCountersContract;
import io.sesguardian.testkit.contract.FeedbackLedgerContract;
import io.sesguardian.testkit.contract.MonitorStateContract;
import io.sesguardian.testkit.contract.PauseLogContract;
import io.sesguardian.testkit.contract.SoftBounceHistoryContract;
import io.sesguardian.testkit.contract.Stores;
import io.sesguardian.testkit.contract.SuppressionListContract;
import io.sesguardian.testkit.contract.SuppressionOutboxContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DynamoDB adapters keep their ports' contracts, on moto (each store gets a table of its own).
 * Not covered here, because moto lacks them: ledger expiry (no TTL) and a retried transaction's
 * idempotency token (the fault-storm test drives those against injected faults instead).
 */
@ExtendWith(MotoExtension.class)
class DynamoDbStoresContractTest {

  private AwsClients clients;

  @BeforeEach
  void connect(MotoServer moto) {
    clients = MotoDynamoDb.clients(moto);
  }

  @AfterEach
  void disconnect() {
    clients.close();
  }

  private DynamoDbFeedbackStore feedback(Clock clock) {
    return new DynamoDbFeedbackStore(
        clients.dynamoDb(),
        MotoDynamoDb.newTable(clients),
        DynamoDbFeedbackStore.Settings.DEFAULT,
        clock,
        Sleeper.REAL);
  }

  private Stores stores(Clock clock) {
    DynamoDbFeedbackStore feedback = feedback(clock);
    return new Stores(feedback, feedback.monitorStore(), feedback.canaryStore());
  }

  @Nested
  class Ledger extends FeedbackLedgerContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
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
