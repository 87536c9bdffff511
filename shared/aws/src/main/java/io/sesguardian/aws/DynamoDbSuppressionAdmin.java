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
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link SuppressionAdmin} on the guardian's DynamoDB table, beside the suppression entries it
 * removes and adds ({@link SuppressionItem}):
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

  private static final String IMPORTED_NOTE = "already on SES's account-level list (imported)";

  private final DynamoTable table;

  DynamoDbSuppressionAdmin(DynamoTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  private static Map<String, AttributeValue> queuedKey(String address) {
    return DynamoTable.key("U#" + address, "U");
  }

  @Override
  public Optional<Removal> remove(String address, String by, String why, Instant at) {
    Map<String, AttributeValue> read =
        table.get("read a suppression", SuppressionItem.key(address));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    SuppressionEntry entry = SuppressionItem.entry(read);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .delete(
                Delete.builder()
                    .tableName(table.name())
                    .key(SuppressionItem.key(address))
                    .conditionExpression("#k = :k")
                    .expressionAttributeNames(Map.of("#k", SuppressionItem.FIRST_KEY))
                    .expressionAttributeValues(Map.of(":k", s(entry.firstLedgerKey())))
                    .build())
            .build());
    Map<String, AttributeValue> history = new HashMap<>();
    history.put("pk", s("R#" + address));
    history.put("sk", s(at + "#" + DynamoTable.hash(by + "|" + why).substring(0, 12)));
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
      Map<String, AttributeValue> queued = new HashMap<>(queuedKey(address));
      queued.put("address", s(address));
      queued.put("queuedAt", s(at.toString()));
      queued.put(SuppressionItem.SES_STATE, s(UNSUPPRESS));
      queued.put(SuppressionItem.OUTBOX_SORT, s(SuppressionItem.outboxSortKey(at, address)));
      queued.put("attempts", n(0));
      items.add(put(queued));
    }
    // The list's running total (what the weekly report counts) loses the entry in the same step.
    items.add(
        TransactWriteItem.builder().update(SuppressionItem.totalUpdate(table.name(), -1)).build());
    if (!table.transactUnlessRefused("remove a suppression", items)) {
      // Someone removed (or removed and re-created) the entry since it was read.
      return Optional.empty();
    }
    return Optional.of(Removal.of(entry, by, why, at));
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table.name()).item(item).build())
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
        table.query(DynamoTable.partition("R#" + address).consistentRead(true))) {
      out.add(
          new Removal(
              address,
              item.get("by").s(),
              item.get("why").s(),
              Instant.parse(item.get("at").s()),
              SuppressionReason.valueOf(item.get("reason").s()),
              SuppressionOrigin.valueOf(item.get("origin").s()),
              instant(item, "firstSeen"),
              instant(item, "lastSeen"),
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
    if (limit == 0) {
      return List.of();
    }
    List<PendingDelete> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.queryFirst(
            "read queued deletes",
            SuppressionItem.byState(UNSUPPRESS, now),
            Math.min(limit, 1000))) {
      out.add(
          new PendingDelete(
              item.get("address").s(),
              Instant.parse(item.get("queuedAt").s()),
              Instant.ofEpochMilli(
                  Long.parseLong(item.get(SuppressionItem.OUTBOX_SORT).s().substring(0, 15))),
              item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0,
              text(item, "lastError")));
    }
    return out;
  }

  @Override
  public int pendingDeleteCount() {
    return (int) table.count("count queued deletes", SuppressionItem.byState(UNSUPPRESS, null));
  }

  @Override
  public void markDeleted(String address, Instant at) {
    Objects.requireNonNull(at, "at");
    table.delete("mark a delete done", queuedKey(address));
  }

  @Override
  public void markDeleteFailed(String address, String error, Instant retryAt) {
    String kept = SuppressionOutbox.clipError(error);
    try {
      table.update(
          "record a refused delete",
          queuedKey(address),
          r ->
              r.updateExpression("SET lastError = :e, #ob = :ob ADD attempts :one")
                  .conditionExpression("attribute_exists(pk)")
                  .expressionAttributeNames(Map.of("#ob", SuppressionItem.OUTBOX_SORT))
                  .expressionAttributeValues(
                      Map.of(
                          ":e",
                          s(kept),
                          ":ob",
                          s(SuppressionItem.outboxSortKey(retryAt, address)),
                          ":one",
                          n(1))));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("cannot record a refused delete: none is queued", e);
    }
  }

  @Override
  public boolean recordImported(
      String address, SuppressionReason reason, Instant sesTime, Instant now) {
    Map<String, AttributeValue> item =
        SuppressionItem.newItem(SuppressionUpdate.imported(address, reason, sesTime), now, 0);
    item.put(SuppressionItem.SYNCED_AT, s(now.toString()));
    item.put(SuppressionItem.SES_NOTE, s(IMPORTED_NOTE));
    // With the list's running total, so the weekly report's count includes what SES held.
    return table.transactUnlessRefused(
        "import a suppression",
        List.of(
            TransactWriteItem.builder()
                .put(
                    Put.builder()
                        .tableName(table.name())
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build(),
            TransactWriteItem.builder()
                .update(SuppressionItem.totalUpdate(table.name(), 1))
                .build()));
  }

  @Override
  public void markLocalOnly(String address, String why, Instant at) {
    try {
      table.update(
          "keep a suppression local",
          SuppressionItem.key(address),
          r ->
              r.updateExpression("SET #st = :st, #at = :at, #why = :why REMOVE #err")
                  .conditionExpression("attribute_exists(pk)")
                  .expressionAttributeNames(
                      Map.of(
                          "#st", SuppressionItem.SES_STATE,
                          "#at", SuppressionItem.SYNCED_AT,
                          "#why", SuppressionItem.SES_NOTE,
                          "#err", SuppressionItem.SES_LAST_ERROR))
                  .expressionAttributeValues(
                      Map.of(
                          ":st", s(SesSyncState.LOCAL_ONLY.name()),
                          ":at", s(at.toString()),
                          ":why", s(why))));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException(
          "cannot keep it off SES's list: the suppression entry does not exist in " + table.name(),
          e);
    }
  }

  @Override
  public Optional<Instant> importedAt() {
    Map<String, AttributeValue> item =
        table.get("read the import mark", DynamoTable.key("IMPORT", "SES"));
    return item.containsKey("importedAt")
        ? Optional.of(Instant.parse(item.get("importedAt").s()))
        : Optional.empty();
  }

  @Override
  public void markImported(Instant at) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key("IMPORT", "SES"));
    item.put("importedAt", s(at.toString()));
    table.put("mark the import done", item, r -> {});
  }
}
