/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.VerifiedDomains.Snapshot;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A kept list the adapter cannot read counts as none, so the monitor's next keep replaces it. */
@ExtendWith(MotoExtension.class)
class DynamoDbVerifiedDomainsTest {

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  @Test
  void anItemWithoutAReadableTime_readsAsNone_andTheNextKeepReplacesIt(MotoServer moto) {
    try (AwsClients clients = MotoDynamoDb.clients(moto)) {
      String table = MotoDynamoDb.newTable(clients);
      DynamoDbVerifiedDomains kept =
          new DynamoDbFeedbackStore(
                  clients.dynamoDb(),
                  table,
                  DynamoDbFeedbackStore.Settings.DEFAULT,
                  Clock.systemUTC(),
                  Sleeper.REAL)
              .verifiedDomains();
      for (Map<String, AttributeValue> broken :
          java.util.List.of(
              Map.of("pk", s("VD"), "sk", s("SES"), "domains", s("a.example")),
              Map.of(
                  "pk",
                  s("VD"),
                  "sk",
                  s("SES"),
                  "domains",
                  s("a.example"),
                  "readAt",
                  s("yesterday")))) {
        clients.dynamoDb().putItem(r -> r.tableName(table).item(broken));
        assertThat(kept.latest()).isEmpty();
      }

      Instant now = Instant.parse("2026-05-10T12:00:00Z");
      kept.keep(new Snapshot(Set.of("a.example"), now));
      assertThat(kept.latest()).contains(new Snapshot(Set.of("a.example"), now));
    }
  }
}
