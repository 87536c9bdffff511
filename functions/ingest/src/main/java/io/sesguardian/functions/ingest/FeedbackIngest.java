/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.RejectedItem;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.telemetry.LogLevel;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalises delivered documents, stores them through the domain's {@link IngestService}, and
 * reports through {@link Telemetry}: a summary event, one event per new suppression and per
 * rejection (addresses masked and hashed), and one batch of metrics. A document holding a rejected
 * item is kept raw ({@link RejectedItems}) so that it can be taken back later.
 */
final class FeedbackIngest {

  /** One delivered document and the name rejections use for it. */
  record Document(String source, String json) {}

  private final FeedbackNormalizer normalizer;
  private final IngestService service;
  private final Clock clock;
  private final MonitorTrigger trigger;
  private final RejectedItems kept;

  FeedbackIngest(FeedbackNormalizer normalizer, IngestService service, Clock clock) {
    this(normalizer, service, clock, MonitorTrigger.NONE);
  }

  FeedbackIngest(
      FeedbackNormalizer normalizer, IngestService service, Clock clock, MonitorTrigger trigger) {
    this(normalizer, service, clock, trigger, RejectedItems.NONE);
  }

  FeedbackIngest(
      FeedbackNormalizer normalizer,
      IngestService service,
      Clock clock,
      MonitorTrigger trigger,
      RejectedItems kept) {
    this.normalizer = normalizer;
    this.service = service;
    this.clock = clock;
    this.trigger = trigger;
    this.kept = kept;
  }

  IngestReport ingest(List<Document> documents, Telemetry telemetry) {
    List<Normalized> normalized = new ArrayList<>(documents.size());
    List<RejectedItem> keptItems = new ArrayList<>();
    for (Document d : documents) {
      Normalized n = normalizer.normalize(d.source(), d.json());
      if (!n.rejections().isEmpty()) {
        // Kept before anything is stored: if keeping fails, the delivery is retried whole.
        RejectedItem item = RejectedItem.of(d.source(), d.json(), clock.instant(), n.rejections());
        kept.keep(item);
        keptItems.add(item);
      }
      normalized.add(n);
    }
    IngestReport report = service.ingest(normalized);
    for (SuppressionEntry e : report.suppressed()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("addressMasked", Addresses.mask(e.address()));
      fields.put("addressHash", Addresses.hash(e.address()));
      fields.put("reason", e.reason());
      fields.put("origin", e.origin());
      fields.put("ses", e.sesState());
      fields.put("eventTime", String.valueOf(e.firstSeen()));
      telemetry.info("address suppressed", fields);
    }
    for (Rejection j : report.rejected()) {
      telemetry.warn(
          "rejected input", Map.of("source", j.source(), "code", j.code(), "reason", j.reason()));
    }
    if (kept != RejectedItems.NONE) {
      for (RejectedItem item : keptItems) {
        telemetry.info(
            "rejected input kept for 'guardian replay --rejected --aws'",
            Map.of("source", item.source(), "id", item.id()));
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("items", report.items());
    summary.put("recipients", report.recipients());
    summary.put("duplicates", report.duplicates());
    summary.put("ignored", report.ignored().size());
    summary.put("rejected", report.rejected().size());
    summary.put("suppressed", report.suppressed().size());
    summary.put("escalated", report.escalated().size());
    if (!report.failedSources().isEmpty()) {
      summary.put("failedSources", report.failedSources());
    }
    telemetry.log(report.stored() ? LogLevel.INFO : LogLevel.ERROR, "ingested", summary);
    telemetry.metrics(metrics(report));
    if (report.recipients().getOrDefault("bounce.permanent", 0)
            + report.recipients().getOrDefault("complaint", 0)
        > 0) {
      trigger.fire(telemetry);
    }
    return report;
  }

  private static List<Metric> metrics(IngestReport r) {
    return List.of(
        Metric.count("Items", r.items()),
        Metric.count(
            "Records", r.recipients().values().stream().mapToLong(Integer::longValue).sum()),
        Metric.count("HardBounces", r.recipients().getOrDefault("bounce.permanent", 0)),
        Metric.count("Complaints", r.recipients().getOrDefault("complaint", 0)),
        Metric.count("Duplicates", r.duplicates()),
        Metric.count("Ignored", r.ignored().size()),
        Metric.count("Rejected", r.rejected().size()),
        Metric.count("Suppressed", r.suppressed().size()),
        Metric.count("Escalated", r.escalated().size()),
        Metric.count("Failed", r.failedSources().size()));
  }
}
