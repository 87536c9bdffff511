/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.runtimeit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each packaged function jar, started the way Lambda's Java runtimes start it: the runtime
 * interface client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}, native
 * client included) against a local Runtime API, with the handler and environment {@code
 * template.yaml} gives the function (including {@code AWS_LAMBDA_LOG_FORMAT=JSON} from its {@code
 * LoggingConfig}), AWS endpoints on loopback (moto for DynamoDB, SNS and SQS; a stub for SESv2 and
 * Lambda, which moto does not serve usefully), and one real event. It checks the answer and what
 * leaves the process: stdout is all JSON, metrics are top-level EMF documents CloudWatch would
 * extract (the alarms' metrics among them), log lines carry level, time and request id, and no full
 * email address appears on stdout or stderr.
 */
class RuntimeClientIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "us-east-1";
  private static final String TABLE = "guardian-it";

  /** Anything shaped like a full address; masked forms ({@code j***@d}) do not match. */
  private static final Pattern FULL_ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private static final String SCHEDULED_EVENT =
      """
      {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
       "source":"aws.events","account":"123456789012","time":"2026-12-01T06:00:00Z",
       "region":"us-east-1","resources":["arn:aws:events:us-east-1:123456789012:rule/guardian"],
       "detail":{}}""";

  private static Path root;
  private static Template template;
  private static MotoResources moto;
  private static AwsStub stub;
  private static Map<String, String> resources;

  @BeforeAll
  static void startBackends() throws Exception {
    root = Path.of(System.getProperty("guardian.root", "..")).toAbsolutePath().normalize();
    template = Template.read(root.resolve("template.yaml"));
    moto = MotoResources.start();
    stub = AwsStub.start();
    resources = new LinkedHashMap<>();
    resources.put("GuardianTable", moto.createTable(TABLE));
    resources.put("AlertTopic", moto.createTopic("guardian-alerts"));
    resources.put("IngestDeadLetterQueue", moto.createQueue("guardian-ingest-dlq"));
    resources.put(
        "MonitorFunction.Alias", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:m:live");
    resources.put("AWS::Region", REGION);
    resources.put("AWS::StackName", "guardian-it");
    // Canaries are opt-in: the template enables them when this parameter names a sender.
    resources.put("CanaryFromAddress", "canary-sender@example.com");
  }

  @AfterAll
  static void stopBackends() {
    if (stub != null) {
      stub.stop();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void ingestJar_snsBounce_isStored_andItsMetricsAreTopLevelEmf(@TempDir Path dir)
      throws Exception {
    Run run =
        invoke(
            "IngestFunction",
            Files.readString(root.resolve("events/lambda-sns/bounce-permanent-general.json")),
            dir);
    JsonNode answer = run.answer();
    assertThat(answer.get("items").asInt()).isEqualTo(1);
    assertThat(answer.get("rejected").asInt()).isZero();
    assertThat(run.metric("HardBounces")).isEqualTo(1);
    assertThat(run.logs())
        .anySatisfy(l -> assertThat(l.get("message").asText()).isEqualTo("ingested"));
    assertThat(run.output()).doesNotContain("jordan.lee@example.org");
  }

  @Test
  void ingestQueueJar_sqsBatch_answersWithoutItemFailures(@TempDir Path dir) throws Exception {
    Run run =
        invoke(
            "IngestQueueFunction",
            Files.readString(root.resolve("events/sqs/batch-mixed.json")),
            dir);
    assertThat(run.answer().get("batchItemFailures")).isEmpty();
    assertThat(run.metric("Items")).isEqualTo(3);
  }

  @Test
  void outboxJar_scheduledRun_reportsTheMetricItsAlarmWatches(@TempDir Path dir) throws Exception {
    Run run = invoke("OutboxFunction", SCHEDULED_EVENT, dir);
    assertThat(run.answer().get("sandbox").asBoolean()).isFalse();
    assertThat(run.answer().get("failed").asInt()).isZero();
    assertThat(run.metric("OutboxOldestAgeSeconds")).isZero();
  }

  @Test
  void monitorJar_scheduledRun_evaluatesAndReportsTheAccountLevel(@TempDir Path dir)
      throws Exception {
    Run run = invoke("MonitorFunction", SCHEDULED_EVENT, dir);
    assertThat(run.answer().get("enforcementStatus").asText()).isEqualTo("HEALTHY");
    // SES's verified domains are kept in the table for ingest (ListEmailIdentities, hourly).
    assertThat(run.logs())
        .anySatisfy(
            l -> {
              assertThat(l.get("message").asText()).isEqualTo("verified domains kept");
              assertThat(l.path("domains").asInt()).isEqualTo(1);
            });
    assertThat(run.metrics()).isNotEmpty();
    run.metric("AccountLevel");
    // The dashboard's rates: one document per scope and window, Scope and Window as dimensions.
    assertThat(run.metrics())
        .anySatisfy(
            m -> {
              assertThat(m.path("Scope").asText()).isEqualTo("account");
              assertThat(m.path("Window").asText()).isEqualTo("24h");
              assertThat(m.path("BounceRate").isNumber()).isTrue();
              assertThat(m.path("ComplaintRate").isNumber()).isTrue();
            });
  }

  @Test
  void reportJar_weeklyRun_storesAndPublishes(@TempDir Path dir) throws Exception {
    Run run = invoke("ReportFunction", SCHEDULED_EVENT, dir);
    assertThat(run.answer().get("stored").asBoolean()).isTrue();
    assertThat(run.logs())
        .anySatisfy(
            l -> assertThat(l.get("week").asText()).isEqualTo(run.answer().get("week").asText()));
  }

  @Test
  void canaryJar_hourlyRun_answersAndLogsStructured(@TempDir Path dir) throws Exception {
    Run run = invoke("CanaryFunction", SCHEDULED_EVENT, dir);
    assertThat(run.answer().get("closed").isArray()).isTrue();
    assertThat(run.output()).doesNotContain("canary-sender@example.com");
  }

  // ---------------------------------------------------------------------------------------------

  /** Starts the function's jar under the runtime client, feeds it one event, returns what left. */
  private Run invoke(String resource, String event, Path dir) throws Exception {
    Template.Function f = template.function(resource);
    // The very file template.yaml deploys (CodeUri), not a copy resolved through Maven.
    Path jar = root.resolve(f.codeUri());
    assertThat(jar).as("packaged jar of " + resource + " (run after mvn package)").isRegularFile();
    String classpath;
    try (Stream<Path> ric =
        Files.list(Path.of(System.getProperty("guardian.ric", "target/runtime-it/ric")))) {
      classpath =
          Stream.concat(Stream.of(jar), ric.filter(p -> p.toString().endsWith(".jar")).sorted())
              .map(Path::toString)
              .collect(Collectors.joining(java.io.File.pathSeparator));
    }
    String requestId = "it-" + resource + "-" + System.nanoTime();
    try (RuntimeApi api = RuntimeApi.start(requestId, event, f.timeoutSeconds(), resource)) {
      Map<String, String> env = new LinkedHashMap<>();
      // Not inherited: a developer's own AWS settings must never reach the child.
      env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("HOME", dir.toString());
      env.put("TZ", ":UTC");
      env.put("LANG", "C.UTF-8");
      env.putAll(template.environment(resource, resources));
      env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
      env.put("AWS_LAMBDA_FUNCTION_NAME", "guardian-" + resource);
      env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
      env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(f.memoryMb()));
      env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/guardian-" + resource);
      env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/01/[1]it");
      env.put("AWS_LAMBDA_LOG_FORMAT", template.logFormat());
      env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
      env.put("LAMBDA_TASK_ROOT", dir.toString());
      env.put("AWS_REGION", REGION);
      env.put("AWS_DEFAULT_REGION", REGION);
      env.put("AWS_ACCESS_KEY_ID", "testing");
      env.put("AWS_SECRET_ACCESS_KEY", "testing");
      env.put("AWS_SESSION_TOKEN", "testing");
      env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
      env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      env.put("AWS_ENDPOINT_URL_DYNAMODB", moto.endpoint());
      env.put("AWS_ENDPOINT_URL_SNS", moto.endpoint());
      env.put("AWS_ENDPOINT_URL_SQS", moto.endpoint());
      env.put("AWS_ENDPOINT_URL_SESV2", stub.endpoint());
      env.put("AWS_ENDPOINT_URL_LAMBDA", stub.endpoint());
      Path stdout = dir.resolve("stdout.log");
      Path stderr = dir.resolve("stderr.log");
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-cp",
                  classpath,
                  "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                  f.handler())
              .directory(dir.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process process = pb.start();
      RuntimeApi.Outcome outcome;
      try {
        outcome = api.await(process);
      } finally {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
      Run run =
          new Run(
              resource,
              requestId,
              f.metricsFunction(),
              outcome,
              Files.readString(stdout, StandardCharsets.UTF_8),
              Files.readString(stderr, StandardCharsets.UTF_8));
      keep(resource, run);
      run.checkOutput(template.alarmMetrics());
      return run;
    }
  }

  /** Keeps what the process printed under target/ for reading after a failure. */
  private static void keep(String resource, Run run) throws IOException {
    String folder = System.getProperty("guardian.output");
    if (folder != null) {
      Path dir = Files.createDirectories(Path.of(folder));
      Files.writeString(dir.resolve(resource + ".stdout.log"), run.stdout());
      Files.writeString(dir.resolve(resource + ".stderr.log"), run.stderr());
      Files.writeString(
          dir.resolve(resource + ".answer.json"),
          run.outcome().kind() + " " + run.outcome().body());
    }
  }

  /** What one invocation answered and printed. */
  private record Run(
      String resource,
      String requestId,
      String metricsFunction,
      RuntimeApi.Outcome outcome,
      String stdout,
      String stderr) {

    String output() {
      return stdout + "\n" + stderr;
    }

    JsonNode answer() throws IOException {
      if (!outcome.kind().equals("response")) {
        fail(
            "%s reported %s: %s%n--- stdout%n%s%n--- stderr%n%s",
            resource, outcome.kind(), outcome.body(), stdout, stderr);
      }
      return JSON.readTree(outcome.body());
    }

    List<JsonNode> lines() {
      List<JsonNode> out = new ArrayList<>();
      for (String line : stdout.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode node = JSON.readTree(line);
          assertThat(node.isObject()).as("stdout line is a JSON object: %s", line).isTrue();
          out.add(node);
        } catch (IOException e) {
          fail(
              "stdout line of %s is not JSON (CloudWatch would keep it as text): %s",
              resource, line);
        }
      }
      return out;
    }

    List<JsonNode> metrics() {
      return lines().stream().filter(l -> l.has("_aws")).toList();
    }

    List<JsonNode> logs() {
      return lines().stream().filter(l -> !l.has("_aws")).toList();
    }

    /** The value of {@code name} in this run's metrics documents (exactly one carries it). */
    long metric(String name) {
      List<JsonNode> carrying = metrics().stream().filter(m -> m.has(name)).toList();
      assertThat(carrying).as("metrics documents of %s with %s", resource, name).hasSize(1);
      return carrying.get(0).get(name).asLong();
    }

    void checkOutput(Map<String, Set<String>> alarmMetrics) throws IOException {
      answer();
      List<JsonNode> lines = lines();
      assertThat(lines).as("%s printed something", resource).isNotEmpty();
      // The jar carries an SLF4J binding (slf4j-simple): no "no binding" warning on a cold start.
      assertThat(stderr).as("%s stderr", resource).doesNotContain("SLF4J:");
      for (JsonNode line : lines) {
        String text = line.toString();
        // What the runtime client makes of LambdaLogger.log under JSON logs: never again.
        assertThat(line.path("level").asText()).as(text).isNotEqualTo("UNDEFINED");
        String message = line.path("message").asText("");
        assertThat(message.startsWith("{"))
            .as("a JSON document inside a message: %s", text)
            .isFalse();
        if (line.has("_aws")) {
          checkEmf(line);
        } else {
          assertThat(line.path("level").asText())
              .as(text)
              .isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
          Instant.parse(line.path("timestamp").asText());
          if (line.has("function")) {
            assertThat(line.path("requestId").asText()).as(text).isEqualTo(requestId);
          }
        }
      }
      Set<String> expected = alarmMetrics.getOrDefault(metricsFunction, Set.of());
      for (String name : expected) {
        assertThat(metrics())
            .as("%s reports %s, which an alarm in template.yaml watches", resource, name)
            .anySatisfy(m -> assertThat(m.has(name)).isTrue());
      }
      Matcher address = FULL_ADDRESS.matcher(output());
      if (address.find()) {
        fail("%s printed a full email address: %s%n%s", resource, address.group(), output());
      }
    }

    private void checkEmf(JsonNode doc) {
      String text = doc.toString();
      assertThat(doc.at("/_aws/Timestamp").isIntegralNumber()).as(text).isTrue();
      JsonNode directives = doc.at("/_aws/CloudWatchMetrics");
      assertThat(directives.isArray() && directives.size() == 1).as(text).isTrue();
      JsonNode directive = directives.get(0);
      assertThat(directive.path("Namespace").asText()).as(text).isEqualTo("SesGuardian");
      // One dimension set, Function first (the alarms select on it), each value a top-level text.
      JsonNode sets = directive.path("Dimensions");
      assertThat(sets.size()).as(text).isEqualTo(1);
      assertThat(sets.path(0).path(0).asText()).as(text).isEqualTo("Function");
      for (JsonNode dimension : sets.path(0)) {
        assertThat(doc.path(dimension.asText()).isTextual()).as(text).isTrue();
      }
      assertThat(doc.path("Function").asText()).as(text).isEqualTo(metricsFunction);
      assertThat(directive.path("Metrics")).as(text).isNotEmpty();
      for (JsonNode m : directive.path("Metrics")) {
        String name = m.path("Name").asText();
        assertThat(doc.path(name).isNumber()).as("%s has a number for %s", text, name).isTrue();
        assertThat(m.path("Unit").asText())
            .as(text)
            .isIn("Count", "Seconds", "Milliseconds", "Percent", "None");
      }
      assertThat(doc.path("requestId").asText()).as(text).isEqualTo(requestId);
    }
  }
}
