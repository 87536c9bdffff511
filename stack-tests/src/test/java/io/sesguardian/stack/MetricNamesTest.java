/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.functions.ingest.IngestHandler;
import io.sesguardian.functions.ingest.IngestQueueHandler;
import io.sesguardian.functions.monitor.MonitorHandler;
import io.sesguardian.functions.outbox.OutboxHandler;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Every metric in namespace {@code SesGuardian} that the dashboard and the alarms of template.yaml
 * chart or watch is one the functions really emit. A chart of a name nothing emits stays empty, and
 * an alarm on it with {@code TreatMissingData: notBreaching} never fires: both fail silently in
 * production, so they fail here. The emitted names are read from what leaves the process: the
 * functions' production wiring runs against a stub of the AWS APIs ({@link AwsRecordingStub}) and
 * its EMF documents are taken from standard output.
 */
class MetricNamesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.now();

  /** {@code Function/MetricName} pairs found in the EMF documents on stdout. */
  private static final Set<String> EMITTED = new TreeSet<>();

  /** Metric names the monitor emits with more dimensions than Function (SEARCH targets). */
  private static final Set<String> EMITTED_NAMES = new TreeSet<>();

  private static SamTemplate template;

  @BeforeAll
  static void runTheFunctions() throws Exception {
    template = SamTemplate.translate();
    MonitorConfig monitor =
        MonitorConfig.fromEnvironment(
            Map.of("ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:alerts"));
    run(r -> new IngestHandler(r), Fixtures.eventBytes("lambda-sns/bounce-permanent-general.json"));
    run(r -> new IngestQueueHandler(r), Fixtures.eventBytes("sqs/batch-mixed.json"));
    run(OutboxHandler::new, "{}".getBytes(StandardCharsets.UTF_8));
    run(r -> new MonitorHandler(r, monitor), "{}".getBytes(StandardCharsets.UTF_8));
  }

  /** Builds the handler with stdout captured (its telemetry binds stdout then) and runs it. */
  private static void run(Function<GuardianRuntime, RequestStreamHandler> handler, byte[] event)
      throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (AwsRecordingStub stub = new AwsRecordingStub(NOW);
        AwsClients clients =
            AwsClients.forEndpoint(Region.US_EAST_1, stub.endpoint())
                .instrumented(new IamRecorder(), h -> h)) {
      GuardianRuntime runtime =
          GuardianRuntime.of(
              GuardianConfig.fromEnvironment(Map.of("GUARDIAN_TABLE", "guardian")), clients);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      RequestStreamHandler h;
      try {
        h = handler.apply(runtime);
      } finally {
        System.setOut(original);
      }
      h.handleRequest(
          new ByteArrayInputStream(event), new ByteArrayOutputStream(), new TestContext("names"));
    }
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode doc = JSON.readTree(line);
      for (JsonNode directive : doc.path("_aws").path("CloudWatchMetrics")) {
        assertThat(directive.path("Namespace").asText()).isEqualTo("SesGuardian");
        for (JsonNode metric : directive.path("Metrics")) {
          String name = metric.path("Name").asText();
          EMITTED.add(doc.path("Function").asText() + "/" + name);
          EMITTED_NAMES.add(name);
        }
      }
    }
  }

  @Test
  void theFunctionsEmitTheirMetrics_theRatesAmongThem() {
    assertThat(EMITTED)
        .contains(
            "ingest/Rejected",
            "outbox/OutboxPending",
            "monitor/AccountLevel",
            "monitor/BounceRate",
            "monitor/ComplaintRate");
  }

  @Test
  void everySesGuardianMetricOfTheDashboardAndTheAlarms_isEmitted() throws Exception {
    Set<String> used = new TreeSet<>();
    Set<String> searched = new TreeSet<>();
    // The dashboard: explicit metrics ["SesGuardian", name, "Function", value, …] and SEARCH
    // expressions over the namespace.
    String body =
        template.properties("Dashboard").path("DashboardBody").path("Fn::Sub").path(0).asText();
    // Variables filled in as a deployment would: the optional canary line left out, threshold
    // numbers as numbers, names inside strings as text.
    JsonNode dashboard =
        JSON.readTree(
            body.replace("${CanaryErrors}", "")
                .replaceAll(":\\s*\\$\\{[A-Za-z0-9]+}", ": 0.05")
                .replaceAll("\\$\\{[A-Za-z0-9:.]+}", "x"));
    for (JsonNode widget : dashboard.path("widgets")) {
      for (JsonNode metric : widget.path("properties").path("metrics")) {
        if (metric.path(0).asText().equals("SesGuardian")) {
          assertThat(metric.path(2).asText()).as(metric.toString()).isEqualTo("Function");
          used.add(metric.path(3).asText() + "/" + metric.path(1).asText());
        }
        String expression = metric.path(0).path("expression").asText("");
        Matcher search =
            Pattern.compile("\\{SesGuardian[^}]*}\\s+MetricName=\"([A-Za-z0-9.]+)\"")
                .matcher(expression);
        while (search.find()) {
          searched.add(search.group(1));
        }
      }
    }
    // The alarms in the namespace select on the Function dimension.
    for (JsonNode alarm : template.resources("AWS::CloudWatch::Alarm").values()) {
      JsonNode p = alarm.path("Properties");
      if (!p.path("Namespace").asText().equals("SesGuardian")) {
        continue;
      }
      String function = "";
      for (JsonNode d : p.path("Dimensions")) {
        if (d.path("Name").asText().equals("Function")) {
          function = d.path("Value").asText();
        }
      }
      used.add(function + "/" + p.path("MetricName").asText());
    }
    // Guards against a parser that finds nothing: the dashboard shows these at least.
    assertThat(used).contains("outbox/OutboxPending", "ingest/Rejected");
    assertThat(searched).contains("BounceRate", "ComplaintRate");
    assertThat(EMITTED).as("Function/metric pairs the functions emit").containsAll(used);
    assertThat(EMITTED_NAMES).as("metric names the functions emit").containsAll(searched);
  }
}
