/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionCounts;
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
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link SuppressionList} on the guardian's table ({@link SuppressionItem}). The whole list is read
 * through the {@code outbox} index, one partition per SES state, so no Scan is needed; its size is
 * a running total kept with every entry created.
 */
final class DynamoDbSuppressionList implements SuppressionList {

  private final DynamoTable table;
  private final DynamoDbLedger counters;

  DynamoDbSuppressionList(DynamoTable table, DynamoDbLedger counters) {
    this.table = Objects.requireNonNull(table, "table");
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  /**
   * One transaction: the entry (on the condition that none exists), its counters ({@link
   * SuppressionCounts}) and the list's running total.
   */
  @Override
  public boolean suppressIfAbsent(SuppressionUpdate u, Instant now) {
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .put(
                Put.builder()
                    .tableName(table.name())
                    .item(SuppressionItem.newItem(u, now))
                    .conditionExpression("attribute_not_exists(pk)")
                    .build())
            .build());
    SuppressionCounts.added(u, now, new Counts())
        .buckets()
        .forEach((key, fields) -> items.add(counters.counterUpdate(key, fields)));
    items.add(
        TransactWriteItem.builder().update(SuppressionItem.totalUpdate(table.name(), 1)).build());
    return table.transactUnlessRefused("suppress " + Addresses.mask(u.address()), items);
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

  /** The running total kept with every entry created (one item, however long the list). */
  @Override
  public long suppressionCount() {
    Map<String, AttributeValue> total = table.get("count suppressions", SuppressionItem.totalKey());
    AttributeValue n = total == null ? null : total.get(SuppressionItem.TOTAL);
    return n == null || n.n() == null ? 0 : Long.parseLong(n.n());
  }
}
