/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoTable.s;

import io.sesguardian.domain.ingest.VerifiedDomains;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link VerifiedDomains} on the guardian's table: one item, pk {@code VD}, sk {@code SES}, the
 * domains one per line (an empty list is an empty string: DynamoDB refuses empty sets). SES allows
 * 10,000 identities per Region, which at the 253 characters a domain may have could pass DynamoDB's
 * 400 KB item limit; real lists are far smaller, and a refused write only keeps the previous list.
 */
public final class DynamoDbVerifiedDomains implements VerifiedDomains {

  private static final Map<String, AttributeValue> KEY = DynamoTable.key("VD", "SES");
  private static final String DOMAINS = "domains";
  private static final String READ_AT = "readAt";

  private final DynamoTable table;

  DynamoDbVerifiedDomains(DynamoTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /**
   * The kept list; an item without a readable {@code readAt} counts as none (the next keep fixes
   * it).
   */
  @Override
  public Optional<Snapshot> latest() {
    Map<String, AttributeValue> item = table.get("read the verified domains", KEY);
    String readAt = DynamoTable.text(item, READ_AT);
    if (readAt == null) {
      return Optional.empty();
    }
    Instant at;
    try {
      at = Instant.parse(readAt);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    String lines = DynamoTable.text(item, DOMAINS);
    Set<String> domains =
        lines == null || lines.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(lines.split("\n")));
    return Optional.of(new Snapshot(domains, at));
  }

  @Override
  public void keep(Snapshot snapshot) {
    Map<String, AttributeValue> item = new HashMap<>(KEY);
    item.put(DOMAINS, s(String.join("\n", snapshot.domains())));
    item.put(READ_AT, s(snapshot.readAt().toString()));
    table.put("keep the verified domains", item, r -> {});
  }
}
