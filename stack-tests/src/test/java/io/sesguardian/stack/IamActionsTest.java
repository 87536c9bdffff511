/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Each function's IAM actions, as AWS SAM's translator turns template.yaml into roles, are exactly
 * the AWS operations its code calls, recorded by running the production wiring through the real SDK
 * clients against a stub of DynamoDB, SESv2, SNS and Lambda.
 */
class IamActionsTest {

  private static final Instant NOW = Instant.now();

  /**
   * Runs {@code handler} (built from a runtime over the stub) on each event; returns the actions.
   */
  private static Set<String> record(
      Function<GuardianRuntime, RequestStreamHandler> handler, List<byte[]> events)
      throws IOException {
    IamRecorder recorder = new IamRecorder();
    try (AwsRecordingStub stub = new AwsRecordingStub(NOW);
        AwsClients clients =
            AwsClients.forEndpoint(Region.US_EAST_1, stub.endpoint())
                .instrumented(recorder, h -> h)) {
      GuardianRuntime runtime =
          GuardianRuntime.of(
              GuardianConfig.fromEnvironment(Map.of("GUARDIAN_TABLE", "guardian")), clients);
      RequestStreamHandler h = handler.apply(runtime);
      for (byte[] event : events) {
        h.handleRequest(
            new ByteArrayInputStream(event), new ByteArrayOutputStream(), new TestContext("iam"));
      }
    }
    return new TreeSet<>(recorder.actions);
  }

  private static SamTemplate template;

  @BeforeAll
  static void translate() throws Exception {
    template = SamTemplate.translate();
  }

  /**
   * The actions the function's own statements allow, read from the role SAM generates for it. The
   * managed policies and the on-failure destination's statement serve Lambda itself, not the code
   * (TemplateTest pins them).
   */
  private static Set<String> templateActions(String function) {
    return SamTemplate.actions(template.ownPolicies(function));
  }

  /** A soft bounce, as bare SES JSON; the stub reports three earlier ones, so it escalates. */
  private static String softBounce() {
    return "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\","
        + "\"bounceSubType\":\"MailboxFull\",\"feedbackId\":\"f\",\"timestamp\":\""
        + NOW
        + "\",\"bouncedRecipients\":[{\"emailAddress\":\"full@example.com\"}]},"
        + "\"mail\":{\"messageId\":\"m\",\"timestamp\":\""
        + NOW
        + "\"}}";
  }

  private static String hardBounceToListed() {
    return "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
        + "\"bounceSubType\":\"General\",\"feedbackId\":\"listed-1\",\"timestamp\":\""
        + NOW
        + "\",\"bouncedRecipients\":[{\"emailAddress\":\""
        + AwsRecordingStub.LISTED
        + "\"}]},\"mail\":{\"messageId\":\"m2\",\"timestamp\":\""
        + NOW
        + "\"}}";
  }

  private static byte[] sqsEvent(String body) {
    return ("{\"Records\":[{\"messageId\":\"s1\",\"eventSource\":\"aws:sqs\",\"body\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(body)
            + "}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] snsEvent(String message) {
    return ("{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Type\":\"Notification\","
            + "\"MessageId\":\"n1\",\"Message\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(message)
            + "}}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void ingestFunctions_mayDoExactlyWhatTheirCodeCalls() throws IOException {
    List<byte[]> events =
        List.of(
            Fixtures.eventBytes("lambda-sns/bounce-permanent-general.json"),
            Fixtures.eventBytes("lambda-sns/validation-notice.json"),
            snsEvent(softBounce()),
            // A hard bounce to an address already listed: the store reads which are (BatchGetItem).
            snsEvent(hardBounceToListed()));
    Set<String> sns = record(r -> new IngestHandler(r), events);
    assertThat(sns).isEqualTo(templateActions("IngestFunction"));
    // Verified domains leave the bounce rate: ingest reads the list the monitor keeps in the
    // table, and calls no SES API itself.
    assertThat(sns).contains("dynamodb:GetItem").noneMatch(a -> a.startsWith("ses:"));
    Set<String> sqs =
        record(
            r -> new IngestQueueHandler(r),
            List.of(
                Fixtures.eventBytes("sqs/batch-mixed.json"),
                sqsEvent(softBounce()),
                sqsEvent(hardBounceToListed())));
    assertThat(sqs).isEqualTo(templateActions("IngestQueueFunction"));
  }

  @Test
  void softBounceEscalation_readsHistoryAndSuppressesWithinTheIngestPolicy() throws IOException {
    Set<String> actions = record(r -> new IngestHandler(r), List.of(snsEvent(softBounce())));
    assertThat(actions).contains("dynamodb:Query", "dynamodb:PutItem");
    assertThat(templateActions("IngestFunction")).containsAll(actions);
  }

  @Test
  void outboxWriter_mayDoExactlyWhatItsCodeCalls() throws IOException {
    Set<String> actions = record(OutboxHandler::new, List.of("{}".getBytes()));
    assertThat(actions).isEqualTo(templateActions("OutboxFunction"));
  }

  @Test
  void monitor_mayDoExactlyWhatItsCodeCalls_includingOptInPauses() throws IOException {
    MonitorConfig config =
        MonitorConfig.fromEnvironment(
            Map.of(
                "ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:alerts",
                "PAUSE_AT_LEVEL", "review",
                "NON_CRITICAL_CONFIGURATION_SETS", "marketing",
                "PAUSE_ACCOUNT_AT_LEVEL", "pause"));
    Set<String> actions = record(r -> new MonitorHandler(r, config), List.of("{}".getBytes()));
    assertThat(actions).isEqualTo(templateActions("MonitorFunction"));
    // SES's own figures: one GetMetricData per evaluation; the verified domains kept for ingest.
    assertThat(actions).contains("cloudwatch:GetMetricData", "ses:ListEmailIdentities");
  }

  @Test
  void weeklyReport_mayDoExactlyWhatItsCodeCalls() throws IOException {
    MonitorConfig config =
        MonitorConfig.fromEnvironment(
            Map.of("ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:alerts"));
    Set<String> actions =
        record(
            r -> new io.sesguardian.functions.report.ReportHandler(r, config),
            List.of("{}".getBytes()));
    assertThat(actions).isEqualTo(templateActions("ReportFunction"));
  }

  @Test
  void canaries_mayDoExactlyWhatTheirCodeCalls() throws IOException {
    Set<String> actions =
        record(
            r ->
                new io.sesguardian.functions.canary.CanaryHandler(
                    r,
                    Map.of(
                        "CANARY_FROM", "canary@shop.example",
                        "ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:alerts",
                        "CANARY_TIMEOUT_MINUTES", "0",
                        "CANARY_INTERVAL_HOURS", "1")),
            List.of("{}".getBytes(), "{}".getBytes()));
    assertThat(actions).isEqualTo(templateActions("CanaryFunction"));
  }
}
