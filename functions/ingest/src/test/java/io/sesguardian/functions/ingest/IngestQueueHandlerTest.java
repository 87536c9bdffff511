/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.RecordingTelemetry;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestQueueHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final IngestQueueHandler handler =
      new IngestQueueHandler(TestWiring.ingest(store, clock, new RecordingTelemetry()));

  @Test
  void batch_isStoredAsOneUnit_withNoItemFailures() throws Exception {
    JsonNode out = invoke(Fixtures.eventBytes("sqs/batch-mixed.json"));
    assertThat(out.get("batchItemFailures")).isEmpty();
    assertThat(store.applyCalls()).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.ITEMS)).isEqualTo(3);
    assertThat(store.allSuppressions()).hasSize(2);
  }

  @Test
  void storeFailure_reportsEveryUnstoredMessage_forRedelivery() throws Exception {
    store.failNextApplies(1);
    JsonNode out = invoke(Fixtures.eventBytes("sqs/batch-mixed.json"));
    List<String> failed = new ArrayList<>();
    out.get("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
    List<String> ids = new ArrayList<>();
    JSON.readTree(Fixtures.eventBytes("sqs/batch-mixed.json"))
        .get("Records")
        .forEach(r -> ids.add(r.get("messageId").asText()));
    assertThat(failed).containsExactlyElementsOf(ids);
    assertThat(invoke(Fixtures.eventBytes("sqs/batch-mixed.json")).get("batchItemFailures"))
        .isEmpty();
  }

  @Test
  void rejectedMessage_isNotAFailure() throws Exception {
    String event =
        "{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"not json\",\"eventSource\":\"aws:sqs\"}]}";
    JsonNode out = invoke(event.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(out.get("batchItemFailures")).isEmpty();
    assertThat(store.total(Scope.ACCOUNT, CounterField.REJECTED)).isEqualTo(1);
  }

  private JsonNode invoke(byte[] event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext("r"));
    return JSON.readTree(out.toByteArray());
  }
}
