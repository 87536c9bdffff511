/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.MetricUnit;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.RecordingTelemetry;
import io.sesguardian.testkit.StubSesSuppressionList;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final StubSesSuppressionList ses = new StubSesSuppressionList(clock);
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final OutboxHandler handler =
      new OutboxHandler(
          new SuppressionSync(
              store,
              store,
              ses,
              new Pacer(clock, clock.sleeper(), Duration.ofSeconds(1)),
              clock,
              SuppressionSync.Settings.DEFAULT.withoutImport()),
          clock,
          telemetry);

  @BeforeEach
  void storeAHardBounce() {
    String event = "ses/notification/bounce-permanent-general.json";
    new IngestService(store, IngestPolicy.DEFAULT, clock)
        .ingest(
            List.of(
                new FeedbackNormalizer()
                    .normalize(
                        event, new String(Fixtures.eventBytes(event), StandardCharsets.UTF_8))));
  }

  @Test
  void inTheSandbox_holdsAndSaysWhy() throws Exception {
    ses.productionAccess(false);
    TestContext context = new TestContext("o");
    JsonNode out = run(context);
    assertThat(out.get("sandbox").asBoolean()).isTrue();
    assertThat(out.get("pending").asInt()).isEqualTo(1);
    assertThat(out.get("message").asText()).contains("sandbox").contains("production access");
  }

  @Test
  void outOfTheSandbox_pushesPendingSuppressions() throws Exception {
    ses.productionAccess(true);
    ses.suppressedReasons();
    JsonNode out = run(new TestContext("o"));
    assertThat(out.get("synced").asInt()).isEqualTo(1);
    assertThat(out.get("pending").asInt()).isZero();
    assertThat(ses.held()).hasSize(1);
    assertThat(telemetry.metric("OutboxSynced")).map(Metric::value).contains(1.0);
    assertThat(telemetry.metric("OutboxOldestAgeSeconds"))
        .map(Metric::unit)
        .contains(MetricUnit.SECONDS);
  }

  @Test
  void logs_neverShowTheFullAddress_whenSesOrTheStoreFailQuotingIt() throws Exception {
    String event = "ses/notification/bounce-permanent-general.json";
    String address =
        new FeedbackNormalizer()
            .normalize(event, new String(Fixtures.eventBytes(event), StandardCharsets.UTF_8))
            .records()
            .get(0)
            .address();
    String local = address.substring(0, address.indexOf('@'));
    ses.productionAccess(true);
    ses.suppressedReasons();
    ses.refuse(address, "BadRequestException: Email address " + address + " is not valid");
    List<String> thrown = new ArrayList<>();

    runCatching(new TestContext("refused"), thrown);
    ses.allow(address);
    clock.advance(Duration.ofHours(2));
    store.unavailableForNext(1);
    runCatching(new TestContext("outage"), thrown);
    clock.advance(Duration.ofDays(1));
    runCatching(new TestContext("synced"), thrown);

    assertThat(ses.held()).as("synced in the end").hasSize(1);
    assertThat(telemetry.text()).doesNotContain(address).doesNotContain(local + "@");
    assertThat(String.join("\n", thrown)).doesNotContain(address).doesNotContain(local + "@");
  }

  private void runCatching(TestContext context, List<String> thrown) {
    try {
      thrown.add(run(context).toString());
    } catch (Exception e) {
      thrown.add(String.valueOf(e));
    }
  }

  private JsonNode run(TestContext context) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, context);
    return JSON.readTree(out.toByteArray());
  }
}
