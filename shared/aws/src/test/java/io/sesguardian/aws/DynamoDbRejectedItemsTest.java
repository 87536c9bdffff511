/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.RejectedItem;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import io.sesguardian.testkit.contract.RejectedItemsContract;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapter keeps the {@link RejectedItems} contract, on moto. */
@ExtendWith(MotoExtension.class)
class DynamoDbRejectedItemsTest extends RejectedItemsContract {

  private final MotoServer server;
  private AwsClients clients;

  DynamoDbRejectedItemsTest(MotoServer server) {
    this.server = server;
  }

  @Override
  protected RejectedItems newRejectedItems(Clock clock) {
    clients = MotoDynamoDb.clients(server);
    return new DynamoDbRejectedItems(
        clients.dynamoDb(), MotoDynamoDb.newTable(clients), clock, RejectedItems.DEFAULT_RETENTION);
  }

  @AfterEach
  void disconnect() {
    clients.close();
  }

  @Test
  void documentTooLargeForAnItem_isKeptAsATraceWithoutItsText() {
    Random random = new Random(7);
    StringBuilder raw = new StringBuilder();
    while (raw.length() < 1_000_000) {
      raw.append((char) ('!' + random.nextInt(90)));
    }
    RejectedItem item =
        RejectedItem.of(
            "request:big",
            raw.toString(),
            clock.instant(),
            List.of(new Rejection("request:big", Rejection.Code.TOO_LARGE, "too large")));

    kept.keep(item);

    assertThat(kept.after(null, 1)).containsExactly(item.withoutRaw());
  }
}
