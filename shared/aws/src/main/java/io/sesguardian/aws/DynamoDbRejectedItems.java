/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.RejectedItem;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.domain.sync.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link RejectedItems} in the guardian's table, beside the feedback it failed to become:
 *
 * <pre>
 * item            pk         sk     notes
 * rejected input  REJECTED   {id}   raw (gzip, binary), source, rejectedAt, rawLength,
 *                                   rejections (list of maps), TTL expiresAt
 * </pre>
 *
 * <p>One partition: rejected input is rare, and taking it back reads it all in id order. The raw
 * text is gzipped (JSON shrinks several-fold) to stay within DynamoDB's 400 KB item limit; a
 * document still too large is kept without its raw text, as a trace (source, when, why, length).
 * Items past their retention are skipped on read: the table's TTL deletes them within days, not at
 * once.
 */
public final class DynamoDbRejectedItems implements RejectedItems {

  static final String PK = "REJECTED";

  /** Below DynamoDB's 400 KB item limit, leaving room for the other attributes. */
  static final int MAX_RAW_BYTES = 380_000;

  private static final int PAGE = 100;

  private final DynamoTable table;
  private final Clock clock;
  private final Duration retention;

  /** Over its own client (tests, tools); the functions take it from the feedback store. */
  public DynamoDbRejectedItems(
      DynamoDbClient dynamo, String table, Clock clock, Duration retention) {
    this(DynamoTable.of(dynamo, table, Sleeper.REAL, clock), clock, retention);
  }

  DynamoDbRejectedItems(DynamoTable table, Clock clock, Duration retention) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @Override
  public void keep(RejectedItem item) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put("pk", s(PK));
    values.put("sk", s(item.id()));
    values.put("source", s(item.source()));
    values.put("rejectedAt", s(item.rejectedAt().toString()));
    values.put("rawLength", n(item.rawLength()));
    values.put("expiresAt", n(item.rejectedAt().plus(retention).getEpochSecond()));
    List<AttributeValue> reasons = new ArrayList<>();
    for (Rejection r : item.rejections()) {
      reasons.add(
          AttributeValue.fromM(
              Map.of(
                  "source", s(r.source()), "code", s(r.code().name()), "reason", s(r.reason()))));
    }
    values.put("rejections", AttributeValue.fromL(reasons));
    if (item.raw() != null) {
      byte[] gzipped = gzip(item.raw());
      if (gzipped.length <= MAX_RAW_BYTES) {
        values.put("raw", AttributeValue.fromB(SdkBytes.fromByteArray(gzipped)));
      }
    }
    try {
      table.put(
          "keep rejected input from " + item.source(),
          values,
          // Kept once: a retried delivery keeps the first keeping (unless that expired).
          r ->
              r.conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                  .expressionAttributeValues(Map.of(":now", n(clock.instant().getEpochSecond()))));
    } catch (ConditionalCheckFailedException e) {
      // Already kept.
    }
  }

  @Override
  public List<RejectedItem> after(String afterId, int limit) {
    List<RejectedItem> out = new ArrayList<>();
    long now = clock.instant().getEpochSecond();
    String from = afterId;
    // Pages by key, expiry checked here: a filter expression could return an empty page while
    // more items follow, and the table's TTL deletes expired items days late.
    while (out.size() < limit) {
      QueryRequest.Builder q =
          from == null
              ? DynamoTable.partition(PK)
              : QueryRequest.builder()
                  .keyConditionExpression("pk = :pk AND sk > :after")
                  .expressionAttributeValues(Map.of(":pk", s(PK), ":after", s(from)));
      List<Map<String, AttributeValue>> page =
          table.queryFirst("read rejected input", q.consistentRead(true), PAGE);
      for (Map<String, AttributeValue> item : page) {
        from = item.get("sk").s();
        if (Long.parseLong(item.get("expiresAt").n()) > now && out.size() < limit) {
          out.add(item(item));
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return out;
  }

  @Override
  public void forget(String id) {
    table.delete("forget rejected input " + id, DynamoTable.key(PK, id));
  }

  private static RejectedItem item(Map<String, AttributeValue> item) {
    List<Rejection> reasons = new ArrayList<>();
    for (AttributeValue v : item.get("rejections").l()) {
      Map<String, AttributeValue> m = v.m();
      reasons.add(
          new Rejection(
              m.get("source").s(), Rejection.Code.valueOf(m.get("code").s()), m.get("reason").s()));
    }
    AttributeValue raw = item.get("raw");
    return new RejectedItem(
        item.get("sk").s(),
        item.get("source").s(),
        Instant.parse(item.get("rejectedAt").s()),
        raw == null ? null : gunzip(raw.b().asByteArray()),
        Integer.parseInt(item.get("rawLength").n()),
        reasons);
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("gzip in memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static String gunzip(byte[] gzipped) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("a kept item's raw text is not gzip", e);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
