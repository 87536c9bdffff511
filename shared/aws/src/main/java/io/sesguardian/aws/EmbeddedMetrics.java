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
import java.util.TreeMap;

/**
 * CloudWatch Embedded Metric Format: one JSON document that CloudWatch Logs turns into metrics, in
 * namespace {@value #NAMESPACE}, with one dimension set: {@code Function} (alarms in {@code
 * template.yaml} select on it) followed by the batch's own dimensions in name order ({@code Scope},
 * {@code Window} for the monitor's rates). Never addresses.
 */
final class EmbeddedMetrics {

  static final String NAMESPACE = "SesGuardian";

  /** The specification's limit of metrics in one document. */
  static final int MAX_METRICS = 100;

  /** The specification's limit of dimensions in one dimension set. */
  static final int MAX_DIMENSIONS = 30;

  /** CloudWatch's limit on a dimension value's length. */
  static final int MAX_DIMENSION_VALUE = 1024;

  private static final String FUNCTION = "Function";

  private EmbeddedMetrics() {}

  /** The document for {@code metrics} with the {@code Function} dimension alone. */
  static ObjectNode document(
      String function, Instant at, List<Metric> metrics, Map<String, String> properties) {
    return document(function, Map.of(), at, metrics, properties);
  }

  /**
   * The document for {@code metrics} of {@code function} and {@code dimensions} at {@code at};
   * {@code properties} are extra top-level members (searchable in Logs Insights, not dimensions). A
   * repeated metric name keeps its last value.
   *
   * @throws IllegalArgumentException when the document would not be valid EMF: over {@value
   *     #MAX_METRICS} metrics, a blank or reserved dimension name, a blank or over-long value, or a
   *     dimension named like one of the metrics (both would be the same top-level member)
   */
  static ObjectNode document(
      String function,
      Map<String, String> dimensions,
      Instant at,
      List<Metric> metrics,
      Map<String, String> properties) {
    Map<String, Metric> byName = new LinkedHashMap<>();
    metrics.forEach(m -> byName.put(m.name(), m));
    if (byName.size() > MAX_METRICS) {
      throw new IllegalArgumentException(
          byName.size() + " metrics in one document; EMF allows " + MAX_METRICS);
    }
    Map<String, String> extra = new TreeMap<>(dimensions);
    if (extra.size() + 1 > MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          extra.size() + 1 + " dimensions in one set; EMF allows " + MAX_DIMENSIONS);
    }
    extra.forEach(
        (name, value) -> {
          if (name.isBlank() || name.equals(FUNCTION) || name.equals("_aws")) {
            throw new IllegalArgumentException("not a dimension name of its own: '" + name + "'");
          }
          if (byName.containsKey(name) || properties.containsKey(name)) {
            throw new IllegalArgumentException(
                name + " is both a dimension and a metric or property");
          }
          if (value == null || value.isBlank() || value.length() > MAX_DIMENSION_VALUE) {
            throw new IllegalArgumentException(
                "dimension "
                    + name
                    + " needs a value of 1 to "
                    + MAX_DIMENSION_VALUE
                    + " characters");
          }
        });
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode directive =
        root.putObject("_aws")
            .put("Timestamp", at.toEpochMilli())
            .putArray("CloudWatchMetrics")
            .addObject();
    directive.put("Namespace", NAMESPACE);
    ArrayNode set = directive.putArray("Dimensions").addArray().add(FUNCTION);
    extra.keySet().forEach(set::add);
    ArrayNode definitions = directive.putArray("Metrics");
    byName
        .values()
        .forEach(
            m -> definitions.addObject().put("Name", m.name()).put("Unit", m.unit().unitName()));
    root.put(FUNCTION, function);
    extra.forEach(root::put);
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
