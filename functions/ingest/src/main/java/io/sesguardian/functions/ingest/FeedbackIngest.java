/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import io.sesguardian.aws.Deadlines;
import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.RawDelivery;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.Bucket;
import io.sesguardian.domain.ingest.DeliveryOutcome;
import io.sesguardian.domain.ingest.FeedbackIngestion;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestResult;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.telemetry.LogLevel;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.Telemetry;
import io.sesguardian.domain.time.Deadline;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One invocation of the ingest use case ({@link FeedbackIngestion}) under the invocation's
 * deadline, reported through {@link Telemetry}: a summary event, one event per new suppression and
 * per rejection (addresses masked and hashed), and one batch of metrics.
 */
final class FeedbackIngest {

  private final Function<Deadline, FeedbackIngestion> ingestion;
  private final Telemetry telemetry;
  private final Clock clock;

  /** One use case for every invocation (tests). */
  FeedbackIngest(FeedbackIngestion ingestion, Telemetry telemetry, Clock clock) {
    this(deadline -> ingestion, telemetry, clock);
  }

  /**
   * The use case each invocation runs, built for its deadline so the store's retries stop in time
   * too (not only the choice of the next unit).
   */
  FeedbackIngest(
      Function<Deadline, FeedbackIngestion> ingestion, Telemetry telemetry, Clock clock) {
    this.ingestion = ingestion;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  IngestResult ingest(List<RawDelivery> deliveries, Context context) {
    Telemetry log = telemetry.forRequest(context.getAwsRequestId());
    Deadline deadline = Deadlines.lambda(context.getRemainingTimeInMillis(), clock);
    IngestResult result = ingestion.apply(deadline).ingest(deliveries, deadline);
    IngestReport report = result.report();
    for (SuppressionEntry e : report.suppressed()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("addressMasked", Addresses.mask(e.address()));
      fields.put("addressHash", Addresses.hash(e.address()));
      fields.put("reason", e.reason());
      fields.put("origin", e.origin());
      fields.put("ses", e.sesState());
      fields.put("eventTime", String.valueOf(e.firstSeen()));
      log.info("address suppressed", fields);
    }
    for (Rejection j : report.rejected()) {
      log.warn(
          "rejected input", Map.of("source", j.source(), "code", j.code(), "reason", j.reason()));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("items", report.items());
    summary.put("recipients", report.recipients());
    summary.put("duplicates", report.duplicates());
    summary.put("ignored", report.ignored().size());
    summary.put("rejected", report.rejected().size());
    summary.put("suppressed", report.suppressed().size());
    summary.put("escalated", report.escalated().size());
    List<String> unfinished = result.unfinished();
    if (!unfinished.isEmpty()) {
      summary.put("failed", result.count(DeliveryOutcome.FAILED));
      summary.put("notStarted", result.count(DeliveryOutcome.NOT_STARTED));
      summary.put("unfinishedDeliveries", unfinished);
    }
    log.log(unfinished.isEmpty() ? LogLevel.INFO : LogLevel.ERROR, "ingested", summary);
    log.metrics(metrics(result));
    return result;
  }

  private static List<Metric> metrics(IngestResult result) {
    IngestReport r = result.report();
    return List.of(
        Metric.count("Items", r.items()),
        Metric.count("Records", r.records()),
        Metric.count("HardBounces", r.recipients(Bucket.BOUNCE_PERMANENT)),
        Metric.count("Complaints", r.recipients(Bucket.COMPLAINT)),
        Metric.count("Duplicates", r.duplicates()),
        Metric.count("Ignored", r.ignored().size()),
        Metric.count("Rejected", r.rejected().size()),
        Metric.count("Suppressed", r.suppressed().size()),
        Metric.count("Escalated", r.escalated().size()),
        Metric.count("Failed", r.failed().size()),
        Metric.count("NotStarted", result.count(DeliveryOutcome.NOT_STARTED)));
  }
}
