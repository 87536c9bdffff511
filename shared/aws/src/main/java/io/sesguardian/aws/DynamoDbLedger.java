/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoTable.hash;
import static io.sesguardian.aws.DynamoTable.key;
import static io.sesguardian.aws.DynamoTable.n;
import static io.sesguardian.aws.DynamoTable.s;
import static io.sesguardian.aws.DynamoTable.timeKey;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.BatchCounters;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.FeedbackLedger;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SoftBounce;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.ingest.SuppressionCounts;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.domain.time.Deadline;
import io.sesguardian.domain.time.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link FeedbackLedger} and {@link EventCounters} on the guardian's table: together because {@link
 * #applyOnce} writes a group's ledger entries, suppression updates, soft-bounce entries, canary
 * observations and aggregated counters in one {@code TransactWriteItems} (up to 100 items; larger
 * groups are split): one write request per SNS-delivered notification, one per SQS batch. The
 * ledger Put's {@code attribute_not_exists} condition makes it exactly-once; a repeated request
 * carries the same {@code ClientRequestToken}, so a commit whose answer was lost is not taken for a
 * duplicate.
 *
 * <pre>
 * item                 pk                    sk                          notes
 * idempotency ledger   L#{ledger key}        L                           TTL expiresAt
 * hourly counters      C#{scope}             H#{yyyy-MM-ddTHH}           one attribute per CounterField
 * canary observation   K#{run id}            {kind}#{address}            TTL expiresAt
 * </pre>
 *
 * <p>GSI {@code scopes}: partition {@code cday} ({@code D#yyyy-MM-dd}), sort {@code pk}, keys only,
 * on counter items: which scopes had traffic on a day.
 */
final class DynamoDbLedger implements FeedbackLedger, EventCounters, BatchCounters {

  /** DynamoDB's limit on items per transaction. */
  static final int MAX_TRANSACTION_ITEMS = 100;

  static final String SCOPES_INDEX = "scopes";

  private final DynamoTable dynamo;
  private final String table;
  private final DynamoDbFeedbackStore.Settings settings;
  private final Clock clock;

  DynamoDbLedger(DynamoTable table, DynamoDbFeedbackStore.Settings settings, Clock clock) {
    this.dynamo = Objects.requireNonNull(table, "table");
    this.table = table.name();
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ---------------------------------------------------------------- applyOnce

  /** The same ledger, answering by {@code deadline}. */
  DynamoDbLedger withDeadline(Deadline deadline) {
    return new DynamoDbLedger(dynamo.withDeadline(deadline), settings, clock);
  }

  @Override
  public ApplyResult applyOnce(List<Effect> effects, Counts operational, CounterKey duplicatesKey) {
    Set<String> keys = new HashSet<>();
    for (Effect e : effects) {
      if (!keys.add(e.ledgerKey())) {
        // One transaction cannot write an item twice; the port refuses such a group up front.
        throw new IllegalArgumentException(
            "ledger key twice in one group: " + Addresses.maskAll(e.ledgerKey()));
      }
    }
    Set<String> duplicates = new HashSet<>();
    Set<String> failed = new HashSet<>();
    // Known from the read before each transaction: no read after it to find what it created.
    Map<String, SuppressionEntry> created = new HashMap<>();
    Counts pendingOperational = new Counts().addAll(operational);
    String callNonce = UUID.randomUUID().toString();
    Deque<List<Effect>> work = new ArrayDeque<>(chunks(effects, operational, duplicatesKey));
    while (!work.isEmpty()) {
      List<Effect> remaining = new ArrayList<>(work.poll());
      RetryPolicy.Execution run = dynamo.start();
      // Which of the chunk's addresses already have an entry. First assumed none (a new hard bounce
      // or complaint is almost always a new entry, and each create is conditioned on it, so a wrong
      // guess cancels the transaction and changes nothing); read after a cancelled transaction
      // only, so a retry after a lost answer repeats the same request.
      Set<String> listed = Set.of();
      int reads = 0;
      while (!remaining.isEmpty()) {
        if (!run.next()) {
          // Attempts, time or the caller's deadline ran out: report, do not block.
          remaining.forEach(r -> failed.add(r.ledgerKey()));
          break;
        }
        Counts counts = new Counts().addAll(pendingOperational);
        remaining.forEach(e -> e.addCountsTo(counts));
        List<TransactWriteItem> items = new ArrayList<>();
        List<Effect> ledgerOwners = new ArrayList<>();
        for (Effect e : remaining) {
          items.add(ledgerPut(e));
          ledgerOwners.add(e);
        }
        Collection<MergedUpdate> merged = mergedSuppressions(remaining);
        if (listed == null) {
          try {
            listed = merged.isEmpty() ? Set.of() : listed(merged);
          } catch (StoreUnavailableException e) {
            // Retried by the table's policy already: report, do not throw (nothing was written).
            remaining.forEach(r -> failed.add(r.ledgerKey()));
            break;
          }
          reads++;
        }
        Instant now = clock.instant();
        Map<String, SuppressionEntry> creating = new HashMap<>();
        for (MergedUpdate u : merged) {
          boolean create = !listed.contains(u.update.address());
          items.add(suppressionUpdate(u.update, u.count, now, create));
          if (create) {
            // Counted with the entry, in the same transaction (the condition makes it exact).
            SuppressionCounts.added(u.update, now, counts);
            creating.put(
                u.update.address(),
                SuppressionItem.entry(SuppressionItem.newItem(u.update, now, u.count)));
          }
        }
        if (!creating.isEmpty()) {
          items.add(
              TransactWriteItem.builder()
                  .update(SuppressionItem.totalUpdate(table, creating.size()))
                  .build());
        }
        java.util.Set<String> observed = new HashSet<>();
        for (Effect e : remaining) {
          if (e.softBounce() != null) {
            items.add(softBouncePut(e.softBounce()));
          }
          if (e.canaryRun().isPresent()
              && observed.add(e.canaryRun().get() + "|" + e.canaryObservationKey())) {
            items.add(canaryObservationPut(e));
          }
        }
        counts.buckets().forEach((key, fields) -> items.add(counterUpdate(key, fields)));
        try {
          String token = token(callNonce + "#" + reads, remaining);
          dynamo.transactOnce(items, token);
          pendingOperational = new Counts();
          created.putAll(creating);
          break;
        } catch (TransactionCanceledException e) {
          List<CancellationReason> reasons = e.cancellationReasons();
          // Nothing committed: an entry created or removed meanwhile is seen on the next attempt.
          listed = null;
          if (remaining.size() > 1 && DynamoTable.invalidRequest(e)) {
            isolate(remaining, work);
            break;
          }
          List<Effect> already = new ArrayList<>();
          for (int i = 0; i < ledgerOwners.size() && i < reasons.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
              already.add(ledgerOwners.get(i));
            }
          }
          if (!already.isEmpty()) {
            remaining.removeAll(already);
            already.forEach(d -> duplicates.add(d.ledgerKey()));
            pendingOperational.add(duplicatesKey, CounterField.DUPLICATES, already.size());
            // An answer, not a failure: the rest is tried again at once, with fresh attempts
            // (each such round removes at least one effect, so this ends).
            run = dynamo.start();
          }
        } catch (SdkException e) {
          if (!DynamoTable.retryable(e) && remaining.size() > 1) {
            isolate(remaining, work);
            break;
          }
          if (!DynamoTable.retryable(e)) {
            remaining.forEach(r -> failed.add(r.ledgerKey()));
            break;
          }
        }
      }
    }
    if (!pendingOperational.isEmpty()) {
      addCounts(pendingOperational);
    }
    return new ApplyResult(duplicates, failed, Optional.of(created));
  }

  /**
   * A request DynamoDB refuses outright (a key over its size limit, an item over 400 KB) fails the
   * whole transaction. So that one such document does not take its batch-mates with it (and, on the
   * SQS path, to the dead-letter queue after every retry), the effects are tried again one per
   * transaction, ahead of the rest of the work: only the refused one fails.
   */
  private static void isolate(List<Effect> remaining, Deque<List<Effect>> work) {
    for (int i = remaining.size() - 1; i >= 0; i--) {
      work.addFirst(List.of(remaining.get(i)));
    }
  }

  /**
   * Splits effects so that no transaction exceeds DynamoDB's item limit, reserving room in each for
   * the operational counters, which ride with whichever chunk commits first.
   */
  private static List<List<Effect>> chunks(
      List<Effect> effects, Counts operational, CounterKey duplicatesKey) {
    Set<CounterKey> reserved = new HashSet<>(operational.buckets().keySet());
    reserved.add(duplicatesKey);
    List<List<Effect>> chunks = new ArrayList<>();
    List<Effect> current = new ArrayList<>();
    Set<String> addresses = new HashSet<>();
    Set<CounterKey> counterKeys = new HashSet<>(reserved);
    // + 1: the suppression list's running total rides with any chunk that creates an entry.
    int items = counterKeys.size() + 1;
    for (Effect e : effects) {
      Counts own = new Counts();
      e.addCountsTo(own);
      String address = e.suppression() == null ? null : e.suppression().address();
      int canary = e.canaryRun().isPresent() ? 1 : 0;
      int added =
          1
              + canary
              + (e.softBounce() != null ? 1 : 0)
              + (address != null && !addresses.contains(address) ? 1 : 0)
              + (int) own.buckets().keySet().stream().filter(k -> !counterKeys.contains(k)).count();
      if (!current.isEmpty() && items + added > MAX_TRANSACTION_ITEMS) {
        chunks.add(current);
        current = new ArrayList<>();
        addresses.clear();
        counterKeys.clear();
        counterKeys.addAll(reserved);
        items = counterKeys.size() + 1;
        added =
            1
                + canary
                + (e.softBounce() != null ? 1 : 0)
                + (address != null ? 1 : 0)
                + (int)
                    own.buckets().keySet().stream().filter(k -> !counterKeys.contains(k)).count();
      }
      current.add(e);
      items += added;
      if (address != null) {
        addresses.add(address);
      }
      counterKeys.addAll(own.buckets().keySet());
    }
    if (!current.isEmpty() || chunks.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  private record MergedUpdate(SuppressionUpdate update, int count) {}

  /** One update per address: a transaction may not touch an item twice. */
  private static Collection<MergedUpdate> mergedSuppressions(List<Effect> effects) {
    Map<String, MergedUpdate> merged = new LinkedHashMap<>();
    for (Effect e : effects) {
      SuppressionUpdate u = e.suppression();
      if (u == null) {
        continue;
      }
      merged.merge(
          u.address(),
          new MergedUpdate(u, 1),
          (a, b) -> {
            // keep the first update's identity (reason, origin, key); take the latest event
            SuppressionUpdate first = a.update;
            SuppressionUpdate latest =
                b.update.eventTime().isAfter(first.eventTime()) ? b.update : first;
            return new MergedUpdate(
                new SuppressionUpdate(
                    first.address(),
                    first.reason(),
                    first.origin(),
                    latest.eventTime(),
                    latest.feedbackId(),
                    latest.diagnostic(),
                    first.initialState(),
                    first.simulator(),
                    first.ledgerKey(),
                    first.configurationSet()),
                a.count + b.count);
          });
    }
    return merged.values();
  }

  private TransactWriteItem ledgerPut(Effect e) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s("L#" + e.ledgerKey()));
    item.put("sk", s("L"));
    item.put("kind", s(e.record().kind().jsonName()));
    item.put("recordedAt", s(clock.instant().toString()));
    item.put("eventTime", s(e.record().eventTime().toString()));
    item.put("expiresAt", n(clock.instant().plus(settings.ledgerRetention()).getEpochSecond()));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .build())
        .build();
  }

  /**
   * The update of an address's entry, on the condition that the entry exists (or, when {@code
   * create}, that it does not), so the counts of a created entry are written exactly once.
   */
  private TransactWriteItem suppressionUpdate(
      SuppressionUpdate u, int count, Instant now, boolean create) {
    return TransactWriteItem.builder()
        .update(
            SuppressionItem.update(table, u, count, now).toBuilder()
                .conditionExpression(create ? "attribute_not_exists(pk)" : "attribute_exists(pk)")
                .build())
        .build();
  }

  /** The addresses among {@code merged} that have an entry (one consistent batch read). */
  private Set<String> listed(Collection<MergedUpdate> merged) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    merged.forEach(u -> keys.add(SuppressionItem.key(u.update.address())));
    Set<String> out = new HashSet<>();
    for (Map<String, AttributeValue> item : dynamo.getAll("read suppression entries", keys)) {
      out.add(SuppressionItem.entry(item).address());
    }
    return out;
  }

  private TransactWriteItem softBouncePut(SoftBounce b) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(DynamoDbSoftBounceHistory.partition(b.address())));
    item.put("sk", s(timeKey(b.eventTime()) + "#" + hash(b.ledgerKey())));
    item.put(DynamoDbSoftBounceHistory.EVENT_TIME, s(b.eventTime().toString()));
    item.put("expiresAt", n(b.eventTime().plus(settings.softBounceRetention()).getEpochSecond()));
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  /** A canary's feedback arrived: {@code K#{runId}} / {@code {kind}#{address}}. */
  private TransactWriteItem canaryObservationPut(Effect e) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(canaryPartition(e.canaryRun().orElseThrow())));
    item.put("sk", s(e.canaryObservationKey()));
    item.put("recordedAt", s(clock.instant().toString()));
    item.put("eventTime", s(e.record().eventTime().toString()));
    item.put("expiresAt", n(clock.instant().plus(settings.counterRetention()).getEpochSecond()));
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  /** The transaction update that adds {@code fields} to one hourly counter item. */
  TransactWriteItem counterUpdate(CounterKey key, Map<CounterField, Long> fields) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(counterKey(key))
                .updateExpression(counterExpression(fields))
                .expressionAttributeNames(counterNames(fields))
                .expressionAttributeValues(counterValues(key, fields))
                .build())
        .build();
  }

  // ---------------------------------------------------------------- batch counters

  /**
   * One {@code TransactWriteItems} of counter-row {@code ADD}s (one row per scope and hour, rows in
   * key order; more than 100 rows take several transactions), whose {@code ClientRequestToken} is
   * derived from {@code batchKey}: every retry of this call, and any call with the same key within
   * DynamoDB's 10-minute token window, commits at most once. A token that comes back with other
   * parameters ({@code IdempotentParameterMismatchException}: the same events, counted under other
   * rules or another operational hour) means they were counted already.
   */
  @Override
  public void addBatchCounts(Counts counts, String batchKey) {
    Objects.requireNonNull(batchKey, "batchKey");
    List<Map.Entry<CounterKey, Map<CounterField, Long>>> rows =
        new ArrayList<>(counts.buckets().entrySet());
    rows.sort(
        Comparator.comparing(
                (Map.Entry<CounterKey, Map<CounterField, Long>> r) -> r.getKey().scope().key())
            .thenComparing(r -> r.getKey().hour()));
    for (int from = 0, part = 0; from < rows.size(); from += MAX_TRANSACTION_ITEMS, part++) {
      List<TransactWriteItem> items = new ArrayList<>();
      for (var row : rows.subList(from, Math.min(rows.size(), from + MAX_TRANSACTION_ITEMS))) {
        items.add(counterUpdate(row.getKey(), row.getValue()));
      }
      String token = hash(batchKey + "#" + part).substring(0, 32);
      RetryPolicy.Execution run = dynamo.start();
      SdkException last = null;
      boolean written = false;
      while (!written && run.next()) {
        try {
          dynamo.transactOnce(items, token);
          written = true;
        } catch (IdempotentParameterMismatchException e) {
          written = true;
        } catch (TransactionCanceledException e) {
          if (DynamoTable.invalidRequest(e)) {
            throw new IllegalArgumentException("DynamoDB refused a batch's counts", e);
          }
          // Concurrent batches updating the same hot counter row conflict: that passes.
          if (!e.cancellationReasons().stream()
              .allMatch(r -> r.code() == null || CANCEL_RETRYABLE.contains(r.code()))) {
            throw new StoreUnavailableException("add a batch's counts", e);
          }
          last = e;
        } catch (SdkException e) {
          if (DynamoTable.invalidRequest(e)) {
            // Nothing was written and nothing would be: the caller splits the batch.
            throw new IllegalArgumentException("DynamoDB refused a batch's counts", e);
          }
          if (!DynamoTable.retryable(e)) {
            throw new StoreUnavailableException("add a batch's counts", e);
          }
          last = e;
        }
      }
      if (!written) {
        throw new StoreUnavailableException("add a batch's counts", run.giveUp(), last);
      }
    }
  }

  /** Cancellation reasons that say "try again", not "this request is wrong". */
  private static final Set<String> CANCEL_RETRYABLE =
      Set.of("None", "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

  // ---------------------------------------------------------------- counters

  @Override
  public void addCounts(Counts counts) {
    counts
        .buckets()
        .forEach(
            (key, fields) ->
                dynamo.update(
                    "update counters " + key.scope() + " " + key.hour(),
                    counterKey(key),
                    r ->
                        r.updateExpression(counterExpression(fields))
                            .expressionAttributeNames(counterNames(fields))
                            .expressionAttributeValues(counterValues(key, fields))));
  }

  @Override
  public Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    Map<Instant, Map<CounterField, Long>> out = new TreeMap<>();
    for (Map<String, AttributeValue> item :
        dynamo.query(DynamoTable.range("C#" + scope.key(), hourKey(fromHour), hourKey(toHour)))) {
      Instant hour = Instant.parse(item.get("sk").s().substring(2) + ":00:00Z");
      Map<CounterField, Long> fields = new java.util.EnumMap<>(CounterField.class);
      for (CounterField f : CounterField.values()) {
        AttributeValue v = item.get(f.attribute());
        if (v != null && v.n() != null) {
          fields.put(f, Long.parseLong(v.n()));
        }
      }
      out.put(hour, fields);
    }
    return out;
  }

  private Map<String, AttributeValue> counterKey(CounterKey key) {
    return key("C#" + key.scope().key(), hourKey(key.hour()));
  }

  private static String counterExpression(Map<CounterField, Long> fields) {
    StringBuilder add = new StringBuilder("ADD ");
    int i = 0;
    for (CounterField f : fields.keySet()) {
      if (i > 0) {
        add.append(", ");
      }
      add.append("#f").append(i).append(" :v").append(i);
      i++;
    }
    return add + " SET expiresAt = if_not_exists(expiresAt, :ttl), cday = :day";
  }

  private static Map<String, String> counterNames(Map<CounterField, Long> fields) {
    Map<String, String> names = new HashMap<>();
    int i = 0;
    for (CounterField f : fields.keySet()) {
      names.put("#f" + i++, f.attribute());
    }
    return names;
  }

  private Map<String, AttributeValue> counterValues(
      CounterKey key, Map<CounterField, Long> fields) {
    Map<String, AttributeValue> values = new HashMap<>();
    int i = 0;
    for (Long v : fields.values()) {
      values.put(":v" + i++, n(v));
    }
    values.put(":ttl", n(key.hour().plus(settings.counterRetention()).getEpochSecond()));
    values.put(":day", s(dayKey(key.hour())));
    return values;
  }

  @Override
  public Set<Scope> activeScopes(Instant since, Instant until) {
    Set<Scope> scopes = new java.util.TreeSet<>(Comparator.comparing(Scope::key));
    Instant day = since.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    Instant last = until.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    while (!day.isAfter(last)) {
      for (Map<String, AttributeValue> item :
          dynamo.query(
              QueryRequest.builder()
                  .indexName(SCOPES_INDEX)
                  .keyConditionExpression("cday = :d")
                  .expressionAttributeValues(Map.of(":d", s(dayKey(day)))))) {
        String pk = item.get("pk").s();
        if (pk.startsWith("C#")) {
          scopes.add(Scope.parse(pk.substring(2)));
        }
      }
      day = day.plus(1, java.time.temporal.ChronoUnit.DAYS);
    }
    return scopes;
  }

  /** The same token for every attempt of one group, different for any other call. */
  private static String token(String nonce, List<Effect> effects) {
    StringBuilder s = new StringBuilder(nonce);
    effects.forEach(e -> s.append('|').append(e.ledgerKey()));
    return hash(s.toString()).substring(0, 32);
  }

  /** Where a canary run's observations are kept. */
  static String canaryPartition(String runId) {
    return "K#" + runId;
  }

  /** The partition of the {@code scopes} index: counter items by UTC day. */
  static String dayKey(Instant time) {
    return "D#" + time.toString().substring(0, 10);
  }

  static String hourKey(Instant hour) {
    return "H#" + hour.toString().substring(0, 13);
  }
}
