/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoTable.instant;
import static io.sesguardian.aws.DynamoTable.n;
import static io.sesguardian.aws.DynamoTable.s;
import static io.sesguardian.aws.DynamoTable.text;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The suppression entry item, {@code pk S#{address}} / {@code sk S}: the only code that knows its
 * attribute names. Suppression entries alone carry {@code sesState} and {@code obsk} ({@code {due
 * epoch ms}#{address}}), the keys of the {@code outbox} index.
 */
final class SuppressionItem {

  static final String OUTBOX_INDEX = "outbox";

  static final String ADDRESS = "address";
  static final String REASON = "reason";
  static final String ORIGIN = "origin";
  static final String FIRST_SEEN = "firstSeen";
  static final String LAST_SEEN = "lastSeen";
  static final String RECORDED_AT = "recordedAt";
  static final String FIRST_KEY = "firstKey";
  static final String SES_STATE = "sesState";
  static final String OUTBOX_SORT = "obsk";
  static final String SIMULATOR = "simulator";
  static final String COUNT = "count";
  static final String LAST_FEEDBACK_ID = "lastFeedbackId";
  static final String DIAGNOSTIC = "diagnostic";
  static final String SES_LAST_ERROR = "sesLastError";
  static final String SES_ATTEMPTS = "sesAttempts";
  static final String SYNCED_AT = "syncedAt";
  static final String SES_NOTE = "sesNote";
  static final String CONFIGURATION_SET = "configurationSet";

  private SuppressionItem() {}

  static Map<String, AttributeValue> key(String address) {
    return DynamoTable.key("S#" + address, "S");
  }

  static String outboxSortKey(Instant due, String address) {
    return DynamoTable.timeKey(due) + "#" + address;
  }

  /**
   * The running total of entries on the list, {@code pk LIST} / {@code sk TOTAL}, attribute {@code
   * entries}: added to in the same transaction that creates an entry, so counting the list reads
   * one item however long it grows.
   */
  static Map<String, AttributeValue> totalKey() {
    return DynamoTable.key("LIST", "TOTAL");
  }

  static final String TOTAL = "entries";

  /** Adds {@code created} to the list's running total. */
  static Update totalUpdate(String table, long created) {
    return Update.builder()
        .tableName(table)
        .key(totalKey())
        .updateExpression("ADD #t :n")
        .expressionAttributeNames(Map.of("#t", TOTAL))
        .expressionAttributeValues(Map.of(":n", n(created)))
        .build();
  }

  /** The entry a first update creates (recorded {@code now}, count 1). */
  static Map<String, AttributeValue> newItem(SuppressionUpdate u, Instant now) {
    return newItem(u, now, 1);
  }

  /** The entry a first update creates, recorded {@code now} with {@code count}. */
  static Map<String, AttributeValue> newItem(SuppressionUpdate u, Instant now, long count) {
    Map<String, AttributeValue> item = new HashMap<>(key(u.address()));
    item.putAll(firstValues(u, now));
    item.put(LAST_SEEN, s(u.eventTime().toString()));
    item.put(COUNT, n(count));
    item.putAll(latestValues(u));
    return item;
  }

  /**
   * The transaction update of {@code count} merged updates: creates the entry when absent with the
   * first update's identity, moves {@code lastSeen} and the latest event's details, adds to count.
   */
  static Update update(String table, SuppressionUpdate u, int count, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    StringBuilder set = new StringBuilder("SET ");
    int i = 0;
    for (Map.Entry<String, AttributeValue> first : firstValues(u, now).entrySet()) {
      String name = "#a" + i;
      String value = ":a" + i++;
      names.put(name, first.getKey());
      values.put(value, first.getValue());
      // the address is the key's own text; everything else keeps what the first update wrote
      set.append(
          first.getKey().equals(ADDRESS)
              ? name + " = " + value + ", "
              : name + " = if_not_exists(" + name + ", " + value + "), ");
    }
    names.put("#last", LAST_SEEN);
    values.put(":last", s(u.eventTime().toString()));
    set.append("#last = :last");
    for (Map.Entry<String, AttributeValue> latest : latestValues(u).entrySet()) {
      String name = "#a" + i;
      String value = ":a" + i++;
      names.put(name, latest.getKey());
      values.put(value, latest.getValue());
      set.append(", ").append(name).append(" = ").append(value);
    }
    names.put("#count", COUNT);
    values.put(":n", n(count));
    return Update.builder()
        .tableName(table)
        .key(key(u.address()))
        .updateExpression(set + " ADD #count :n")
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .build();
  }

  /** What the first update of an address decides for good. */
  private static Map<String, AttributeValue> firstValues(SuppressionUpdate u, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ADDRESS, s(u.address()));
    item.put(REASON, s(u.reason().name()));
    item.put(ORIGIN, s(u.origin().name()));
    item.put(FIRST_SEEN, s(u.eventTime().toString()));
    item.put(RECORDED_AT, s(now.toString()));
    item.put(FIRST_KEY, s(u.ledgerKey()));
    item.put(SES_STATE, s(u.initialState().name()));
    item.put(OUTBOX_SORT, s(outboxSortKey(now, u.address())));
    item.put(SIMULATOR, AttributeValue.fromBool(u.simulator()));
    if (u.configurationSet() != null) {
      item.put(CONFIGURATION_SET, s(u.configurationSet()));
    }
    return item;
  }

  /** What every update replaces: the latest event's details, when it has them. */
  private static Map<String, AttributeValue> latestValues(SuppressionUpdate u) {
    Map<String, AttributeValue> item = new HashMap<>();
    if (u.feedbackId() != null) {
      item.put(LAST_FEEDBACK_ID, s(u.feedbackId()));
    }
    if (u.diagnostic() != null && !u.diagnostic().isEmpty()) {
      item.put(DIAGNOSTIC, s(u.diagnostic()));
    }
    return item;
  }

  static SuppressionEntry entry(Map<String, AttributeValue> item) {
    return new SuppressionEntry(
        item.get(ADDRESS).s(),
        SuppressionReason.valueOf(item.get(REASON).s()),
        SuppressionOrigin.valueOf(item.get(ORIGIN).s()),
        instant(item, FIRST_SEEN),
        instant(item, LAST_SEEN),
        item.containsKey(COUNT) ? Long.parseLong(item.get(COUNT).n()) : 0,
        text(item, LAST_FEEDBACK_ID),
        text(item, DIAGNOSTIC),
        instant(item, RECORDED_AT),
        text(item, FIRST_KEY),
        SesSyncState.valueOf(item.get(SES_STATE).s()),
        text(item, SES_LAST_ERROR),
        item.containsKey(SES_ATTEMPTS) ? Integer.parseInt(item.get(SES_ATTEMPTS).n()) : 0,
        instant(item, SYNCED_AT),
        item.containsKey(SIMULATOR) && Boolean.TRUE.equals(item.get(SIMULATOR).bool()),
        text(item, CONFIGURATION_SET));
  }

  /** Entries in {@code state}, due by {@code dueBy} when given, in due order (outbox index). */
  static QueryRequest.Builder byState(SesSyncState state, Instant dueBy) {
    return byState(state.name(), dueBy);
  }

  /**
   * The same for a state written as text, including the outbox's own states that are not a {@link
   * SesSyncState} (queued deletes).
   */
  static QueryRequest.Builder byState(String state, Instant dueBy) {
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    values.put(":st", s(state));
    names.put("#st", SES_STATE);
    String condition = "#st = :st";
    if (dueBy != null) {
      condition += " AND #ob <= :due";
      values.put(":due", s(DynamoTable.timeKey(dueBy) + "#~"));
      names.put("#ob", OUTBOX_SORT);
    }
    return QueryRequest.builder()
        .indexName(OUTBOX_INDEX)
        .keyConditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values);
  }

  /** Entries in {@code state} whose outbox key is at or after {@code since} (recent ones). */
  static QueryRequest.Builder recordedSince(SesSyncState state, Instant since) {
    return QueryRequest.builder()
        .indexName(OUTBOX_INDEX)
        .keyConditionExpression("#st = :st AND #ob >= :since")
        .expressionAttributeNames(Map.of("#st", SES_STATE, "#ob", OUTBOX_SORT))
        .expressionAttributeValues(
            Map.of(":st", s(state.name()), ":since", s(DynamoTable.timeKey(since))));
  }
}
