/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SoftBounce;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.domain.sync.Sleeper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link FeedbackStore} on one DynamoDB table (on-demand). Key design — every item has {@code pk}
 * and {@code sk}:
 *
 * <pre>
 * item                 pk                    sk                          notes
 * suppression entry    S#{address}           S                           in GSI "outbox" (sesState, obsk)
 * idempotency ledger   L#{ledger key}        L                           TTL expiresAt
 * hourly counters      C#{scope}             H#{yyyy-MM-ddTHH}           one attribute per CounterField
 * soft-bounce history  B#{address}           {epoch ms, 15 digits}#{key hash}   TTL expiresAt
 * </pre>
 *
 * <p>GSI {@code scopes}: partition {@code cday} ({@code D#yyyy-MM-dd}), sort {@code pk}, keys only,
 * on counter items: which scopes had traffic on a day. Monitor state lives beside (see {@link
 * DynamoDbMonitorStore}).
 *
 * <p>GSI {@code outbox}: partition {@code sesState} (PENDING, SYNCED, NOT_NEEDED, SIMULATOR), sort
 * {@code obsk} = {@code {due epoch ms}#{address}}; only suppression entries carry these attributes,
 * so the writer reads due entries with one Query.
 *
 * <p>{@link #applyOnce} writes a group's ledger entries, suppression updates, soft-bounce entries
 * and aggregated counters in one {@code TransactWriteItems} (up to 100 items; larger groups are
 * split): one write request per SNS-delivered notification, one per SQS batch. The ledger Put's
 * {@code attribute_not_exists} condition makes it exactly-once; a repeated request carries the same
 * {@code ClientRequestToken}, so a commit whose answer was lost is not taken for a duplicate.
 */
public final class DynamoDbFeedbackStore implements FeedbackStore {

  /** DynamoDB's limit on items per transaction. */
  static final int MAX_TRANSACTION_ITEMS = 100;

  static final String OUTBOX_INDEX = "outbox";
  static final String SCOPES_INDEX = "scopes";
  private static final int MAX_ATTEMPTS = 10;
  private static final Duration BASE_BACKOFF = Duration.ofMillis(20);
  private static final Duration MAX_BACKOFF = Duration.ofMillis(800);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Settings settings;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * Retention settings.
   *
   * @param ledgerRetention how long ledger entries live (TTL)
   * @param softBounceRetention how long soft-bounce history lives (at least twice the window)
   * @param counterRetention how long hourly counters live
   */
  public record Settings(
      Duration ledgerRetention, Duration softBounceRetention, Duration counterRetention) {
    public static final Settings DEFAULT =
        new Settings(Duration.ofDays(14), Duration.ofDays(61), Duration.ofDays(400));

    public Settings {
      Objects.requireNonNull(ledgerRetention, "ledgerRetention");
      Objects.requireNonNull(softBounceRetention, "softBounceRetention");
      Objects.requireNonNull(counterRetention, "counterRetention");
    }
  }

  DynamoDbClient client() {
    return dynamo;
  }

  String table() {
    return table;
  }

  public DynamoDbFeedbackStore(
      DynamoDbClient dynamo, String table, Settings settings, Clock clock, Sleeper sleeper) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  // ---------------------------------------------------------------- applyOnce

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
    Counts pendingOperational = new Counts().addAll(operational);
    String callNonce = UUID.randomUUID().toString();
    Deque<List<Effect>> work = new ArrayDeque<>(chunks(effects, operational, duplicatesKey));
    while (!work.isEmpty()) {
      List<Effect> remaining = new ArrayList<>(work.poll());
      int attempt = 0;
      while (!remaining.isEmpty()) {
        Counts counts = new Counts().addAll(pendingOperational);
        remaining.forEach(e -> e.addCountsTo(counts));
        List<TransactWriteItem> items = new ArrayList<>();
        List<Effect> ledgerOwners = new ArrayList<>();
        for (Effect e : remaining) {
          items.add(ledgerPut(e));
          ledgerOwners.add(e);
        }
        mergedSuppressions(remaining).forEach(u -> items.add(suppressionUpdate(u.update, u.count)));
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
          String token = token(callNonce, remaining);
          dynamo.transactWriteItems(r -> r.transactItems(items).clientRequestToken(token));
          pendingOperational = new Counts();
          break;
        } catch (TransactionCanceledException e) {
          List<CancellationReason> reasons = e.cancellationReasons();
          if (remaining.size() > 1
              && reasons.stream().anyMatch(r -> "ValidationError".equals(r.code()))) {
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
            continue;
          }
          if (++attempt >= MAX_ATTEMPTS) {
            remaining.forEach(r -> failed.add(r.ledgerKey()));
            break;
          }
          backOff(attempt);
        } catch (SdkException e) {
          if (!retryable(e) && remaining.size() > 1) {
            isolate(remaining, work);
            break;
          }
          if (!retryable(e) || ++attempt >= MAX_ATTEMPTS) {
            remaining.forEach(r -> failed.add(r.ledgerKey()));
            break;
          }
          backOff(attempt);
        }
      }
    }
    if (!pendingOperational.isEmpty()) {
      addCounts(pendingOperational);
    }
    return new ApplyResult(duplicates, failed);
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
    int items = counterKeys.size();
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
        items = counterKeys.size();
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

  private TransactWriteItem suppressionUpdate(SuppressionUpdate u, int count) {
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder set =
        new StringBuilder(
            "SET address = :a, reason = if_not_exists(reason, :r), origin = if_not_exists(origin,"
                + " :o), firstSeen = if_not_exists(firstSeen, :t), lastSeen = :t, recordedAt ="
                + " if_not_exists(recordedAt, :now), firstKey = if_not_exists(firstKey, :k),"
                + " sesState = if_not_exists(sesState, :st), obsk = if_not_exists(obsk, :ob),"
                + " simulator = :sim");
    values.put(":a", s(u.address()));
    values.put(":r", s(u.reason().name()));
    values.put(":o", s(u.origin().name()));
    values.put(":t", s(u.eventTime().toString()));
    values.put(":now", s(clock.instant().toString()));
    values.put(":k", s(u.ledgerKey()));
    values.put(":st", s(u.initialState().name()));
    values.put(":ob", s(outboxSortKey(clock.instant(), u.address())));
    values.put(":sim", AttributeValue.fromBool(u.simulator()));
    values.put(":n", n(count));
    if (u.feedbackId() != null) {
      set.append(", lastFeedbackId = :f");
      values.put(":f", s(u.feedbackId()));
    }
    if (u.diagnostic() != null && !u.diagnostic().isEmpty()) {
      set.append(", diagnostic = :d");
      values.put(":d", s(u.diagnostic()));
    }
    if (u.configurationSet() != null) {
      set.append(", configurationSet = if_not_exists(configurationSet, :cs)");
      values.put(":cs", s(u.configurationSet()));
    }
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(key("S#" + u.address(), "S"))
                .updateExpression(set + " ADD #count :n")
                .expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(values)
                .build())
        .build();
  }

  private TransactWriteItem softBouncePut(SoftBounce b) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s("B#" + b.address()));
    item.put("sk", s(timeKey(b.eventTime()) + "#" + hash(b.ledgerKey())));
    item.put("eventTime", s(b.eventTime().toString()));
    item.put("expiresAt", n(b.eventTime().plus(settings.softBounceRetention()).getEpochSecond()));
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  /** A canary's feedback arrived: {@code K#{runId}} / {@code {kind}#{address}}. */
  private TransactWriteItem canaryObservationPut(Effect e) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s("K#" + e.canaryRun().orElseThrow()));
    item.put("sk", s(e.canaryObservationKey()));
    item.put("recordedAt", s(clock.instant().toString()));
    item.put("eventTime", s(e.record().eventTime().toString()));
    item.put("expiresAt", n(clock.instant().plus(settings.counterRetention()).getEpochSecond()));
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  private TransactWriteItem counterUpdate(CounterKey key, Map<CounterField, Long> fields) {
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

  // ---------------------------------------------------------------- counters

  @Override
  public void addCounts(Counts counts) {
    counts
        .buckets()
        .forEach(
            (key, fields) ->
                withRetries(
                    "update counters " + key.scope() + " " + key.hour(),
                    () ->
                        dynamo.updateItem(
                            r ->
                                r.tableName(table)
                                    .key(counterKey(key))
                                    .updateExpression(counterExpression(fields))
                                    .expressionAttributeNames(counterNames(fields))
                                    .expressionAttributeValues(counterValues(key, fields)))));
  }

  @Override
  public Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    Map<Instant, Map<CounterField, Long>> out = new TreeMap<>();
    for (Map<String, AttributeValue> item :
        query(
            QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(
                    Map.of(
                        ":pk", s("C#" + scope.key()),
                        ":from", s(hourKey(fromHour)),
                        ":to", s(hourKey(toHour))))
                .build())) {
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

  // ---------------------------------------------------------------- soft bounces

  @Override
  public List<Instant> softBounceTimes(String address, Instant since, Instant until) {
    List<Instant> times = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        query(
            QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(
                    Map.of(
                        ":pk", s("B#" + address),
                        ":from", s(timeKey(since)),
                        ":to", s(timeKey(until) + "#~")))
                .build())) {
      times.add(Instant.parse(item.get("eventTime").s()));
    }
    times.sort(Comparator.naturalOrder());
    return times;
  }

  // ---------------------------------------------------------------- suppression list

  @Override
  public boolean suppressIfAbsent(SuppressionUpdate u, Instant now) {
    Map<String, AttributeValue> item = newEntryItem(u, now);
    item.put("count", n(1));
    try {
      withRetries(
          "suppress " + u.address(),
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

  /** A new suppression entry's item (without its count). */
  static Map<String, AttributeValue> newEntryItem(SuppressionUpdate u, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key("S#" + u.address(), "S"));
    item.put("address", s(u.address()));
    item.put("reason", s(u.reason().name()));
    item.put("origin", s(u.origin().name()));
    item.put("firstSeen", s(u.eventTime().toString()));
    item.put("lastSeen", s(u.eventTime().toString()));
    item.put("recordedAt", s(now.toString()));
    item.put("firstKey", s(u.ledgerKey()));
    item.put("sesState", s(u.initialState().name()));
    item.put("obsk", s(outboxSortKey(now, u.address())));
    item.put("simulator", AttributeValue.fromBool(u.simulator()));
    if (u.feedbackId() != null) {
      item.put("lastFeedbackId", s(u.feedbackId()));
    }
    if (u.diagnostic() != null && !u.diagnostic().isEmpty()) {
      item.put("diagnostic", s(u.diagnostic()));
    }
    if (u.configurationSet() != null) {
      item.put("configurationSet", s(u.configurationSet()));
    }
    return item;
  }

  @Override
  public Map<String, SuppressionEntry> suppressions(Collection<String> addresses) {
    Map<String, SuppressionEntry> out = new HashMap<>();
    List<String> list = new ArrayList<>(new java.util.LinkedHashSet<>(addresses));
    for (int from = 0; from < list.size(); from += 100) {
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (String address : list.subList(from, Math.min(list.size(), from + 100))) {
        keys.add(key("S#" + address, "S"));
      }
      Map<String, KeysAndAttributes> request =
          Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      int attempt = 0;
      while (!request.isEmpty()) {
        Map<String, KeysAndAttributes> current = request;
        BatchGetItemResponse response =
            withRetries(
                "read suppressions", () -> dynamo.batchGetItem(r -> r.requestItems(current)));
        response
            .responses()
            .getOrDefault(table, List.of())
            .forEach(item -> out.put(item.get("address").s(), entry(item)));
        request = response.unprocessedKeys();
        if (!request.isEmpty()) {
          backOff(++attempt);
        }
      }
    }
    return out;
  }

  @Override
  public List<SuppressionEntry> allSuppressions() {
    List<SuppressionEntry> out = new ArrayList<>();
    for (SesSyncState state : SesSyncState.values()) {
      for (Map<String, AttributeValue> item : query(outboxQuery(state, null).build())) {
        out.add(entry(item));
      }
    }
    out.sort(Comparator.comparing(SuppressionEntry::address));
    return out;
  }

  @Override
  public List<SuppressionEntry> suppressionsRecordedSince(Instant since) {
    List<SuppressionEntry> out = new ArrayList<>();
    for (SesSyncState state : SesSyncState.values()) {
      QueryRequest request =
          QueryRequest.builder()
              .tableName(table)
              .indexName(OUTBOX_INDEX)
              .keyConditionExpression("sesState = :st AND obsk >= :since")
              .expressionAttributeValues(
                  Map.of(":st", s(state.name()), ":since", s(timeKey(since))))
              .build();
      for (Map<String, AttributeValue> item : query(request)) {
        SuppressionEntry e = entry(item);
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
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse response =
            withRetries(
                "count suppressions",
                () ->
                    dynamo.query(
                        outboxQuery(state, null)
                            .select(Select.COUNT)
                            .exclusiveStartKey(from)
                            .build()));
        count += response.count();
        start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
      } while (start != null);
    }
    return count;
  }

  @Override
  public List<SuppressionEntry> pendingOutbox(Instant now, int limit) {
    QueryResponse response =
        withRetries(
            "read the outbox",
            () -> dynamo.query(outboxQuery(SesSyncState.PENDING, now).limit(limit).build()));
    List<SuppressionEntry> out = new ArrayList<>();
    response.items().forEach(item -> out.add(entry(item)));
    return out;
  }

  @Override
  public int pendingOutboxSize() {
    int count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse response =
          withRetries(
              "count the outbox",
              () ->
                  dynamo.query(
                      outboxQuery(SesSyncState.PENDING, null)
                          .select(Select.COUNT)
                          .exclusiveStartKey(from)
                          .build()));
      count += response.count();
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  private QueryRequest.Builder outboxQuery(SesSyncState state, Instant dueBy) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":st", s(state.name()));
    String condition = "sesState = :st";
    if (dueBy != null) {
      condition += " AND obsk <= :due";
      values.put(":due", s(timeKey(dueBy) + "#~"));
    }
    return QueryRequest.builder()
        .tableName(table)
        .indexName(OUTBOX_INDEX)
        .keyConditionExpression(condition)
        .expressionAttributeValues(values);
  }

  @Override
  public void markSynced(String address, Instant at) {
    updateEntry(
        "mark " + address + " synced",
        address,
        "SET sesState = :st, syncedAt = :at REMOVE sesLastError ADD sesAttempts :one",
        Map.of(":st", s(SesSyncState.SYNCED.name()), ":at", s(at.toString()), ":one", n(1)));
  }

  @Override
  public void markNotNeeded(String address, String why, Instant at) {
    updateEntry(
        "mark " + address + " not needed",
        address,
        "SET sesState = :st, syncedAt = :at, sesNote = :why REMOVE sesLastError",
        Map.of(":st", s(SesSyncState.NOT_NEEDED.name()), ":at", s(at.toString()), ":why", s(why)));
  }

  @Override
  public void markFailed(String address, String error, Instant retryAt) {
    updateEntry(
        "record the SES error for " + address,
        address,
        "SET sesLastError = :e, obsk = :ob ADD sesAttempts :one",
        Map.of(
            ":e", s(error.length() > 1000 ? error.substring(0, 1000) : error),
            ":ob", s(outboxSortKey(retryAt, address)),
            ":one", n(1)));
  }

  private void updateEntry(
      String what, String address, String expression, Map<String, AttributeValue> values) {
    try {
      withRetries(
          what,
          () ->
              dynamo.updateItem(
                  r ->
                      r.tableName(table)
                          .key(key("S#" + address, "S"))
                          .updateExpression(expression)
                          .conditionExpression("attribute_exists(pk)")
                          .expressionAttributeValues(values)));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException(
          "cannot " + what + ": the suppression entry does not exist in " + table, e);
    }
  }

  static SuppressionEntry entry(Map<String, AttributeValue> item) {
    return new SuppressionEntry(
        item.get("address").s(),
        SuppressionReason.valueOf(item.get("reason").s()),
        SuppressionOrigin.valueOf(item.get("origin").s()),
        instant(item, "firstSeen"),
        instant(item, "lastSeen"),
        item.containsKey("count") ? Long.parseLong(item.get("count").n()) : 0,
        text(item, "lastFeedbackId"),
        text(item, "diagnostic"),
        instant(item, "recordedAt"),
        text(item, "firstKey"),
        SesSyncState.valueOf(item.get("sesState").s()),
        text(item, "sesLastError"),
        item.containsKey("sesAttempts") ? Integer.parseInt(item.get("sesAttempts").n()) : 0,
        instant(item, "syncedAt"),
        item.containsKey("simulator") && Boolean.TRUE.equals(item.get("simulator").bool()),
        text(item, "configurationSet"));
  }

  /**
   * Stores a document (a weekly report) as JSON and Markdown under {@code pk}/{@code sk}, replacing
   * an earlier one.
   */
  public void putDocument(String pk, String sk, String json, String markdown) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
    item.put("json", s(json));
    item.put("markdown", s(markdown));
    item.put("storedAt", s(clock.instant().toString()));
    withRetries("store " + pk + " " + sk, () -> dynamo.putItem(r -> r.tableName(table).item(item)));
  }

  // ---------------------------------------------------------------- plumbing

  List<Map<String, AttributeValue>> query(QueryRequest request) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page = request.toBuilder().exclusiveStartKey(start).build();
      QueryResponse response = withRetries("query " + table, () -> dynamo.query(page));
      items.addAll(response.items());
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }

  /**
   * Runs a call, retrying throttling and server errors that outlast the SDK's own retries.
   * Conditional-check failures are not retried: they are answers.
   */
  <T> T withRetries(String what, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ConditionalCheckFailedException e) {
        throw e;
      } catch (TransactionCanceledException e) {
        // A failed condition is an answer ("someone did it first"), which the caller turns into
        // an outcome; wrapping it would make a lost race look like an outage.
        if (conditionFailed(e)) {
          throw e;
        }
        if (!retryable(e) || attempt >= MAX_ATTEMPTS) {
          throw new StoreUnavailableException(what, e);
        }
        backOff(attempt);
      } catch (SdkException e) {
        if (!retryable(e) || attempt >= MAX_ATTEMPTS) {
          throw new StoreUnavailableException(what, e);
        }
        backOff(attempt);
      }
    }
  }

  /** Whether a transaction was cancelled because one of its conditions did not hold. */
  static boolean conditionFailed(TransactionCanceledException e) {
    return e.hasCancellationReasons()
        && e.cancellationReasons().stream()
            .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
  }

  /**
   * Throttling, server errors and network failures are worth another try; a missing table, a
   * validation error or a denied permission is not.
   */
  static boolean retryable(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    return e instanceof SdkClientException;
  }

  private void backOff(int attempt) {
    long cap = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << Math.min(attempt, 10));
    try {
      sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("back off", e);
    }
  }

  /** The same token for every attempt of one group, different for any other call. */
  private static String token(String nonce, List<Effect> effects) {
    StringBuilder s = new StringBuilder(nonce);
    effects.forEach(e -> s.append('|').append(e.ledgerKey()));
    return hash(s.toString()).substring(0, 32);
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String timeKey(Instant t) {
    return String.format("%015d", Math.max(0, t.toEpochMilli()));
  }

  static String outboxSortKey(Instant due, String address) {
    return timeKey(due) + "#" + address;
  }

  /** The partition of the {@code scopes} index: counter items by UTC day. */
  static String dayKey(Instant time) {
    return "D#" + time.toString().substring(0, 10);
  }

  static String hourKey(Instant hour) {
    return "H#" + hour.toString().substring(0, 13);
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    String v = text(item, name);
    return v == null ? null : Instant.parse(v);
  }
}
