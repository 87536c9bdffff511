/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.AlertPublisher;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.monitor.VerifiedDomainsRefresh;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.MetricUnit;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.InMemoryMonitorStore;
import io.sesguardian.testkit.InMemoryVerifiedDomains;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.RecordingTelemetry;
import io.sesguardian.testkit.StubSesAccount;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
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
    MonitorHandler handler = new MonitorHandler(monitor(feedback, alerts::add), clock, telemetry);
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

  @Test
  void scheduledRun_reportsBounceAndComplaintRatesPerScopeAndWindow_asFractions() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:30:00Z"));
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
    Scope marketing = Scope.configurationSet("marketing");
    Instant now = clock.instant();
    feedback.addCounts(
        new Counts()
            .add(CounterKey.of(Scope.ACCOUNT, now), CounterField.SEND, 1000)
            .add(CounterKey.of(Scope.ACCOUNT, now), CounterField.BOUNCE_COUNTED, 30)
            .add(CounterKey.of(Scope.ACCOUNT, now), CounterField.COMPLAINT_COUNTED, 2)
            .add(CounterKey.of(marketing, now), CounterField.SEND, 400)
            .add(CounterKey.of(marketing, now), CounterField.BOUNCE_COUNTED, 30));
    RecordingTelemetry telemetry = new RecordingTelemetry();
    invoke(new MonitorHandler(monitor(feedback, a -> {}), clock, telemetry), "m");

    Map<String, String> account24h = Map.of("Scope", "account", "Window", "24h");
    assertThat(telemetry.metric("BounceRate", account24h))
        .hasValueSatisfying(
            m -> {
              assertThat(m.value()).isCloseTo(0.03, within(1e-12));
              assertThat(m.unit()).isEqualTo(MetricUnit.NONE);
            });
    assertThat(telemetry.metric("ComplaintRate", account24h))
        .map(Metric::value)
        .hasValueSatisfying(v -> assertThat(v).isCloseTo(0.002, within(1e-12)));
    assertThat(
            telemetry.metric(
                "BounceRate", Map.of("Scope", "configset:marketing", "Window", "volume")))
        .map(Metric::value)
        .hasValueSatisfying(v -> assertThat(v).isCloseTo(0.075, within(1e-12)));
    // Only the windows that matter become metrics (each combination is paid for).
    Set<String> windows =
        telemetry.metricBatches().stream()
            .map(b -> b.dimensions().get("Window"))
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    assertThat(windows).containsExactlyInAnyOrder("24h", "volume");
    assertThat(telemetry.metricBatches())
        .filteredOn(b -> !b.dimensions().isEmpty())
        .hasSize(2 * 2)
        .allSatisfy(b -> assertThat(b.dimensions().keySet()).containsOnly("Scope", "Window"));
  }

  @Test
  void scheduledRun_keepsSesVerifiedDomainsForIngest_andASesFailureDoesNotStopTheEvaluation()
      throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:30:00Z"));
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
    InMemoryVerifiedDomains table = new InMemoryVerifiedDomains();
    boolean[] sesDown = {false};
    VerifiedDomainsRefresh refresh =
        new VerifiedDomainsRefresh(
            () -> {
              if (sesDown[0]) {
                throw new IllegalStateException("Rate exceeded");
              }
              return Set.of("OurCompany.com");
            },
            clock);
    RecordingTelemetry telemetry = new RecordingTelemetry();
    MonitorHandler handler =
        new MonitorHandler(
            monitor(feedback, a -> {}), clock, telemetry, deadline -> refresh.refresh(table));

    invoke(handler, "m1");
    assertThat(table.latest().orElseThrow().domains()).containsExactly("ourcompany.com");
    assertThat(telemetry.logs("verified domains kept"))
        .singleElement()
        .satisfies(e -> assertThat(e.field("domains")).isEqualTo(1));

    sesDown[0] = true;
    clock.advance(java.time.Duration.ofHours(1));
    // The failure is logged once; SES is not asked again for RETRY_AFTER.
    invoke(handler, "m2");
    assertThat(telemetry.logs("verified domains not refreshed"))
        .singleElement()
        .satisfies(e -> assertThat(String.valueOf(e.field("reason"))).contains("Rate exceeded"));
    assertThat(telemetry.logs("evaluated")).hasSize(2);
    assertThat(table.latest().orElseThrow().domains()).containsExactly("ourcompany.com");

    clock.advance(java.time.Duration.ofMinutes(1));
    invoke(handler, "m3");
    assertThat(telemetry.logs("verified domains not refreshed")).hasSize(1);
    assertThat(telemetry.logs("evaluated")).hasSize(3);
  }

  /** The monitor over {@code feedback}'s counters, with a fresh state and a healthy SES account. */
  private static ReputationMonitor monitor(InMemoryFeedbackStore feedback, AlertPublisher alerts) {
    return new ReputationMonitor(
        new InMemoryMonitorStore(feedback), alerts, new StubSesAccount(), MonitorPolicy.DEFAULT);
  }

  /** One scheduled invocation, as EventBridge Scheduler sends it (the body is not read). */
  private static void invoke(MonitorHandler handler, String requestId) throws Exception {
    handler.handleRequest(
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(),
        new TestContext(requestId));
  }
}
