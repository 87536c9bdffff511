/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.telemetry.LogLevel;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.MetricUnit;
import io.sesguardian.domain.telemetry.Telemetry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StdoutTelemetryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-04-01T10:15:30.123Z");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final StdoutTelemetry telemetry =
      StdoutTelemetry.of(
          "outbox",
          new PrintStream(bytes, false, StandardCharsets.UTF_8),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void logEvent_isOneTopLevelJsonLine_withTimeLevelRequestAndFields() throws Exception {
    telemetry
        .forRequest("req-7")
        .log(
            LogLevel.WARN,
            "outbox run",
            Map.of("pending", 3, "sandbox", true, "unit", MetricUnit.COUNT));
    JsonNode line = lines().get(0);
    assertThat(line.get("timestamp").asText()).isEqualTo("2026-04-01T10:15:30.123Z");
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("message").asText()).isEqualTo("outbox run");
    assertThat(line.get("requestId").asText()).isEqualTo("req-7");
    assertThat(line.get("pending").asInt()).isEqualTo(3);
    assertThat(line.get("sandbox").asBoolean()).isTrue();
    assertThat(line.get("unit").asText()).isEqualTo("COUNT");
  }

  @Test
  void metrics_areAnEmfDocumentAtTopLevel_inTheGuardianNamespace_withTypedUnits() throws Exception {
    telemetry
        .forRequest("req-8")
        .metrics(
            List.of(
                Metric.count("OutboxPending", 2),
                Metric.seconds("OutboxOldestAgeSeconds", 4000),
                new Metric("Sandbox", 0, MetricUnit.NONE)));
    JsonNode doc = lines().get(0);
    JsonNode directive = doc.at("/_aws/CloudWatchMetrics/0");
    assertThat(doc.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(directive.get("Namespace").asText()).isEqualTo("SesGuardian");
    assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("Function");
    assertThat(doc.get("Function").asText()).isEqualTo("outbox");
    assertThat(directive.get("Metrics").findValuesAsText("Unit"))
        .containsExactly("Count", "Seconds", "None");
    assertThat(doc.get("OutboxOldestAgeSeconds").isIntegralNumber()).isTrue();
    assertThat(doc.get("OutboxOldestAgeSeconds").asLong()).isEqualTo(4000);
    assertThat(doc.get("requestId").asText()).isEqualTo("req-8");
  }

  @Test
  void metricsWithDimensions_areOneDimensionSet_functionFirst_withTheValuesAtTopLevel()
      throws Exception {
    telemetry
        .forRequest("req-9")
        .metrics(
            Map.of("Window", "24h", "Scope", "configset:marketing"),
            List.of(
                new Metric("BounceRate", 0.0525, MetricUnit.NONE),
                new Metric("ComplaintRate", 0, MetricUnit.NONE)));
    JsonNode doc = lines().get(0);
    JsonNode directive = doc.at("/_aws/CloudWatchMetrics/0");
    assertThat(directive.get("Dimensions").toString())
        .isEqualTo("[[\"Function\",\"Scope\",\"Window\"]]");
    assertThat(doc.get("Function").asText()).isEqualTo("outbox");
    assertThat(doc.get("Scope").asText()).isEqualTo("configset:marketing");
    assertThat(doc.get("Window").asText()).isEqualTo("24h");
    assertThat(doc.get("BounceRate").asDouble()).isEqualTo(0.0525);
    assertThat(doc.get("ComplaintRate").isNumber()).isTrue();
    assertThat(directive.get("Metrics").findValuesAsText("Name"))
        .containsExactly("BounceRate", "ComplaintRate");
    // Every dimension in the set has its value as a top-level string member (EMF's rule).
    for (JsonNode name : directive.at("/Dimensions/0")) {
      assertThat(doc.get(name.asText()).isTextual()).as(name.asText()).isTrue();
    }
  }

  @Test
  void aDimensionNamedFunctionOrLikeAMetric_isRefused() {
    List<Metric> rate = List.of(new Metric("BounceRate", 0.1, MetricUnit.NONE));
    assertThatThrownBy(() -> telemetry.metrics(Map.of("Function", "x"), rate))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> telemetry.metrics(Map.of("BounceRate", "x"), rate))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> telemetry.metrics(Map.of("Scope", " "), rate))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bytes.size()).isZero();
  }

  @Test
  void anAddressThatSlipsIntoAMessageOrField_isMasked() throws Exception {
    Telemetry t = telemetry.forRequest("r");
    t.error(
        "could not store jane.doe@example.com",
        Map.of("error", "key <Jane.Doe@Example.com> rejected", "nested", List.of("x@y.org")));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("jane.doe@").doesNotContain("Jane.Doe@").doesNotContain("x@y");
    JsonNode line = lines().get(0);
    assertThat(line.get("message").asText()).isEqualTo("could not store j***@example.com");
    assertThat(line.get("error").asText()).isEqualTo("key <J***@Example.com> rejected");
  }

  @Test
  void concurrentWriters_neverInterleaveLines() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        Telemetry t = telemetry.forRequest("w" + w);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    t.info("tick", Map.of("i", i, "padding", "x".repeat(500)));
                    t.metrics(List.of(Metric.count("Items", i)));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(4 * 200 * 2);
    assertThat(lines).allSatisfy(l -> assertThat(l.has("message") || l.has("_aws")).isTrue());
  }
}
