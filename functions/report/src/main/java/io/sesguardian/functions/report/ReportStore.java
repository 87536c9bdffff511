/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.report;

import io.sesguardian.aws.DynamoDbFeedbackStore;
import io.sesguardian.domain.report.WeeklyReport;

/** Keeps each weekly report in the guardian's table: {@code pk R}, {@code sk {week}#v{version}}. */
final class ReportStore {

  private final DynamoDbFeedbackStore table;

  ReportStore(DynamoDbFeedbackStore table) {
    this.table = table;
  }

  void save(WeeklyReport report, String json, String markdown) {
    table.putDocument("R", report.week() + "#v" + report.version(), json, markdown);
  }
}
