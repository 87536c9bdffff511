/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.Deadlines;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.RecordingTelemetry;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A throttled store (each write takes seconds of retries, measured on a stepping clock, no real
 * sleep) must make the SQS handler answer before the invocation ends, handing back every message it
 * did not finish as a {@code batchItemFailures} entry instead of being killed at the timeout.
 */
class IngestQueueDeadlineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MESSAGES = 3 * IngestHandler.UNIT;

  private final MutableClock clock = MutableClock.at("2026-04-01T00:00:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final IngestQueueHandler handler =
      new IngestQueueHandler(TestWiring.ingest(store, clock, new RecordingTelemetry()));

  @Test
  void throttledStoreThatNeverSucceeds_returnsEveryMessage_beforeTheInvocationEnds()
      throws Exception {
    store.beforeEachApply(() -> clock.advance(Duration.ofSeconds(4)));
    store.failNextApplies(Integer.MAX_VALUE);
    Instant end = clock.instant().plusSeconds(10);

    List<String> failures = invoke(end);

    assertThat(failures).containsExactlyElementsOf(ids(0, MESSAGES));
    assertThat(store.applyCalls())
        .as("the third unit did not fit and was not started")
        .isEqualTo(2);
    assertThat(clock.instant()).isBefore(end.minus(Deadlines.MARGIN).plusMillis(1));
  }

  @Test
  void slowStore_storesWhatFits_andReturnsOnlyTheUnstartedMessages() throws Exception {
    store.beforeEachApply(() -> clock.advance(Duration.ofSeconds(3)));
    Instant end = clock.instant().plusSeconds(9);

    List<String> failures = invoke(end);

    assertThat(failures).containsExactlyElementsOf(ids(2 * IngestHandler.UNIT, MESSAGES));
    assertThat(store.allSuppressions()).hasSize(2 * IngestHandler.UNIT);
    assertThat(clock.instant()).isBefore(end);
  }

  @Test
  void noTimeLeftAtAll_startsNothing_andReturnsTheWholeBatch() throws Exception {
    Instant end = clock.instant().plus(Deadlines.MARGIN);

    assertThat(invoke(end)).containsExactlyElementsOf(ids(0, MESSAGES));
    assertThat(store.applyCalls()).isZero();
  }

  private List<String> invoke(Instant end) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(JSON.writeValueAsBytes(batch())),
        out,
        new TestContext("r", clock, end));
    List<String> failures = new ArrayList<>();
    JSON.readTree(out.toByteArray())
        .get("batchItemFailures")
        .forEach((JsonNode f) -> failures.add(f.get("itemIdentifier").asText()));
    return failures;
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "msg-" + i).toList();
  }

  /** {@code MESSAGES} raw-delivered hard bounces, each to its own recipient. */
  private static ObjectNode batch() {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < MESSAGES; i++) {
      String bounce =
          ("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                  + "\"bounceSubType\":\"General\",\"feedbackId\":\"fb-%d\","
                  + "\"timestamp\":\"2026-03-31T23:00:00Z\","
                  + "\"bouncedRecipients\":[{\"emailAddress\":\"user%d@example.com\"}]},"
                  + "\"mail\":{\"messageId\":\"m-%d\",\"timestamp\":\"2026-03-31T23:00:00Z\"}}")
              .formatted(i, i, i);
      records.addObject().put("messageId", "msg-" + i).put("body", bounce);
    }
    return event;
  }
}
