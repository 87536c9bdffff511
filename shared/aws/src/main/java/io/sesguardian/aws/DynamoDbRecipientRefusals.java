/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoTable.s;
import static io.sesguardian.aws.DynamoTable.text;

import io.sesguardian.domain.ingest.RecipientRefusals;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RecipientRefusals} on the guardian's table: one item per refusing recipient domain, pk
 * {@code RR}, sk the domain (few domains refuse at once, so one partition read lists them all). A
 * note only replaces an earlier one ({@code at} condition), so a late retry never hides a newer
 * refusal.
 */
public final class DynamoDbRecipientRefusals implements RecipientRefusals {

  private static final String PK = "RR";
  private static final String AT = "at";
  private static final String STATUS = "status";
  private static final String DIAGNOSTIC = "diagnostic";

  private final DynamoTable table;

  DynamoDbRecipientRefusals(DynamoTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public void note(Refusal refusal) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(PK, refusal.domain()));
    item.put(AT, s(refusal.at().toString()));
    if (refusal.status() != null) {
      item.put(STATUS, s(refusal.status()));
    }
    if (refusal.diagnostic() != null) {
      item.put(DIAGNOSTIC, s(refusal.diagnostic()));
    }
    try {
      table.put(
          "note a refusal",
          item,
          r ->
              r.conditionExpression("attribute_not_exists(pk) OR #at <= :at")
                  .expressionAttributeNames(Map.of("#at", AT))
                  .expressionAttributeValues(Map.of(":at", s(refusal.at().toString()))));
    } catch (ConditionalCheckFailedException e) {
      // A later refusal of this domain is kept already.
    }
  }

  @Override
  public Map<String, Refusal> since(Instant since) {
    Map<String, Refusal> out = new TreeMap<>();
    for (Map<String, AttributeValue> item : table.query(DynamoTable.partition(PK))) {
      Instant at = Instant.parse(item.get(AT).s());
      if (!at.isBefore(since)) {
        String domain = item.get("sk").s();
        out.put(domain, new Refusal(domain, text(item, STATUS), text(item, DIAGNOSTIC), at));
      }
    }
    return out;
  }
}
