/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import io.sesguardian.testkit.contract.FeedbackLedgerContract;
import io.sesguardian.testkit.contract.RecipientRefusalsContract;
import io.sesguardian.testkit.contract.RolePortContracts;
import io.sesguardian.testkit.contract.Stores;
import io.sesguardian.testkit.contract.SuppressionAdminContract;
import io.sesguardian.testkit.contract.VerifiedDomainsContract;
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
class DynamoDbStoresContractTest extends RolePortContracts {

  private AwsClients clients;

  @BeforeEach
  void connect(MotoServer moto) {
    // moto ignores ClientRequestToken: the batch counters' idempotency is tested against an
    // emulation of DynamoDB's 10-minute token window.
    try (AwsClients plain = MotoDynamoDb.clients(moto)) {
      clients = plain.instrumented(new RequestCounter(), FaultInjectingHttpClient::tokenWindow);
    }
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

  @Override
  protected Stores newStores(Clock clock) {
    DynamoDbFeedbackStore feedback = feedback(clock);
    return new Stores(feedback, feedback.monitorStore(), feedback.canaryStore());
  }

  @Nested
  class Ledger extends FeedbackLedgerContract {
    @Override
    protected Stores newStores(Clock clock) {
      return DynamoDbStoresContractTest.this.newStores(clock);
    }
  }

  @Nested
  class Refusals extends RecipientRefusalsContract {
    @Override
    protected io.sesguardian.domain.ingest.RecipientRefusals newRefusals(Clock clock) {
      return feedback(clock).recipientRefusals();
    }
  }

  @Nested
  class Verified extends VerifiedDomainsContract {
    @Override
    protected io.sesguardian.domain.ingest.VerifiedDomains newVerifiedDomains() {
      return feedback(Clock.systemUTC()).verifiedDomains();
    }
  }

  @Nested
  class Admin extends SuppressionAdminContract {
    @Override
    protected Both newStores(Clock clock) {
      DynamoDbFeedbackStore feedback = feedback(clock);
      return new Both(feedback, feedback.suppressionAdmin());
    }
  }
}
