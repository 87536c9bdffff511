/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoTable.n;
import static io.sesguardian.aws.DynamoTable.s;

import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionCounts;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link SuppressionOutbox} on the guardian's table: pending entries are the {@code PENDING}
 * partition of the {@code outbox} index, sorted by due time, so the writer reads due entries with
 * one Query.
 */
final class DynamoDbSuppressionOutbox implements SuppressionOutbox {

  private static final Map<String, String> NAMES =
      Map.of(
          "#st", SuppressionItem.SES_STATE,
          "#at", SuppressionItem.SYNCED_AT,
          "#err", SuppressionItem.SES_LAST_ERROR,
          "#tries", SuppressionItem.SES_ATTEMPTS,
          "#note", SuppressionItem.SES_NOTE,
          "#ob", SuppressionItem.OUTBOX_SORT);

  private final DynamoTable table;
  private final DynamoDbLedger counters;

  DynamoDbSuppressionOutbox(DynamoTable table, DynamoDbLedger counters) {
    this.table = Objects.requireNonNull(table, "table");
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  @Override
  public List<SuppressionEntry> pendingOutbox(Instant now, int limit) {
    return table
        .queryFirst("read the outbox", SuppressionItem.byState(SesSyncState.PENDING, now), limit)
        .stream()
        .map(SuppressionItem::entry)
        .toList();
  }

  @Override
  public int pendingOutboxSize() {
    return (int)
        table.count("count the outbox", SuppressionItem.byState(SesSyncState.PENDING, null));
  }

  /**
   * The first time an entry becomes SYNCED, its time to reach SES's list is counted ({@link
   * SuppressionCounts}) from the entry's state before the update. The count is a second write: a
   * process that dies between the two leaves that one entry out of the report's histogram (never
   * counts it twice: a repeated call finds the entry SYNCED).
   */
  @Override
  public void markSynced(String address, Instant at) {
    Map<String, AttributeValue> before =
        updateEntry(
            "mark " + address + " synced",
            address,
            "SET #st = :st, #at = :at REMOVE #err ADD #tries :one",
            Map.of(":st", s(SesSyncState.SYNCED.name()), ":at", s(at.toString()), ":one", n(1)));
    AttributeValue state = before.get(SuppressionItem.SES_STATE);
    AttributeValue firstSeen = before.get(SuppressionItem.FIRST_SEEN);
    if (firstSeen != null
        && firstSeen.s() != null
        && (state == null || !SesSyncState.SYNCED.name().equals(state.s()))) {
      counters.addCounts(SuppressionCounts.synced(Instant.parse(firstSeen.s()), at, new Counts()));
    }
  }

  @Override
  public void markNotNeeded(String address, String why, Instant at) {
    updateEntry(
        "mark " + address + " not needed",
        address,
        "SET #st = :st, #at = :at, #note = :why REMOVE #err",
        Map.of(":st", s(SesSyncState.NOT_NEEDED.name()), ":at", s(at.toString()), ":why", s(why)));
  }

  @Override
  public void markFailed(String address, String error, Instant retryAt) {
    updateEntry(
        "record the SES error for " + address,
        address,
        "SET #err = :e, #ob = :ob ADD #tries :one",
        Map.of(
            ":e",
            s(SuppressionOutbox.clipError(error)),
            ":ob",
            s(SuppressionItem.outboxSortKey(retryAt, address)),
            ":one",
            n(1)));
  }

  /** The entry's attributes before the update. */
  private Map<String, AttributeValue> updateEntry(
      String what, String address, String expression, Map<String, AttributeValue> values) {
    // Only the names the expression uses: DynamoDB refuses unused ones.
    Map<String, String> names = new HashMap<>();
    NAMES.forEach(
        (name, attribute) -> {
          if (expression.matches(".*" + name + "\\b.*")) {
            names.put(name, attribute);
          }
        });
    try {
      return table
          .update(
              what,
              SuppressionItem.key(address),
              r ->
                  r.updateExpression(expression)
                      .conditionExpression("attribute_exists(pk)")
                      .expressionAttributeNames(names)
                      .expressionAttributeValues(values)
                      .returnValues(ReturnValue.ALL_OLD))
          .attributes();
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException(
          "cannot " + what + ": the suppression entry does not exist in " + table.name(), e);
    }
  }
}
