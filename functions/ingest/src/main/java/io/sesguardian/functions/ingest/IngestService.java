/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.domain.feedback.Category;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Ignored;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.RecordJson;
import io.sesguardian.domain.feedback.Rejection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Normalises one Lambda event and reports it as structured logs and metrics. */
final class IngestService {

  static final String NAMESPACE = "SesGuardian";

  private final FeedbackNormalizer normalizer;
  private final Clock clock;

  IngestService(FeedbackNormalizer normalizer, Clock clock) {
    this.normalizer = normalizer;
    this.clock = clock;
  }

  Normalized ingest(String source, String event, Consumer<String> log) {
    Normalized result = normalizer.normalize(source, event);
    for (FeedbackRecord r : result.records()) {
      ObjectNode line = line("INFO", "feedback record");
      line.set("record", RecordJson.toJson(r, RecordJson.AddressForm.PRIVATE));
      log.accept(line.toString());
    }
    for (Ignored i : result.ignored()) {
      ObjectNode line = line("INFO", "ignored item");
      line.put("source", i.source()).put("what", i.what());
      log.accept(line.toString());
    }
    for (Rejection j : result.rejections()) {
      ObjectNode line = line("WARN", "rejected input");
      line.put("source", j.source()).put("code", j.code().name()).put("reason", j.reason());
      log.accept(line.toString());
    }
    log.accept(metrics(result));
    return result;
  }

  /** One CloudWatch Embedded Metric Format line with this event's counts. */
  String metrics(Normalized result) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("Items", (long) result.items());
    counts.put("Records", (long) result.records().size());
    counts.put("Ignored", (long) result.ignored().size());
    counts.put("Rejected", (long) result.rejections().size());
    counts.put("HardBounces", count(result, Category.HARD_BOUNCE));
    counts.put("SoftBounces", count(result, Category.SOFT_BOUNCE));
    counts.put("Complaints", count(result, Category.COMPLAINT));
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode directive = root.putObject("_aws").put("Timestamp", clock.millis());
    ObjectNode metric = directive.putArray("CloudWatchMetrics").addObject();
    metric.put("Namespace", NAMESPACE);
    metric.putArray("Dimensions").addArray().add("Function");
    counts
        .keySet()
        .forEach(
            name -> metric.withArray("Metrics").addObject().put("Name", name).put("Unit", "Count"));
    root.put("Function", "ingest");
    counts.forEach(root::put);
    return root.toString();
  }

  private static long count(Normalized result, Category category) {
    return result.records().stream().filter(r -> r.classification().category() == category).count();
  }

  private static ObjectNode line(String level, String message) {
    return JsonNodeFactory.instance.objectNode().put("level", level).put("message", message);
  }

  static String summary(Normalized result) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("items", result.items())
        .put("records", result.records().size())
        .put("ignored", result.ignored().size())
        .put("rejected", result.rejections().size())
        .toString();
  }
}
