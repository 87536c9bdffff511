/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.InMemoryMonitorStore;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.RecordingTelemetry;
import io.sesguardian.testkit.StubSesAccount;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MonitorHandlerTest {

  @Test
  void scheduledRun_logsLevelsAndMetrics_andAlertsOnAChange() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:30:00Z"));
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
    feedback.addCounts(
        new Counts()
            .add(CounterKey.of(Scope.ACCOUNT, clock.instant()), CounterField.SEND, 1000)
            .add(CounterKey.of(Scope.ACCOUNT, clock.instant()), CounterField.BOUNCE_COUNTED, 45));
    List<Alert> alerts = new CopyOnWriteArrayList<>();
    RecordingTelemetry telemetry = new RecordingTelemetry();
    MonitorHandler handler =
        new MonitorHandler(
            new ReputationMonitor(
                new InMemoryMonitorStore(feedback),
                alerts::add,
                new StubSesAccount(),
                MonitorPolicy.DEFAULT),
            clock,
            telemetry);
    TestContext context = new TestContext("m");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream("{\"source\":\"aws.events\"}".getBytes(StandardCharsets.UTF_8)),
        out,
        context);
    JsonNode line = new ObjectMapper().readTree(out.toByteArray());
    assertThat(line.get("accountLevel").asText()).isEqualTo("critical");
    assertThat(line.get("enforcementStatus").asText()).isEqualTo("HEALTHY");
    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.subject()).contains("CRITICAL"));
    assertThat(telemetry.logs("evaluated"))
        .singleElement()
        .satisfies(e -> assertThat(e.field("accountLevel")).isEqualTo("critical"));
    assertThat(telemetry.metric("AccountLevel")).map(Metric::value).contains(2.0);
    assertThat(telemetry.metric("Alerts")).map(Metric::value).contains(1.0);
  }
}
