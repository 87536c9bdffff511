/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoDbFeedbackStore.key;
import static io.sesguardian.aws.DynamoDbFeedbackStore.n;
import static io.sesguardian.aws.DynamoDbFeedbackStore.outboxSortKey;
import static io.sesguardian.aws.DynamoDbFeedbackStore.s;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link SuppressionAdmin} on the guardian's DynamoDB table, beside {@link DynamoDbFeedbackStore}
 * (whose suppression entries it removes and adds):
 *
 * <pre>
 * item                 pk                 sk                           notes
 * removal (history)    R#{address}        {at ISO-8601}#{hash}         kept for good
 * queued delete        U#{address}        U                            in GSI "outbox" (sesState UNSUPPRESS, obsk)
 * import mark          IMPORT             SES                          importedAt
 * </pre>
 *
 * <p>A removal is one {@code TransactWriteItems}: the entry's Delete (conditioned on it being the
 * entry that was read), the history Put and the queued delete's Put, so a crash never leaves an
 * address removed without its history or its delete.
 */
public final class DynamoDbSuppressionAdmin implements SuppressionAdmin {

  /** The outbox index partition of queued deletes (not a {@link SesSyncState}). */
  static final String UNSUPPRESS = "UNSUPPRESS";

  private final DynamoDbFeedbackStore store;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbSuppressionAdmin(DynamoDbFeedbackStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.dynamo = store.client();
    this.table = store.table();
  }

  @Override
  public Optional<Removal> remove(String address, String by, String why, Instant at) {
    GetItemResponse read =
        store.withRetries(
            "read a suppression",
            () ->
                dynamo.getItem(
                    r -> r.tableName(table).key(key("S#" + address, "S")).consistentRead(true)));
    if (!read.hasItem() || read.item().isEmpty()) {
      return Optional.empty();
    }
    SuppressionEntry entry = DynamoDbFeedbackStore.entry(read.item());
    Removal removal = Removal.of(entry, by, why, at);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .delete(
                Delete.builder()
                    .tableName(table)
                    .key(key("S#" + address, "S"))
                    .conditionExpression("firstKey = :k")
                    .expressionAttributeValues(Map.of(":k", s(entry.firstLedgerKey())))
                    .build())
            .build());
    Map<String, AttributeValue> history = new HashMap<>();
    history.put("pk", s("R#" + address));
    history.put("sk", s(at + "#" + DynamoDbFeedbackStore.hash(by + "|" + why).substring(0, 12)));
    history.put("by", s(by));
    history.put("why", s(why));
    history.put("at", s(at.toString()));
    history.put("reason", s(entry.reason().name()));
    history.put("origin", s(entry.origin().name()));
    history.put("count", n(entry.count()));
    history.put("sesState", s(entry.sesState().name()));
    putIfSet(history, "firstSeen", entry.firstSeen());
    putIfSet(history, "lastSeen", entry.lastSeen());
    items.add(put(history));
    if (!entry.simulator()) {
      Map<String, AttributeValue> queued = new HashMap<>(key("U#" + address, "U"));
      queued.put("address", s(address));
      queued.put("queuedAt", s(at.toString()));
      queued.put("sesState", s(UNSUPPRESS));
      queued.put("obsk", s(outboxSortKey(at, address)));
      queued.put("attempts", n(0));
      items.add(put(queued));
    }
    try {
      store.withRetries(
          "remove a suppression", () -> dynamo.transactWriteItems(r -> r.transactItems(items)));
      return Optional.of(removal);
    } catch (TransactionCanceledException e) {
      // Someone removed (or removed and re-created) the entry since it was read.
      return Optional.empty();
    }
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  private static void putIfSet(Map<String, AttributeValue> item, String name, Instant value) {
    if (value != null) {
      item.put(name, s(value.toString()));
    }
  }

  @Override
  public List<Removal> removals(String address) {
    List<Removal> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        store.query(
            QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("R#" + address)))
                .build())) {
      out.add(
          new Removal(
              address,
              item.get("by").s(),
              item.get("why").s(),
              Instant.parse(item.get("at").s()),
              SuppressionReason.valueOf(item.get("reason").s()),
              SuppressionOrigin.valueOf(item.get("origin").s()),
              DynamoDbFeedbackStore.instant(item, "firstSeen"),
              DynamoDbFeedbackStore.instant(item, "lastSeen"),
              Long.parseLong(item.get("count").n()),
              SesSyncState.valueOf(item.get("sesState").s())));
    }
    return out;
  }

  @Override
  public List<PendingDelete> pendingDeletes(Instant now, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("negative limit: " + limit);
    }
    List<PendingDelete> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse response =
          store.withRetries(
              "read queued deletes",
              () ->
                  dynamo.query(
                      queuedDeletes(now)
                          .limit(Math.max(1, Math.min(limit - out.size(), 1000)))
                          .exclusiveStartKey(from)
                          .build()));
      for (Map<String, AttributeValue> item : response.items()) {
        out.add(
            new PendingDelete(
                item.get("address").s(),
                Instant.parse(item.get("queuedAt").s()),
                Instant.ofEpochMilli(Long.parseLong(item.get("obsk").s().substring(0, 15))),
                item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0,
                DynamoDbFeedbackStore.text(item, "lastError")));
      }
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && out.size() < limit);
    return out;
  }

  private QueryRequest.Builder queuedDeletes(Instant dueBy) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":st", s(UNSUPPRESS));
    String condition = "sesState = :st";
    if (dueBy != null) {
      condition += " AND obsk <= :due";
      values.put(":due", s(DynamoDbFeedbackStore.timeKey(dueBy) + "#~"));
    }
    return QueryRequest.builder()
        .tableName(table)
        .indexName(DynamoDbFeedbackStore.OUTBOX_INDEX)
        .keyConditionExpression(condition)
        .expressionAttributeValues(values);
  }

  @Override
  public int pendingDeleteCount() {
    int count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse response =
          store.withRetries(
              "count queued deletes",
              () ->
                  dynamo.query(
                      queuedDeletes(null).select(Select.COUNT).exclusiveStartKey(from).build()));
      count += response.count();
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  @Override
  public void markDeleted(String address, Instant at) {
    Objects.requireNonNull(at, "at");
    store.withRetries(
        "mark a delete done",
        () -> dynamo.deleteItem(r -> r.tableName(table).key(key("U#" + address, "U"))));
  }

  @Override
  public void markDeleteFailed(String address, String error, Instant retryAt) {
    try {
      store.withRetries(
          "record a refused delete",
          () ->
              dynamo.updateItem(
                  r ->
                      r.tableName(table)
                          .key(key("U#" + address, "U"))
                          .updateExpression("SET lastError = :e, obsk = :ob ADD attempts :one")
                          .conditionExpression("attribute_exists(pk)")
                          .expressionAttributeValues(
                              Map.of(
                                  ":e",
                                  s(error.length() > 1000 ? error.substring(0, 1000) : error),
                                  ":ob",
                                  s(outboxSortKey(retryAt, address)),
                                  ":one",
                                  n(1)))));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("cannot record a refused delete: none is queued", e);
    }
  }

  @Override
  public boolean recordImported(
      String address, SuppressionReason reason, Instant sesTime, Instant now) {
    Map<String, AttributeValue> item =
        DynamoDbFeedbackStore.newEntryItem(
            SuppressionUpdate.imported(address, reason, sesTime), now);
    item.put("count", n(0));
    item.put("syncedAt", s(now.toString()));
    item.put("sesNote", s("already on SES's account-level list (imported)"));
    try {
      store.withRetries(
          "import a suppression",
          () ->
              dynamo.putItem(
                  r ->
                      r.tableName(table)
                          .item(item)
                          .conditionExpression("attribute_not_exists(pk)")));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void markLocalOnly(String address, String why, Instant at) {
    try {
      store.withRetries(
          "keep a suppression local",
          () ->
              dynamo.updateItem(
                  r ->
                      r.tableName(table)
                          .key(key("S#" + address, "S"))
                          .updateExpression(
                              "SET sesState = :st, syncedAt = :at, sesNote = :why REMOVE"
                                  + " sesLastError")
                          .conditionExpression("attribute_exists(pk)")
                          .expressionAttributeValues(
                              Map.of(
                                  ":st", s(SesSyncState.LOCAL_ONLY.name()),
                                  ":at", s(at.toString()),
                                  ":why", s(why)))));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException(
          "cannot keep it off SES's list: the suppression entry does not exist in " + table, e);
    }
  }

  @Override
  public Optional<Instant> importedAt() {
    GetItemResponse read =
        store.withRetries(
            "read the import mark",
            () ->
                dynamo.getItem(
                    r -> r.tableName(table).key(key("IMPORT", "SES")).consistentRead(true)));
    return read.hasItem() && read.item().containsKey("importedAt")
        ? Optional.of(Instant.parse(read.item().get("importedAt").s()))
        : Optional.empty();
  }

  @Override
  public void markImported(Instant at) {
    Map<String, AttributeValue> item = new HashMap<>(key("IMPORT", "SES"));
    item.put("importedAt", s(at.toString()));
    store.withRetries(
        "mark the import done", () -> dynamo.putItem(r -> r.tableName(table).item(item)));
  }
}
