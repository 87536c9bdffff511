/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionList;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link SuppressionList} on the guardian's table ({@link SuppressionItem}). The whole list is read
 * through the {@code outbox} index, one partition per SES state, so no Scan is needed.
 */
final class DynamoDbSuppressionList implements SuppressionList {

  private final DynamoTable table;

  DynamoDbSuppressionList(DynamoTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public boolean suppressIfAbsent(SuppressionUpdate u, Instant now) {
    try {
      table.put(
          "suppress " + u.address(),
          SuppressionItem.newItem(u, now),
          r -> r.conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Map<String, SuppressionEntry> suppressions(Collection<String> addresses) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String address : new LinkedHashSet<>(addresses)) {
      keys.add(SuppressionItem.key(address));
    }
    Map<String, SuppressionEntry> out = new HashMap<>();
    for (Map<String, AttributeValue> item : table.getAll("read suppressions", keys)) {
      SuppressionEntry entry = SuppressionItem.entry(item);
      out.put(entry.address(), entry);
    }
    return out;
  }

  @Override
  public List<SuppressionEntry> allSuppressions() {
    List<SuppressionEntry> out = new ArrayList<>();
    for (SesSyncState state : SesSyncState.values()) {
      for (Map<String, AttributeValue> item : table.query(SuppressionItem.byState(state, null))) {
        out.add(SuppressionItem.entry(item));
      }
    }
    out.sort(Comparator.comparing(SuppressionEntry::address));
    return out;
  }

  @Override
  public List<SuppressionEntry> suppressionsRecordedSince(Instant since) {
    List<SuppressionEntry> out = new ArrayList<>();
    for (SesSyncState state : SesSyncState.values()) {
      for (Map<String, AttributeValue> item :
          table.query(SuppressionItem.recordedSince(state, since))) {
        SuppressionEntry e = SuppressionItem.entry(item);
        if (e.recordedAt() != null && !e.recordedAt().isBefore(since)) {
          out.add(e);
        }
      }
    }
    out.sort(Comparator.comparing(SuppressionEntry::address));
    return out;
  }

  @Override
  public long suppressionCount() {
    long count = 0;
    for (SesSyncState state : SesSyncState.values()) {
      count += table.count("count suppressions", SuppressionItem.byState(state, null));
    }
    return count;
  }
}
