/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.feedback.RawDelivery;
import io.sesguardian.domain.feedback.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the envelopes SES feedback arrives in and hands the domain raw deliveries (an id and the
 * SES message text): Lambda SNS events ({@code Records[].Sns}), Lambda SQS events ({@code
 * Records[].body}, holding an SNS body or, with raw message delivery, the SES message) and SNS HTTP
 * bodies ({@code Type}/{@code Message}, the message as a string or an object). SNS notices that are
 * not notifications are ignored here; the SES message itself is read only by the domain.
 */
public final class FeedbackEnvelopes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedbackEnvelopes() {}

  /**
   * A Lambda SNS event: one delivery per record, named by its SNS {@code MessageId} ({@code
   * fallbackId#i} without one). An unreadable event is one rejected delivery: it would fail again.
   */
  public static List<RawDelivery> lambdaSns(String fallbackId, String event) {
    JsonNode records;
    try {
      records = JSON.readTree(event).path("Records");
    } catch (JsonProcessingException e) {
      return List.of(
          RawDelivery.rejected(
              fallbackId,
              Rejection.Code.NOT_JSON,
              "the Lambda event is not JSON: " + e.getOriginalMessage()));
    }
    if (!records.isArray() || records.isEmpty()) {
      return List.of(
          RawDelivery.rejected(
              fallbackId,
              Rejection.Code.NOT_SES_FEEDBACK,
              "the Lambda event has no SNS Records[]"));
    }
    List<RawDelivery> deliveries = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode sns = records.get(i).path("Sns");
      String id = sns.path("MessageId").asText(fallbackId + "#" + i);
      deliveries.add(
          sns.isObject()
              ? snsBody(id, sns)
              : RawDelivery.rejected(
                  id, Rejection.Code.NOT_SES_FEEDBACK, "Records[" + i + "] has no Sns object"));
    }
    return deliveries;
  }

  /**
   * A Lambda SQS event: one delivery per message, named by its {@code messageId} (the id {@code
   * batchItemFailures} answers with). Thrown when the event itself cannot be read: Lambda then
   * retries the whole batch, which is all it could do with an answer naming no message.
   */
  public static List<RawDelivery> lambdaSqs(String event) {
    JsonNode records;
    try {
      records = JSON.readTree(event).path("Records");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the SQS event is not JSON", e);
    }
    List<RawDelivery> deliveries = new ArrayList<>(records.size());
    for (JsonNode record : records) {
      deliveries.add(body(record.path("messageId").asText(""), record.path("body").asText("")));
    }
    return deliveries;
  }

  /**
   * One SQS message body or SNS HTTP body: an SNS envelope is opened; anything else (raw message
   * delivery) is handed to the domain as the SES message itself, which judges it.
   */
  public static RawDelivery body(String id, String body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      return RawDelivery.of(id, body);
    }
    if (node != null && node.isObject() && node.has("Type") && node.has("Message")) {
      return snsBody(id, node);
    }
    return RawDelivery.of(id, body);
  }

  private static RawDelivery snsBody(String id, JsonNode sns) {
    String type = sns.path("Type").asText("Notification");
    if (!type.equalsIgnoreCase("Notification")) {
      return RawDelivery.ignored(id, "SNS " + type + " (not a notification)");
    }
    JsonNode message = sns.path("Message");
    String messageId = sns.hasNonNull("MessageId") ? sns.get("MessageId").asText() : null;
    String timestamp = sns.hasNonNull("Timestamp") ? sns.get("Timestamp").asText() : null;
    if (message.isTextual()) {
      return RawDelivery.viaSns(id, message.textValue(), messageId, timestamp);
    }
    if (message.isObject()) {
      return RawDelivery.viaSns(id, message.toString(), messageId, timestamp);
    }
    return message.isMissingNode() || message.isNull()
        ? RawDelivery.rejected(
            id, Rejection.Code.NOT_SES_FEEDBACK, "the SNS envelope has no Message")
        : RawDelivery.rejected(
            id, Rejection.Code.MALFORMED, "the SNS Message is a " + message.getNodeType());
  }
}
