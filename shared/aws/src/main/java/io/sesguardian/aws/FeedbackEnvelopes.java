/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Ignored;
import io.sesguardian.domain.feedback.Json;
import io.sesguardian.domain.feedback.JsonTrees;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.RawDelivery;
import io.sesguardian.domain.feedback.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens the envelopes SES feedback arrives in and hands the domain raw deliveries (an id and the
 * SES message text): Lambda SNS events ({@code Records[].Sns}), Lambda SQS events ({@code
 * Records[].body}, holding an SNS body or, with raw message delivery, the SES message) and SNS HTTP
 * bodies ({@code Type}/{@code Message}, the message as a string or an object). SNS notices that are
 * not notifications are ignored here; the SES message itself is read only by the domain. Local
 * files ({@link #document}) may hold any of these, a bare SES message, or a JSON array of them.
 */
public final class FeedbackEnvelopes {

  /** Reads whole file documents as strictly as the domain reads SES messages. */
  private static final JsonFactory DOCUMENT = FeedbackNormalizer.STRICT;

  private FeedbackEnvelopes() {}

  /**
   * A Lambda SNS event: one delivery per record, named by its SNS {@code MessageId} ({@code
   * fallbackId#i} without one). An unreadable event is one rejected delivery: it would fail again.
   */
  public static List<RawDelivery> lambdaSns(String fallbackId, String event) {
    JsonNode records;
    try {
      records = JsonTrees.readLenient(event).path("Records");
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
      records = JsonTrees.readLenient(event).path("Records");
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
      node = JsonTrees.readLenient(body);
    } catch (IOException e) {
      return RawDelivery.of(id, body);
    }
    if (node != null && isSnsBody(node)) {
      return snsBody(id, node);
    }
    return RawDelivery.of(id, body);
  }

  /**
   * One local file document (a file, a JSON Lines line): a JSON array is read element by element
   * ({@code source#i}); a Lambda SNS or SQS event yields one delivery per record ({@code
   * source#Records[i]}); an SNS HTTP body yields its message; a bare SES message is handed over as
   * it is. A document that is not JSON, too large or not feedback at all is one rejected delivery
   * named {@code source}. Keys are matched ignoring case, as the domain matches them.
   */
  public static List<RawDelivery> document(String source, String json) {
    if (json.length() > FeedbackNormalizer.MAX_DOCUMENT_CHARS) {
      return List.of(
          RawDelivery.rejected(
              source,
              Rejection.Code.TOO_LARGE,
              String.format(
                  Locale.ROOT,
                  "input is %d characters, over the %d-character limit (Lambda delivers at most 6 MB)",
                  json.length(),
                  FeedbackNormalizer.MAX_DOCUMENT_CHARS)));
    }
    if (isBareSesMessage(json)) {
      // Nearly every replayed line: the domain parses the message, so no tree is built here.
      return List.of(RawDelivery.of(source, json));
    }
    JsonNode root;
    try {
      root = JsonTrees.read(DOCUMENT, json, true);
    } catch (JsonProcessingException e) {
      return List.of(unreadable(source, e, null));
    }
    if (root == null || root.isMissingNode()) {
      return List.of(
          RawDelivery.rejected(source, Rejection.Code.NOT_JSON, "not JSON: the input is empty"));
    }
    List<RawDelivery> deliveries = new ArrayList<>(1);
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        documentItem(root.get(i), source + "#" + i, null, deliveries);
      }
    } else {
      documentItem(root, source, json, deliveries);
    }
    return deliveries;
  }

  /**
   * A file document {@linkplain #document opened} and each of its deliveries normalised: one
   * outcome for the whole document, its items summed ({@code guardian normalize}, tests).
   */
  public static Normalized normalizeDocument(
      FeedbackNormalizer normalizer, String source, String json) {
    int items = 0;
    List<FeedbackRecord> records = new ArrayList<>();
    List<Ignored> ignored = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (RawDelivery delivery : document(source, json)) {
      Normalized n = normalizer.normalize(delivery);
      items += n.items();
      records.addAll(n.records());
      ignored.addAll(n.ignored());
      rejections.addAll(n.rejections());
    }
    return new Normalized(items, records, ignored, rejections);
  }

  /**
   * Whether {@code json} is one well-formed bare SES message, judged by streaming over its keys
   * without building a tree. Any doubt (an error, a key twice, another shape) answers {@code
   * false}, and the document is read whole, which names the problem.
   */
  private static boolean isBareSesMessage(String json) {
    try (JsonParser parser = DOCUMENT.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean ses = false;
      for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        String name = parser.currentName();
        ses |= name.equalsIgnoreCase("notificationType") || name.equalsIgnoreCase("eventType");
        parser.nextToken();
        parser.skipChildren();
      }
      return ses && parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code text} is the item's own text when it is the whole document (saves writing it again). */
  private static void documentItem(
      JsonNode node, String source, String text, List<RawDelivery> out) {
    if (!node.isObject()) {
      out.add(
          RawDelivery.rejected(
              source,
              Rejection.Code.NOT_SES_FEEDBACK,
              "expected a JSON object (an SES notification or its envelope), found "
                  + Json.describe(node)));
      return;
    }
    if (isSesEventBridgeEvent(node)) {
      // Files only: the deployed functions take SNS and SQS deliveries, not EventBridge targets.
      out.add(eventBridge(source, node));
      return;
    }
    JsonNode records = Json.get(node, "Records");
    if (records != null && records.isArray() && !Json.isSesMessage(node)) {
      for (int i = 0; i < records.size(); i++) {
        out.add(lambdaRecord(records.get(i), source + "#Records[" + i + "]"));
      }
    } else {
      out.add(fileMessage(node, source, text));
    }
  }

  /** An object standing for one delivery: a bare SES message or an SNS HTTP body. */
  private static RawDelivery fileMessage(JsonNode node, String id, String text) {
    if (Json.isSesMessage(node)) {
      return RawDelivery.of(id, text != null ? text : JsonTrees.write(node));
    }
    if (isSnsBody(node)) {
      return snsBody(id, node);
    }
    return RawDelivery.rejected(
        id,
        Rejection.Code.NOT_SES_FEEDBACK,
        "JSON object without notificationType or eventType (an SES message), Type and Message"
            + " (an SNS envelope) or source aws.ses (an EventBridge event); is this SES feedback?");
  }

  /**
   * An Amazon EventBridge event from SES, as an archive or a rule target keeps it: {@code source}
   * {@code aws.ses}, a {@code detail-type} such as {@code Email Bounced}, and the SES event record
   * as its {@code detail} (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-ses.html).
   */
  private static boolean isSesEventBridgeEvent(JsonNode node) {
    return "aws.ses".equalsIgnoreCase(text(node, "source")) && Json.get(node, "detail") != null;
  }

  /**
   * The SES event record inside an EventBridge event ({@code Email Bounced}, {@code Email
   * Delivered} ...: a record with its {@code mail} object); SES's other EventBridge events (sending
   * status, Virtual Deliverability Manager advice, API calls via CloudTrail, whose detail has an
   * {@code eventType} of its own) carry no feedback and are ignored.
   */
  private static RawDelivery eventBridge(String id, JsonNode event) {
    JsonNode detail = Json.get(event, "detail");
    JsonNode mail = detail.isObject() ? Json.get(detail, "mail") : null;
    if (Json.isSesMessage(detail) && mail != null && mail.isObject()) {
      return RawDelivery.of(id, JsonTrees.write(detail));
    }
    JsonNode type = Json.get(event, "detail-type");
    return RawDelivery.ignored(
        id,
        "SES EventBridge event"
            + (type != null && type.isTextual()
                ? " \"" + Json.preview(type.textValue()) + "\""
                : "")
            + " (not email feedback)");
  }

  /** One {@code Records[]} entry of a Lambda SNS or SQS event kept in a file. */
  private static RawDelivery lambdaRecord(JsonNode record, String id) {
    if (!record.isObject()) {
      return RawDelivery.rejected(
          id, Rejection.Code.NOT_SES_FEEDBACK, "Records[] entry is " + Json.describe(record));
    }
    JsonNode sns = Json.get(record, "Sns");
    if (sns != null && sns.isObject()) {
      return snsBody(id, sns);
    }
    JsonNode body = Json.get(record, "body");
    if (body != null && body.isTextual()) {
      // A file is read strictly, unlike a queue's body (which the domain judges): what is kept
      // in a file was meant to be feedback, so text that is no JSON object is named as such.
      JsonNode parsed;
      try {
        parsed = JsonTrees.read(DOCUMENT, body.textValue(), true);
      } catch (JsonProcessingException e) {
        return unreadable(id, e, "the SQS message body ");
      }
      if (parsed == null || !parsed.isObject()) {
        return parsed == null || parsed.isMissingNode()
            ? RawDelivery.rejected(id, Rejection.Code.NOT_JSON, "the SQS message body is empty")
            : RawDelivery.rejected(
                id,
                Rejection.Code.NOT_SES_FEEDBACK,
                "the SQS message body is " + Json.describe(parsed) + ", not an SNS or SES message");
      }
      return fileMessage(parsed, id, body.textValue());
    }
    return RawDelivery.rejected(
        id,
        Rejection.Code.NOT_SES_FEEDBACK,
        "Records[] entry has neither Sns (an SNS event) nor body (an SQS event)");
  }

  /**
   * Text that is not one JSON document: not JSON, or a key given twice. {@code subject} names it
   * ("the SQS message body "), {@code null} for the whole document.
   */
  private static RawDelivery unreadable(String id, JsonProcessingException e, String subject) {
    String problem = e.getOriginalMessage();
    if (Json.unreadable(e) == Rejection.Code.DUPLICATE_KEY) {
      return RawDelivery.rejected(
          id,
          Rejection.Code.DUPLICATE_KEY,
          (subject == null ? "a key appears twice in one object: " : subject + "has a key twice: ")
              + problem);
    }
    return RawDelivery.rejected(
        id,
        Rejection.Code.NOT_JSON,
        (subject == null ? "not JSON: " : subject + "is not JSON: ") + problem);
  }

  private static boolean isSnsBody(JsonNode node) {
    return node.isObject() && Json.get(node, "Type") != null && Json.get(node, "Message") != null;
  }

  private static String text(JsonNode object, String name) {
    JsonNode value = Json.get(object, name);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static RawDelivery snsBody(String id, JsonNode sns) {
    String type = text(sns, "Type");
    if (type != null && !type.equalsIgnoreCase("Notification")) {
      return RawDelivery.ignored(id, "SNS " + type + " (not a notification)");
    }
    JsonNode message = Json.get(sns, "Message");
    String messageId = text(sns, "MessageId");
    String timestamp = text(sns, "Timestamp");
    if (message == null || message.isNull()) {
      return RawDelivery.rejected(
          id, Rejection.Code.NOT_SES_FEEDBACK, "the SNS envelope has no Message");
    }
    if (message.isTextual()) {
      return RawDelivery.viaSns(id, message.textValue(), messageId, timestamp);
    }
    if (message.isObject()) {
      return RawDelivery.viaSns(id, JsonTrees.write(message), messageId, timestamp);
    }
    return RawDelivery.rejected(
        id, Rejection.Code.MALFORMED, "the SNS Message is " + Json.describe(message));
  }
}
