/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.readiness.Readiness;
import io.sesguardian.domain.readiness.ReadinessCheck;
import io.sesguardian.domain.readiness.SesSetup;
import io.sesguardian.domain.report.RequestDraft;
import io.sesguardian.domain.report.SesReading;
import io.sesguardian.domain.report.WeeklyReport;
import io.sesguardian.testkit.Fixtures;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every AWS CLI command the product prints or documents — readiness fixes, the request draft's
 * command, README's commands, the stack outputs' commands — is run by bash and the real AWS CLI
 * against a loopback endpoint that answers every request with an empty success. A command with an
 * unknown option, bad shorthand or JSON, a missing required argument, a value the CLI's own
 * validation refuses, or shell syntax that does not run as printed fails, named by where it comes
 * from. The commands come from the product's own code where the product prints them.
 */
class AwsCliCommandsTest {

  private static final String ACCOUNT = "123456789012";
  private static final String TOPIC =
      "arn:aws:sns:us-east-1:" + ACCOUNT + ":guardian-FeedbackTopic-X1";
  private static final String DLQ_URL =
      "https://sqs.us-east-1.amazonaws.com/" + ACCOUNT + "/guardian-IngestDeadLetterQueue-X1";

  /** Plausible values for the placeholders README, the outputs and the fixes print. */
  private static final Map<String, String> PLACEHOLDERS =
      Map.of(
          "TOPIC_ARN",
          TOPIC,
          "FEEDBACK_TOPIC_ARN",
          TOPIC,
          "YOUR_DOMAIN",
          "shop.example",
          "YOUR_SET",
          "marketing",
          "TABLE_NAME",
          "guardian-GuardianTable-X1",
          "DEAD_LETTER_QUEUE_URL",
          DLQ_URL);

  /** Values for the {@code ${…}} of the stack outputs' Fn::Sub. */
  private static final Map<String, String> SUB_VALUES =
      Map.of(
          "Topic", TOPIC,
          "AWS::Region", "us-east-1",
          "AWS::AccountId", ACCOUNT,
          "AWS::Partition", "aws",
          "AWS::StackName", "guardian");

  /** Where an {@code aws} command starts in a line of shell. */
  private static final Pattern AWS_CALL =
      Pattern.compile("(^|[;|&(]|\\bdo|\\bthen|\\$\\()\\s*aws\\s+[a-z]");

  private static HttpServer endpoint;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static String awsCli;

  /** A piece of shell to run, and where it was printed or documented. */
  record Snippet(String origin, String script) {}

  @BeforeAll
  static void startEndpoint() throws IOException {
    awsCli = findOnPath("aws");
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/", AwsCliCommandsTest::answer);
    endpoint.start();
  }

  @AfterAll
  static void stopEndpoint() {
    if (endpoint != null) {
      endpoint.stop(0);
    }
  }

  /**
   * An empty success in the request's protocol: the query protocol (SES v1) wants an XML {@code
   * <ActionResponse>}; JSON and REST-JSON services (SESv2, SQS, DynamoDB) take {@code {}}.
   */
  private static void answer(HttpExchange exchange) throws IOException {
    REQUESTS.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    String contentType = "application/json";
    String response = "{}";
    Matcher action = Pattern.compile("(?:^|&)Action=(\\w+)").matcher(body);
    if (type.startsWith("application/x-www-form-urlencoded") && action.find()) {
      String a = action.group(1);
      contentType = "text/xml";
      response =
          "<%sResponse><%sResult/><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></%sResponse>"
              .formatted(a, a, a);
    } else if (type.startsWith("application/x-amz-json")) {
      contentType = type;
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String findOnPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(
        "the AWS CLI (`aws`) is not on PATH: this test runs every printed command through it."
            + " Install it with `pip install awscli` (CI machines have AWS CLI v1 preinstalled).");
  }

  // --- Where the commands come from.

  /** The readiness fixes, for an account where nothing is set up and for one half set up. */
  static List<Snippet> readinessFixes() {
    SesSetup nothing = new FakeSes(Optional.empty(), List.of(), Map.of(), Set.of());
    SesSetup half =
        new FakeSes(
            Optional.of(new SesSetup.Identity(false, false)),
            List.of(
                new SesSetup.ConfigurationSet(
                    "marketing", false, Map.of(TOPIC, Set.of("BOUNCE", "COMPLAINT")))),
            Map.of(),
            Set.of(SuppressionReason.BOUNCE));
    List<Snippet> out = new ArrayList<>();
    List<List<ReadinessCheck>> runs =
        List.of(
            Readiness.check(nothing, "shop.example", TOPIC, 3L, Duration.ofHours(2)),
            Readiness.check(half, "shop.example", TOPIC, DLQ_URL, 3L, Duration.ofHours(2)));
    for (List<ReadinessCheck> checks : runs) {
      for (ReadinessCheck c : checks) {
        // `guardian readiness` prints the fix of each failed check. All but the outbox one (read
        // the function's logs) are AWS CLI commands.
        if (c.pass() || c.name().contains("outbox")) {
          continue;
        }
        assertThat(c.fix()).as(c.name()).containsPattern(AWS_CALL);
        out.add(new Snippet("readiness fix for '" + c.name() + "'", c.fix()));
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(10);
    return out;
  }

  /** The request draft's command, with the team's answers missing and given (quotes included). */
  static List<Snippet> requestDraftCommands() {
    List<WeeklyReport.DailyRate> daily =
        IntStream.range(0, 30)
            .mapToObj(
                i ->
                    new WeeklyReport.DailyRate(
                        LocalDate.parse("2026-02-21").plusDays(i), 1000 + 10L * i, 5, 0, 0.005, 0))
            .toList();
    WeeklyReport.Latency none =
        new WeeklyReport.Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    Instant from = Instant.parse("2026-03-16T00:00:00Z");
    WeeklyReport report =
        new WeeklyReport(
            WeeklyReport.VERSION,
            "2026-W12",
            from,
            from.plus(Duration.ofDays(7)),
            null,
            List.of(),
            null,
            daily,
            new WeeklyReport.SuppressionChanges(Map.of(), 0, 0, 0),
            new WeeklyReport.Handling(0, 0, 0, none, none, 0, null),
            List.of(),
            List.of(),
            "none",
            List.of(),
            SesReading.NOT_READ);
    RequestDraft.TeamAnswers answers =
        new RequestDraft.TeamAnswers(
            "TRANSACTIONAL",
            "https://shop.example",
            "Customers' own addresses, confirmed by double opt-in; we never buy lists.",
            "A one-click \"unsubscribe\" link (RFC 8058) in every message.",
            "Order confirmations for shop.example's customers; no `marketing`, no $ offers.",
            "ops@shop.example");
    RequestDraft.TeamAnswers withRate =
        new RequestDraft.TeamAnswers(
            answers.mailType(),
            answers.websiteUrl(),
            answers.listBuilding(),
            answers.unsubscribe(),
            answers.useCase(),
            answers.contactEmail(),
            14.5);
    WeeklyReport inProduction =
        new WeeklyReport(
            report.version(),
            report.week(),
            report.from(),
            report.to(),
            new io.sesguardian.domain.monitor.AccountStatus("HEALTHY", true, true, 50_000, 900),
            report.rates(),
            report.previous(),
            report.daily(),
            report.suppressions(),
            report.handling(),
            report.alerts(),
            report.actions(),
            report.canaries(),
            report.scopeDaily(),
            SesReading.NOT_READ);
    // Without answers the draft gives no command at all (nothing to parse).
    assertThat(RequestDraft.write(report, RequestDraft.TeamAnswers.NONE).commands()).isEmpty();
    List<Snippet> out = new java.util.ArrayList<>();
    RequestDraft.write(report, answers).commands().stream()
        .map(c -> new Snippet("request-draft command (sandbox)", c))
        .forEach(out::add);
    RequestDraft.write(inProduction, withRate).commands().stream()
        .map(c -> new Snippet("request-draft command (production: Service Quotas)", c))
        .forEach(out::add);
    assertThat(out).hasSize(3);
    return out;
  }

  /**
   * The AWS CLI commands in README.md: in fenced code blocks (a {@code for} loop around one is kept
   * whole; other commands of the block are left out) and inline code that starts with {@code aws }.
   */
  static List<Snippet> readmeCommands() throws IOException {
    List<String> lines = Files.readAllLines(Fixtures.repoRoot().resolve("README.md"));
    List<Snippet> out = new ArrayList<>();
    List<String> block = null;
    int blockStart = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        if (block == null) {
          block = new ArrayList<>();
          blockStart = i + 1;
        } else {
          for (String command : awsCommands(block)) {
            out.add(new Snippet("README.md code block at line " + blockStart, command));
          }
          block = null;
        }
        continue;
      }
      if (block != null) {
        block.add(line.strip());
        continue;
      }
      Matcher inline = Pattern.compile("`(aws [^`]+)`").matcher(line);
      while (inline.find()) {
        if (!inline.group(1).contains("…")) {
          out.add(new Snippet("README.md line " + (i + 1), inline.group(1)));
        }
      }
    }
    return out;
  }

  /** The commands in a code block: continuation lines joined, for loops kept whole. */
  private static List<String> awsCommands(List<String> block) {
    List<String> logical = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : block) {
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        logical.add(current.append(line).toString());
        current = new StringBuilder();
      }
    }
    List<String> commands = new ArrayList<>();
    StringBuilder loop = null;
    for (String line : logical) {
      if (loop == null && line.startsWith("for ") && !line.matches(".*\\bdone\\b.*")) {
        loop = new StringBuilder(line);
      } else if (loop != null) {
        loop.append('\n').append(line);
        if (line.equals("done") || line.startsWith("done ") || line.startsWith("done;")) {
          if (AWS_CALL.matcher(loop).find()) {
            commands.add(loop.toString());
          }
          loop = null;
        }
      } else if (AWS_CALL.matcher(line).find()) {
        commands.add(line);
      }
    }
    return commands;
  }

  /** The stack outputs that are commands (name ends in Command), their Fn::Sub filled in. */
  static List<Snippet> stackOutputCommands() throws Exception {
    List<Snippet> out = new ArrayList<>();
    SamTemplate template = SamTemplate.translate();
    for (var output : template.outputs().properties()) {
      if (!output.getKey().endsWith("Command")) {
        continue;
      }
      JsonNode sub = output.getValue().path("Value").path("Fn::Sub");
      String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
      Matcher variable = Pattern.compile("\\$\\{([^}!]+)}").matcher(text);
      StringBuilder filled = new StringBuilder();
      while (variable.find()) {
        String value = SUB_VALUES.get(variable.group(1));
        assertThat(value)
            .as("a plausible value for ${" + variable.group(1) + "} in output " + output.getKey())
            .isNotNull();
        variable.appendReplacement(filled, Matcher.quoteReplacement(value));
      }
      variable.appendTail(filled);
      out.add(new Snippet("template.yaml output " + output.getKey(), filled.toString()));
    }
    return out;
  }

  // --- Running them.

  @TestFactory
  Stream<DynamicTest> everyPrintedCommand_runsAsPrintedThroughTheAwsCli() throws Exception {
    Map<String, Snippet> unique = new LinkedHashMap<>();
    List<Snippet> all = new ArrayList<>();
    all.addAll(readinessFixes());
    all.addAll(requestDraftCommands());
    List<Snippet> readme = readmeCommands();
    assertThat(readme).as("README's wiring commands").hasSizeGreaterThanOrEqualTo(2);
    all.addAll(readme);
    List<Snippet> outputs = stackOutputCommands();
    assertThat(outputs).as("the stack's Wire…Command outputs").hasSizeGreaterThanOrEqualTo(2);
    all.addAll(outputs);
    for (Snippet s : all) {
      // The same command printed in several places runs once, named after all of them.
      unique.merge(
          fillPlaceholders(s.script()),
          s,
          (a, b) -> new Snippet(a.origin() + "; " + b.origin(), a.script()));
    }
    return unique.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getValue().origin(), () -> assertRuns(e.getValue().origin(), e.getKey())));
  }

  /** The harness itself: a command the CLI refuses is reported, not passed. */
  @Test
  void aCommandWithAnUnknownOptionOrBadShorthand_isReported() throws Exception {
    // (The CLI accepts an unambiguous prefix of an option, so the unknown one must be no prefix.)
    Run unknown =
        run("aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE --reason X");
    assertThat(unknown.failure()).contains("Unknown options");
    Run shorthand =
        run(
            "aws sesv2 create-configuration-set-event-destination --configuration-set-name s"
                + " --event-destination-name g --event-destination 'Enabled=true,SnsDestination=[TopicArn=x]'");
    assertThat(shorthand.failure()).isNotEmpty();
    Run redirect = run("aws dynamodb delete-table --table-name <GuardianTableName output>");
    assertThat(redirect.failure()).isNotEmpty();
  }

  private static String fillPlaceholders(String script) {
    String filled = script;
    for (var p : PLACEHOLDERS.entrySet()) {
      filled =
          filled.replaceAll("\\b" + p.getKey() + "\\b", Matcher.quoteReplacement(p.getValue()));
    }
    return filled;
  }

  private static void assertRuns(String origin, String script) throws Exception {
    Run run = run(script);
    assertThat(run.failure()).as(origin + ":\n" + script + "\n").isEmpty();
  }

  /**
   * @param failure why the script did not run as printed, or "" when every {@code aws} it called
   *     parsed, reached the endpoint and succeeded
   */
  record Run(String failure) {}

  private static Run run(String script) throws Exception {
    Path calls = Files.createTempFile("aws-calls", ".log");
    try {
      // A shell function in front of the real CLI: each call goes to the loopback endpoint and
      // leaves its exit status, including calls inside loops and $(…) that the shell would hide.
      String prelude =
          "aws() { \"$GUARDIAN_AWS_CLI\" --endpoint-url \"$GUARDIAN_ENDPOINT\" \"$@\"; local s=$?;"
              + " echo \"$s\" >> \"$GUARDIAN_AWS_CALLS\"; return $s; }\n";
      ProcessBuilder builder =
          new ProcessBuilder("bash", "-c", prelude + script).redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("AWS_"));
      env.put("AWS_ACCESS_KEY_ID", "testing");
      env.put("AWS_SECRET_ACCESS_KEY", "testing");
      env.put("AWS_DEFAULT_REGION", "us-east-1");
      env.put("AWS_CONFIG_FILE", calls + ".no-config");
      env.put("AWS_SHARED_CREDENTIALS_FILE", calls + ".no-credentials");
      env.put("AWS_MAX_ATTEMPTS", "1");
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      env.put("GUARDIAN_AWS_CLI", awsCli);
      env.put("GUARDIAN_ENDPOINT", "http://127.0.0.1:" + endpoint.getAddress().getPort());
      env.put("GUARDIAN_AWS_CALLS", calls.toString());
      int before = REQUESTS.get();
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Run("did not finish within 120 s");
      }
      List<String> made = Files.readAllLines(calls);
      List<String> failed = made.stream().filter(status -> !status.equals("0")).toList();
      int requests = REQUESTS.get() - before;
      if (made.isEmpty()) {
        return new Run("no aws command ran (exit " + process.exitValue() + "):\n" + output);
      }
      if (!failed.isEmpty() || process.exitValue() != 0 || requests < made.size()) {
        return new Run(
            "exit %d, %d of %d aws calls reached the endpoint, exit statuses of the failed: %s%n%s"
                .formatted(process.exitValue(), requests, made.size(), failed, output));
      }
      return new Run("");
    } finally {
      Files.deleteIfExists(calls);
    }
  }

  /** SES as the readiness checks read it, fixed for the test. */
  private record FakeSes(
      Optional<SesSetup.Identity> identity,
      List<SesSetup.ConfigurationSet> configurationSets,
      Map<String, String> notifications,
      Set<SuppressionReason> accountSuppressedReasons)
      implements SesSetup {
    @Override
    public Optional<SesSetup.Identity> identity(String domain) {
      return identity;
    }

    @Override
    public Map<String, String> identityNotificationTopics(String domain) {
      return notifications;
    }
  }
}
