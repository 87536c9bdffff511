/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.ingest.SoftBounceHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link SoftBounceHistory} on the guardian's table: {@code pk B#{address}}, {@code sk {epoch ms,
 * 15 digits}#{ledger key hash}} (written by {@link DynamoDbLedger}), TTL {@code expiresAt}.
 */
final class DynamoDbSoftBounceHistory implements SoftBounceHistory {

  static final String EVENT_TIME = "eventTime";

  private final DynamoTable table;

  DynamoDbSoftBounceHistory(DynamoTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  static String partition(String address) {
    return "B#" + address;
  }

  @Override
  public List<Instant> softBounceTimes(String address, Instant since, Instant until) {
    List<Instant> times = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.query(
            DynamoTable.range(
                    partition(address),
                    DynamoTable.timeKey(since),
                    DynamoTable.timeKey(until) + "#~")
                .consistentRead(true))) {
      times.add(Instant.parse(item.get(EVENT_TIME).s()));
    }
    times.sort(Comparator.naturalOrder());
    return times;
  }
}
