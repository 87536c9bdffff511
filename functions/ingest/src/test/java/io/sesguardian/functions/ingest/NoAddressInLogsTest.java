/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.InMemoryRejectedItems;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.RecordingTelemetry;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every log line and metric of both ingest wirings (SNS and SQS), for hostile input that quotes
 * addresses where no address belongs, for a bounce whose store write fails, and for an outage: none
 * holds a full address. (What an address may appear as: masked {@code v***@example.com} or hashed.)
 */
class NoAddressInLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "victim.one";
  private static final String ADDRESS = SECRET + "@example.com";
  private static final String BOUNCED = "jane.private";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final FeedbackIngest ingest =
      TestWiring.ingest(store, clock, telemetry, new InMemoryRejectedItems(clock));

  private static List<String> hostileMessages() {
    return List.of(
        "Delivery failed for " + ADDRESS,
        "{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m1\",\"timestamp\":"
            + "\"2026-03-01T00:00:00Z\"},\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bounceSubType\":\"General\",\"feedbackId\":\"f1\",\"timestamp\":"
            + "\"2026-03-01T00:00:00Z\",\"bouncedRecipients\":[{\"emailAddress\":\""
            + SECRET
            + "@exa\\u202emple.com\"},{\"emailAddress\":\""
            + ADDRESS
            + "@other.example\"}]}}",
        "{\"notificationType\":\"Bounce\",\"notificationType\":\"" + ADDRESS + "\"}",
        "{\"notificationType\":\"Complaint\",\"mail\":{\"messageId\":\"" + ADDRESS + "\"}}",
        "{\"notificationType\":\"" + ADDRESS + "\",\"mail\":{}}",
        "{\"notificationType\":\"Bounce\",\"mail\":{\"timestamp\":\"" + ADDRESS + "\"}}");
  }

  private static String hardBounce(String to) {
    return ("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bounceSubType\":\"General\",\"feedbackId\":\"fb-1\","
            + "\"timestamp\":\"2026-04-01T10:00:00.000Z\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + "\"mail\":{\"timestamp\":\"2026-04-01T09:59:58.000Z\",\"messageId\":\"m-1\","
            + "\"destination\":[\"%s\"]}}")
        .formatted(to, to);
  }

  private static String snsEvent(String message) throws Exception {
    ObjectNode event = JSON.createObjectNode();
    ObjectNode sns = event.putArray("Records").addObject().putObject("Sns");
    sns.put("Type", "Notification");
    sns.put("MessageId", "sns-1");
    sns.put("Timestamp", "2026-04-01T10:00:01.000Z");
    sns.put("Message", message);
    return JSON.writeValueAsString(event);
  }

  @Test
  void snsWiring_logsNoFullAddress_forHostileInput_aFailedWrite_orAnOutage() throws Exception {
    IngestHandler handler = new IngestHandler(ingest);
    List<String> thrown = new ArrayList<>();
    int n = 0;
    for (String message : hostileMessages()) {
      invoke(handler, snsEvent(message), "sns-" + n++, thrown);
      invoke(handler, message, "raw-" + n++, thrown);
    }
    store.failNextApplies(1);
    invoke(handler, snsEvent(hardBounce(BOUNCED + "@example.com")), "failing", thrown);
    store.unavailableForNext(1);
    invoke(handler, snsEvent(hardBounce(BOUNCED + "@example.com")), "outage", thrown);
    invoke(handler, snsEvent(hardBounce(BOUNCED + "@example.com")), "stored", thrown);

    assertThat(store.allSuppressions()).as("the real bounce is stored in the end").hasSize(1);
    assertThat(telemetry.text()).contains("***@").doesNotContain(SECRET).doesNotContain(BOUNCED);
    assertThat(String.join("\n", thrown)).doesNotContain(SECRET).doesNotContain(BOUNCED);
  }

  @Test
  void queueWiring_logsNoFullAddress_forHostileInput_aFailedWrite_orAnOutage() throws Exception {
    IngestQueueHandler handler = new IngestQueueHandler(ingest);
    List<String> thrown = new ArrayList<>();
    ObjectNode event = JSON.createObjectNode();
    int n = 0;
    for (String message : hostileMessages()) {
      ObjectNode record = event.withArray("Records").addObject();
      record.put("messageId", "q-" + n++);
      record.put("body", n % 2 == 0 ? message : snsEnvelope(message));
    }
    ObjectNode bounce = event.withArray("Records").addObject();
    bounce.put("messageId", "q-bounce");
    bounce.put("body", snsEnvelope(hardBounce(BOUNCED + "@example.com")));
    String batch = JSON.writeValueAsString(event);

    store.failNextApplies(1);
    invoke(handler, batch, "failing", thrown);
    store.unavailableForNext(1);
    invoke(handler, batch, "outage", thrown);
    invoke(handler, batch, "stored", thrown);

    assertThat(store.allSuppressions()).as("the real bounce is stored in the end").hasSize(1);
    assertThat(telemetry.text()).contains("***@").doesNotContain(SECRET).doesNotContain(BOUNCED);
    assertThat(String.join("\n", thrown)).doesNotContain(SECRET).doesNotContain(BOUNCED);
  }

  private static String snsEnvelope(String message) throws Exception {
    ObjectNode sns = JSON.createObjectNode();
    sns.put("Type", "Notification");
    sns.put("MessageId", "sns-1");
    sns.put("Timestamp", "2026-04-01T10:00:01.000Z");
    sns.put("Message", message);
    return JSON.writeValueAsString(sns);
  }

  private static void invoke(
      com.amazonaws.services.lambda.runtime.RequestStreamHandler handler,
      String event,
      String request,
      List<String> thrown) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
          out,
          new TestContext(request));
    } catch (Exception e) {
      // Lambda logs an invocation's error (message and stack) itself: it must be clean too.
      thrown.add(String.valueOf(e));
    }
    thrown.add(out.toString(StandardCharsets.UTF_8));
  }
}
