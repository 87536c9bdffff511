/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import io.sesguardian.testkit.contract.CanaryStoreContract;
import io.sesguardian.testkit.contract.FeedbackStoreContract;
import io.sesguardian.testkit.contract.MonitorStoreContract;
import io.sesguardian.testkit.contract.RecipientRefusalsContract;
import io.sesguardian.testkit.contract.Stores;
import io.sesguardian.testkit.contract.SuppressionAdminContract;
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
    return new Stores(
        feedback, new DynamoDbMonitorStore(feedback), new DynamoDbCanaryStore(feedback));
  }

  @Nested
  class Feedback extends FeedbackStoreContract {
    @Override
    protected FeedbackStore newStore(Clock clock) {
      return feedback(clock);
    }
  }

  @Nested
  class Refusals extends RecipientRefusalsContract {
    @Override
    protected io.sesguardian.domain.ingest.RecipientRefusals newRefusals(Clock clock) {
      return new DynamoDbRecipientRefusals(feedback(clock));
    }
  }

  @Nested
  class Admin extends SuppressionAdminContract {
    @Override
    protected Both newStores(Clock clock) {
      DynamoDbFeedbackStore feedback = feedback(clock);
      return new Both(feedback, new DynamoDbSuppressionAdmin(feedback));
    }
  }

  @Nested
  class Monitor extends MonitorStoreContract {
    @Override
    protected Stores newStores(Clock clock) {
      return stores(clock);
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
