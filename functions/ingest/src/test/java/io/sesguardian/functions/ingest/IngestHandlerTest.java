/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.FeedbackIngestion;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.telemetry.LogLevel;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.MetricUnit;
import io.sesguardian.testkit.DefaultLocale;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.InMemoryRejectedItems;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.RecordingTelemetry;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final IngestHandler handler =
      new IngestHandler(TestWiring.ingest(store, clock, telemetry));

  @Test
  void snsBounce_isSuppressedPendingForSes_andLoggedMasked() throws Exception {
    TestContext context = new TestContext("req-1");
    JsonNode out = invoke("lambda-sns/bounce-permanent-general.json", context);
    assertThat(out.get("suppressed").asInt()).isEqualTo(1);
    assertThat(store.allSuppressions())
        .singleElement()
        .satisfies(e -> assertThat(e.sesState()).isEqualTo(SesSyncState.PENDING));
    RecordingTelemetry.LogEvent suppressed = telemetry.logs().get(0);
    assertThat(suppressed.message()).isEqualTo("address suppressed");
    assertThat(suppressed.requestId()).isEqualTo("req-1");
    assertThat((String) suppressed.field("addressMasked")).contains("***@");
    assertThat(telemetry.metricBatches()).singleElement();
    assertThat(telemetry.metric("HardBounces"))
        .contains(new Metric("HardBounces", 1, MetricUnit.COUNT));
    assertThat(context.logged())
        .as("nothing through LambdaLogger: JSON logs would wrap it")
        .isEmpty();
  }

  @Test
  void answer_isTheSameJsonInAnyDefaultLocale() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefaultLocale.during(
        DefaultLocale.ARABIC_DIGITS,
        () -> {
          handler.handleRequest(
              new ByteArrayInputStream(
                  Fixtures.eventBytes("lambda-sns/bounce-permanent-general.json")),
              out,
              new TestContext("req-ar"));
          return null;
        });
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"items\":1,\"duplicates\":0,\"rejected\":0,\"suppressed\":1}");
  }

  @Test
  void sameSnsEventTwice_isADuplicateTheSecondTime() throws Exception {
    invoke("lambda-sns/complaint-abuse.json", new TestContext("a"));
    JsonNode second = invoke("lambda-sns/complaint-abuse.json", new TestContext("b"));
    assertThat(second.get("duplicates").asInt()).isEqualTo(1);
    assertThat(second.get("suppressed").asInt()).isZero();
  }

  @Test
  void storeFailure_failsTheInvocationSoLambdaRetries_andTheRetryStoresOnce() throws Exception {
    store.failNextApplies(1);
    assertThatThrownBy(
            () -> invoke("lambda-sns/bounce-permanent-general.json", new TestContext("x")))
        .isInstanceOf(IngestFailedException.class)
        .hasMessageContaining("e12f7d7f-30a9-4d75-a1a3-d646180c5d0d");
    JsonNode retry = invoke("lambda-sns/bounce-permanent-general.json", new TestContext("x"));
    assertThat(retry.get("suppressed").asInt()).isEqualTo(1);
    assertThat(store.allSuppressions()).singleElement().extracting(e -> e.count()).isEqualTo(1L);
  }

  @Test
  void noFullRecipientAddressEverReachesTheLogs() throws Exception {
    for (String event :
        List.of(
            "lambda-sns/bounce-permanent-general.json",
            "lambda-sns/complaint-abuse.json",
            "lambda-sns/delivery.json",
            "sqs/batch-mixed.json")) {
      TestContext context = new TestContext("req");
      invoke(event, context);
      String raw = new String(Fixtures.eventBytes(event), StandardCharsets.UTF_8);
      var records =
          FeedbackEnvelopes.normalizeDocument(new FeedbackNormalizer(), event, raw).records();
      assertThat(records).as(event).isNotEmpty();
      for (var record : records) {
        assertThat(telemetry.text()).as(event).doesNotContain(record.address());
      }
    }
  }

  @Test
  void garbage_isLoggedAsARejectionNamingTheRequest_andNotRetried() throws Exception {
    TestContext context = new TestContext("req-9");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)), out, context);
    RecordingTelemetry.LogEvent warn = telemetry.logs().get(0);
    assertThat(warn.level()).isEqualTo(LogLevel.WARN);
    assertThat(warn.field("source")).isEqualTo("request:req-9");
    assertThat(String.valueOf(warn.field("code"))).isEqualTo("NOT_JSON");
  }

  @Test
  void snsBounceRejectedForAnOversizedField_isKeptWithWhyAndWhen_goodOnesAreNot() throws Exception {
    InMemoryRejectedItems kept = new InMemoryRejectedItems(clock);
    IngestHandler keeping =
        new IngestHandler(
            new FeedbackIngest(
                new FeedbackIngestion(
                    new FeedbackNormalizer(),
                    new IngestService(store, IngestPolicy.DEFAULT, clock),
                    IngestHandler.UNIT,
                    kept),
                telemetry,
                clock));
    ObjectNode event =
        (ObjectNode) JSON.readTree(Fixtures.eventBytes("lambda-sns/bounce-permanent-general.json"));
    ObjectNode sns = (ObjectNode) event.path("Records").path(0).path("Sns");
    ObjectNode message = (ObjectNode) JSON.readTree(sns.path("Message").asText());
    ((ObjectNode) message.path("mail"))
        .putObject("tags")
        .putArray("ses:configuration-set")
        .add("c".repeat(65));
    String raw = JSON.writeValueAsString(message);
    sns.put("Message", raw);

    keeping.handleRequest(
        new ByteArrayInputStream(Fixtures.eventBytes("lambda-sns/delivery.json")),
        new ByteArrayOutputStream(),
        new TestContext("req-good"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    keeping.handleRequest(
        new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, new TestContext("req-bad"));

    assertThat(JSON.readTree(out.toByteArray()).get("rejected").asInt()).isEqualTo(1);
    assertThat(store.allSuppressions()).isEmpty();
    assertThat(kept.after(null, 10))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.raw()).as("the SES message as SNS carried it").isEqualTo(raw);
              assertThat(item.rejectedAt()).isEqualTo(clock.instant());
              assertThat(item.rejections())
                  .singleElement()
                  .satisfies(r -> assertThat(r.code()).isEqualTo(Rejection.Code.TOO_LARGE));
            });
  }

  private JsonNode invoke(String event, TestContext context) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(Fixtures.eventBytes(event)), out, context);
    return JSON.readTree(out.toByteArray());
  }
}
