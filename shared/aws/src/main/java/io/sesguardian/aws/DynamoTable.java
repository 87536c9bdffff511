/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.domain.time.Deadline;
import io.sesguardian.domain.time.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The guardian's one DynamoDB table, as every adapter uses it: the client, the table name, paging
 * and the retry policy live here and nowhere else. Each call is retried by the {@link RetryPolicy}
 * (the SDK's own retries are off for DynamoDB clients, see {@link AwsClients#dynamoDb}), never past
 * this view's {@link Deadline}; when it gives up the call throws {@link StoreUnavailableException}.
 * Conditional-check failures are answers, never retried or wrapped.
 *
 * <p>Immutable; {@link #withDeadline} gives a view for one unit of work.
 */
final class DynamoTable {

  /**
   * Attempts, back-off and total time of one DynamoDB call (SDK retries off). An attempt starts
   * only when the SDK's attempt timeout still fits before the deadline, so even a hanging attempt
   * ends before it.
   */
  static RetryPolicy defaultPolicy(Sleeper sleeper) {
    return new RetryPolicy(
        10,
        Duration.ofMillis(20),
        Duration.ofMillis(800),
        Duration.ofSeconds(20),
        AwsClients.ATTEMPT_TIMEOUT,
        ThreadLocalRandom.current(),
        sleeper);
  }

  private final DynamoDbClient dynamo;
  private final String name;
  private final RetryPolicy policy;
  private final Deadline deadline;

  DynamoTable(DynamoDbClient dynamo, String name, RetryPolicy policy, Deadline deadline) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.name = Objects.requireNonNull(name, "name");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  /** A table without deadline (local commands, tests). */
  static DynamoTable of(DynamoDbClient dynamo, String name, Sleeper sleeper, Clock clock) {
    return new DynamoTable(dynamo, name, defaultPolicy(sleeper), Deadline.none(clock));
  }

  /** The same table whose calls stop retrying so as to answer by {@code deadline}. */
  DynamoTable withDeadline(Deadline deadline) {
    return new DynamoTable(dynamo, name, policy, deadline);
  }

  String name() {
    return name;
  }

  /** Starts the attempts of one operation that retries by itself (a transaction's loop). */
  RetryPolicy.Execution start() {
    return policy.start(deadline);
  }

  /**
   * Runs {@code call}, retrying throttling, server and network errors by the policy. A failed
   * condition passes through untouched: it is an answer ("someone did it first").
   */
  <T> T call(String what, Supplier<T> call) {
    RetryPolicy.Execution run = start();
    SdkException last = null;
    while (run.next()) {
      try {
        return call.get();
      } catch (ConditionalCheckFailedException e) {
        throw e;
      } catch (TransactionCanceledException e) {
        if (conditionFailed(e) || !retryable(e)) {
          throw conditionFailed(e) ? e : new StoreUnavailableException(what, e);
        }
        last = e;
      } catch (SdkException e) {
        if (!retryable(e)) {
          throw new StoreUnavailableException(what, e);
        }
        last = e;
      }
    }
    throw new StoreUnavailableException(what, run.giveUp(), last);
  }

  /** The item at {@code key} (strongly consistent), empty when there is none. */
  Map<String, AttributeValue> get(String what, Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item =
        call(what, () -> dynamo.getItem(r -> r.tableName(name).key(key).consistentRead(true)))
            .item();
    return item == null ? Map.of() : item;
  }

  /** Puts {@code item} (with the table name set here). */
  void put(String what, Map<String, AttributeValue> item, Consumer<PutItemRequest.Builder> more) {
    call(
        what,
        () ->
            dynamo.putItem(
                r -> {
                  r.tableName(name).item(item);
                  more.accept(r);
                }));
  }

  /** Deletes the item at {@code key}; nothing when there is none. */
  void delete(String what, Map<String, AttributeValue> key) {
    call(what, () -> dynamo.deleteItem(r -> r.tableName(name).key(key)));
  }

  /** Updates the item at {@code key}; the answer carries what {@code ReturnValues} asked for. */
  software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse update(
      String what, Map<String, AttributeValue> key, Consumer<UpdateItemRequest.Builder> u) {
    return call(
        what,
        () ->
            dynamo.updateItem(
                r -> {
                  r.tableName(name).key(key);
                  u.accept(r);
                }));
  }

  /** Writes {@code items} in one transaction, retried by the policy. */
  void transact(String what, List<TransactWriteItem> items) {
    call(what, () -> dynamo.transactWriteItems(r -> r.transactItems(items)));
  }

  /**
   * Writes {@code items} in one transaction, retried by the policy, unless one of its conditions
   * does not hold: whether it was written.
   */
  boolean transactUnlessRefused(String what, List<TransactWriteItem> items) {
    try {
      transact(what, items);
      return true;
    } catch (TransactionCanceledException e) {
      if (conditionFailed(e)) {
        return false;
      }
      throw e;
    }
  }

  /** One attempt of a transaction: the caller's loop decides what a failure means. */
  void transactOnce(List<TransactWriteItem> items, String token) {
    dynamo.transactWriteItems(r -> r.transactItems(items).clientRequestToken(token));
  }

  /** Every item {@code request} matches, all pages (the table name is set here). */
  List<Map<String, AttributeValue>> query(QueryRequest.Builder request) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page = request.tableName(name).exclusiveStartKey(start).build();
      QueryResponse response = call("query " + name, () -> dynamo.query(page));
      items.addAll(response.items());
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }

  /** The first page of {@code request}, at most {@code limit} items. */
  List<Map<String, AttributeValue>> queryFirst(
      String what, QueryRequest.Builder request, int limit) {
    QueryRequest page = request.tableName(name).limit(limit).build();
    return call(what, () -> dynamo.query(page)).items();
  }

  /** How many items {@code request} matches, counted over all pages without reading them. */
  long count(String what, QueryRequest.Builder request) {
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page =
          request.tableName(name).select(Select.COUNT).exclusiveStartKey(start).build();
      QueryResponse response = call(what, () -> dynamo.query(page));
      count += response.count();
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  /**
   * The items at {@code keys} that exist (strongly consistent), in batches of 100; keys DynamoDB
   * leaves unprocessed are asked again after the policy's back-off.
   */
  List<Map<String, AttributeValue>> getAll(String what, List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += 100) {
      Map<String, KeysAndAttributes> request =
          Map.of(
              name,
              KeysAndAttributes.builder()
                  .keys(keys.subList(from, Math.min(keys.size(), from + 100)))
                  .consistentRead(true)
                  .build());
      RetryPolicy.Execution unprocessed = start();
      while (!request.isEmpty()) {
        if (!unprocessed.next()) {
          throw new StoreUnavailableException(what, unprocessed.giveUp(), null);
        }
        Map<String, KeysAndAttributes> current = request;
        BatchGetItemResponse response =
            call(what, () -> dynamo.batchGetItem(r -> r.requestItems(current)));
        out.addAll(response.responses().getOrDefault(name, List.of()));
        request = response.unprocessedKeys();
      }
    }
    return out;
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

  /**
   * DynamoDB refused the request itself as invalid (an item too large, a bad expression): a {@code
   * ValidationException}, or a transaction cancelled because one of its items was a {@code
   * ValidationError}. Nothing was written, and the same request would be refused again.
   */
  static boolean invalidRequest(SdkException e) {
    if (e instanceof TransactionCanceledException cancelled) {
      return cancelled.hasCancellationReasons()
          && cancelled.cancellationReasons().stream()
              .anyMatch(r -> "ValidationError".equals(r.code()));
    }
    return e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && "ValidationException".equals(service.awsErrorDetails().errorCode());
  }

  // ---------------------------------------------------------------- key and value helpers

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Fixed-width epoch milliseconds: sorts in time order, unlike ISO text with fractions. ASCII
   * digits whatever the default locale (the CLI writes these keys from its user's machine), and no
   * {@link java.util.Formatter} on ingest's path.
   */
  static String timeKey(Instant t) {
    String digits = Long.toString(Math.max(0, t.toEpochMilli()));
    return "0".repeat(Math.max(0, 15 - digits.length())) + digits;
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  /** A query of the items in partition {@code pk}. */
  static QueryRequest.Builder partition(String pk) {
    return QueryRequest.builder()
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s(pk)));
  }

  /** A query of the items in partition {@code pk} with sort keys in {@code [from, to]}. */
  static QueryRequest.Builder range(String pk, String from, String to) {
    return QueryRequest.builder()
        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(from), ":to", s(to)));
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
