/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final IngestHandler handler =
      new IngestHandler(
          new IngestService(
              new FeedbackNormalizer(),
              Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC)));

  @Test
  void lambdaSnsBounce_isLoggedMaskedAndCountedAsAHardBounce() throws Exception {
    TestContext context = new TestContext("req-1");
    JsonNode summary = invoke("lambda-sns/bounce-permanent-general.json", context);
    assertThat(summary.get("records").asInt()).isEqualTo(1);
    List<String> logged = context.logged();
    JsonNode record = JSON.readTree(logged.get(0)).get("record");
    assertThat(record.get("kind").asText()).isEqualTo("bounce");
    assertThat(record.get("suppression").asText()).isEqualTo("BOUNCE");
    assertThat(record.get("addressMasked").asText()).contains("***@");
    assertThat(record.has("address")).isFalse();
    JsonNode metrics = JSON.readTree(logged.get(logged.size() - 1));
    assertThat(metrics.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("SesGuardian");
    assertThat(metrics.get("HardBounces").asInt()).isEqualTo(1);
    assertThat(metrics.get("Rejected").asInt()).isZero();
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
      for (var record : new FeedbackNormalizer().normalize(event, raw).records()) {
        assertThat(String.join("\n", context.logged())).as(event).doesNotContain(record.address());
      }
    }
  }

  @Test
  void sqsBatch_countsEveryRecord_andValidationNoticeIsIgnored() throws Exception {
    JsonNode batch = invoke("sqs/batch-mixed.json", new TestContext("r"));
    assertThat(batch.get("items").asInt()).isEqualTo(3);
    assertThat(batch.get("records").asInt()).isEqualTo(4);
    JsonNode notice = invoke("lambda-sns/validation-notice.json", new TestContext("r"));
    assertThat(notice.get("ignored").asInt()).isEqualTo(1);
    assertThat(notice.get("rejected").asInt()).isZero();
  }

  @Test
  void garbage_isLoggedAsARejectionNamingTheRequest() throws Exception {
    TestContext context = new TestContext("req-9");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)), out, context);
    JsonNode warn = JSON.readTree(context.logged().get(0));
    assertThat(warn.get("level").asText()).isEqualTo("WARN");
    assertThat(warn.get("source").asText()).isEqualTo("request:req-9");
    assertThat(warn.get("code").asText()).isEqualTo("NOT_JSON");
  }

  private JsonNode invoke(String event, TestContext context) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(Fixtures.eventBytes(event)), out, context);
    return JSON.readTree(out.toByteArray());
  }
}
