/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoTable.s;

import io.sesguardian.domain.report.ReportArchive;
import io.sesguardian.domain.report.WeeklyReport;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link ReportArchive} on the guardian's table: {@code pk R}, {@code sk {week}#v{version}}, the
 * JSON and Markdown renderings and when they were stored.
 */
public final class DynamoDbReportArchive implements ReportArchive {

  private final DynamoTable table;
  private final Clock clock;

  DynamoDbReportArchive(DynamoTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void save(WeeklyReport report, String json, String markdown) {
    String sk = report.week() + "#v" + report.version();
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key("R", sk));
    item.put("json", s(json));
    item.put("markdown", s(markdown));
    item.put("storedAt", s(clock.instant().toString()));
    table.put("store report " + sk, item, r -> {});
  }
}
