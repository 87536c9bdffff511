/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoDbFeedbackStore.s;

import io.sesguardian.domain.ingest.RecipientRefusals;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link RecipientRefusals} on the guardian's table: one item per refusing recipient domain, pk
 * {@code RR}, sk the domain (few domains refuse at once, so one partition read lists them all). A
 * note only replaces an earlier one ({@code at} condition), so a late retry never hides a newer
 * refusal.
 */
public final class DynamoDbRecipientRefusals implements RecipientRefusals {

  private final DynamoDbFeedbackStore store;

  public DynamoDbRecipientRefusals(DynamoDbFeedbackStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void note(Refusal refusal) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s("RR"));
    item.put("sk", s(refusal.domain()));
    item.put("at", s(refusal.at().toString()));
    if (refusal.status() != null) {
      item.put("status", s(refusal.status()));
    }
    if (refusal.diagnostic() != null) {
      item.put("diagnostic", s(refusal.diagnostic()));
    }
    try {
      store.withRetries(
          "note a refusal",
          () ->
              store
                  .client()
                  .putItem(
                      r ->
                          r.tableName(store.table())
                              .item(item)
                              .conditionExpression("attribute_not_exists(pk) OR #at <= :at")
                              .expressionAttributeNames(Map.of("#at", "at"))
                              .expressionAttributeValues(
                                  Map.of(":at", s(refusal.at().toString())))));
    } catch (ConditionalCheckFailedException e) {
      // A later refusal of this domain is kept already.
    }
  }

  @Override
  public Map<String, Refusal> since(Instant since) {
    Map<String, Refusal> out = new TreeMap<>();
    for (Map<String, AttributeValue> item :
        store.query(
            QueryRequest.builder()
                .tableName(store.table())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("RR")))
                .build())) {
      Instant at = Instant.parse(item.get("at").s());
      if (!at.isBefore(since)) {
        String domain = item.get("sk").s();
        out.put(
            domain,
            new Refusal(
                domain,
                DynamoDbFeedbackStore.text(item, "status"),
                DynamoDbFeedbackStore.text(item, "diagnostic"),
                at));
      }
    }
    return out;
  }
}
