/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.EmbeddedMetrics;
import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.SuppressionEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Normalises delivered documents, stores them through the domain's {@link IngestService}, and
 * reports: one JSON summary line, one line per new suppression and per rejection (addresses masked
 * and hashed), and one CloudWatch metrics line.
 */
final class FeedbackIngest {

  /** One delivered document and the name rejections use for it. */
  record Document(String source, String json) {}

  private final FeedbackNormalizer normalizer;
  private final IngestService service;
  private final Clock clock;
  private final MonitorTrigger trigger;

  FeedbackIngest(FeedbackNormalizer normalizer, IngestService service, Clock clock) {
    this(normalizer, service, clock, MonitorTrigger.NONE);
  }

  FeedbackIngest(
      FeedbackNormalizer normalizer, IngestService service, Clock clock, MonitorTrigger trigger) {
    this.normalizer = normalizer;
    this.service = service;
    this.clock = clock;
    this.trigger = trigger;
  }

  IngestReport ingest(List<Document> documents, Consumer<String> log) {
    List<Normalized> normalized = new ArrayList<>(documents.size());
    for (Document d : documents) {
      normalized.add(normalizer.normalize(d.source(), d.json()));
    }
    IngestReport report = service.ingest(normalized);
    for (SuppressionEntry e : report.suppressed()) {
      ObjectNode line = line("INFO", "address suppressed");
      line.put("addressMasked", Addresses.mask(e.address()))
          .put("addressHash", Addresses.hash(e.address()))
          .put("reason", e.reason().name())
          .put("origin", e.origin().name())
          .put("ses", e.sesState().name())
          .put("eventTime", String.valueOf(e.firstSeen()));
      log.accept(line.toString());
    }
    for (Rejection j : report.rejected()) {
      ObjectNode line = line("WARN", "rejected input");
      line.put("source", j.source()).put("code", j.code().name()).put("reason", j.reason());
      log.accept(line.toString());
    }
    ObjectNode summary = line(report.stored() ? "INFO" : "ERROR", "ingested");
    summary.put("items", report.items());
    report.recipients().forEach(summary.putObject("recipients")::put);
    summary.put("duplicates", report.duplicates());
    summary.put("ignored", report.ignored().size());
    summary.put("rejected", report.rejected().size());
    summary.put("suppressed", report.suppressed().size());
    summary.put("escalated", report.escalated().size());
    report.failedSources().forEach(summary.withArray("failedSources")::add);
    log.accept(summary.toString());
    log.accept(EmbeddedMetrics.line("ingest", clock.instant(), metrics(report)));
    if (report.recipients().getOrDefault("bounce.permanent", 0)
            + report.recipients().getOrDefault("complaint", 0)
        > 0) {
      trigger.fire(log);
    }
    return report;
  }

  private static Map<String, Long> metrics(IngestReport r) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("Items", (long) r.items());
    m.put("Records", r.recipients().values().stream().mapToLong(Integer::longValue).sum());
    m.put("HardBounces", (long) r.recipients().getOrDefault("bounce.permanent", 0));
    m.put("Complaints", (long) r.recipients().getOrDefault("complaint", 0));
    m.put("Duplicates", (long) r.duplicates());
    m.put("Ignored", (long) r.ignored().size());
    m.put("Rejected", (long) r.rejected().size());
    m.put("Suppressed", (long) r.suppressed().size());
    m.put("Escalated", (long) r.escalated().size());
    m.put("Failed", (long) r.failedSources().size());
    return m;
  }

  private static ObjectNode line(String level, String message) {
    return JsonNodeFactory.instance.objectNode().put("level", level).put("message", message);
  }
}
