/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.domain.telemetry.Metric;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Embedded Metric Format: one JSON document that CloudWatch Logs turns into metrics, in
 * namespace {@value #NAMESPACE} with the single dimension {@code Function} (alarms in {@code
 * template.yaml} select on it). Counts and durations only; never addresses.
 */
final class EmbeddedMetrics {

  static final String NAMESPACE = "SesGuardian";

  /** The specification's limit of metrics in one document. */
  static final int MAX_METRICS = 100;

  private EmbeddedMetrics() {}

  /**
   * The document for {@code metrics} of {@code function} at {@code at}; {@code properties} are
   * extra top-level members (searchable in Logs Insights, not dimensions). A repeated metric name
   * keeps its last value.
   */
  static ObjectNode document(
      String function, Instant at, List<Metric> metrics, Map<String, String> properties) {
    Map<String, Metric> byName = new LinkedHashMap<>();
    metrics.forEach(m -> byName.put(m.name(), m));
    if (byName.size() > MAX_METRICS) {
      throw new IllegalArgumentException(
          byName.size() + " metrics in one document; EMF allows " + MAX_METRICS);
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode directive =
        root.putObject("_aws")
            .put("Timestamp", at.toEpochMilli())
            .putArray("CloudWatchMetrics")
            .addObject();
    directive.put("Namespace", NAMESPACE);
    directive.putArray("Dimensions").addArray().add("Function");
    ArrayNode definitions = directive.putArray("Metrics");
    byName
        .values()
        .forEach(
            m -> definitions.addObject().put("Name", m.name()).put("Unit", m.unit().unitName()));
    root.put("Function", function);
    properties.forEach(
        (k, v) -> {
          if (v != null && !root.has(k)) {
            root.put(k, v);
          }
        });
    byName.values().forEach(m -> putNumber(root, m.name(), m.value()));
    return root;
  }

  /** Whole numbers are written without a fraction, as counts were before units were typed. */
  static void putNumber(ObjectNode node, String name, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      node.put(name, (long) value);
    } else {
      node.put(name, value);
    }
  }
}
