/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * CloudWatch Embedded Metric Format: one log line that CloudWatch turns into metrics, in namespace
 * {@value #NAMESPACE} with the dimension {@code Function}. Counts only; never addresses.
 */
public final class EmbeddedMetrics {

  public static final String NAMESPACE = "SesGuardian";

  private EmbeddedMetrics() {}

  public static String line(String function, Instant at, Map<String, Long> counts) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode metric =
        root.putObject("_aws")
            .put("Timestamp", at.toEpochMilli())
            .putArray("CloudWatchMetrics")
            .addObject();
    metric.put("Namespace", NAMESPACE);
    metric.putArray("Dimensions").addArray().add("Function");
    ArrayNode metrics = metric.putArray("Metrics");
    counts
        .keySet()
        .forEach(
            name ->
                metrics
                    .addObject()
                    .put("Name", name)
                    .put("Unit", name.endsWith("Seconds") ? "Seconds" : "Count"));
    root.put("Function", function);
    counts.forEach(root::put);
    return root.toString();
  }
}
