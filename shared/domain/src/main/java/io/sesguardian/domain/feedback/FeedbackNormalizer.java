/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns SES messages into one {@link FeedbackRecord} per recipient.
 *
 * <p>The input is a {@link RawDelivery}: the SES message text (in either SES format) an envelope
 * adapter took out of a Lambda SNS or SQS event, an SNS HTTP body or a local file, or that
 * adapter's decision (ignored, rejected). Envelopes are never opened here. Keys are matched
 * case-insensitively; unknown fields are ignored. One bad recipient never stops the others: it
 * becomes a {@link Rejection} naming the delivery and the problem. This class never throws for any
 * message text; it is thread-safe.
 */
public final class FeedbackNormalizer {

  /** Lambda's payload limit is 6 MB; nothing larger can be a real delivery. */
  public static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

  /** Identifiers, addresses, tags and names: SES never sends one longer than this. */
  static final int MAX_SHORT_FIELD = 2048;

  /**
   * SES's limit on a configuration set's name ("Contain 64 characters or fewer", Amazon SES API
   * Reference, ConfigurationSet:
   * https://docs.aws.amazon.com/ses/latest/APIReference/API_ConfigurationSet.html). A longer name
   * cannot come from SES, and it would make a counter key no store can hold.
   */
  static final int MAX_CONFIGURATION_SET = 64;

  /** Diagnostic codes and SMTP responses. */
  static final int MAX_LONG_FIELD = 64 * 1024;

  static final String VALIDATION_NOTICE = "Successfully validated SNS topic";

  /**
   * Reads SES messages and whole documents: strict (a key twice, trailing content and oversized
   * numbers are refused) and bounded by {@link #MAX_DOCUMENT_CHARS}. The envelope adapters read
   * with it too, so that a document is judged the same at every layer.
   */
  public static final JsonFactory STRICT = JsonTrees.strict(MAX_DOCUMENT_CHARS);

  /**
   * Normalises one bare SES message text (a file holding one message, a test's message), named
   * {@code source}: the same as {@link #normalize(RawDelivery)} of {@link RawDelivery#of}.
   * Envelopes are not opened here; an adapter turns them into raw deliveries first.
   */
  public Normalized normalize(String source, String json) {
    return normalize(RawDelivery.of(source, json));
  }

  /**
   * Normalises one delivery an envelope adapter opened: its SES message text, or the adapter's
   * decision. Counts as one item; records, rejections and ignores are named by the delivery's id.
   */
  public Normalized normalize(RawDelivery delivery) {
    Collector out = new Collector();
    out.item();
    if (delivery.ignored() != null) {
      out.ignored.add(delivery.ignored());
    } else if (delivery.rejection() != null) {
      out.rejections.add(delivery.rejection());
    } else {
      try {
        message(
            delivery.message(),
            delivery.snsMessageId() == null ? "the message" : "the SNS Message",
            delivery.id(),
            delivery.snsMessageId(),
            delivery.snsTimestamp(),
            out);
      } catch (BadItemException e) {
        out.reject(delivery.id(), e.code, e.getMessage());
      }
    }
    return out.result();
  }

  /** An SES message given as text ({@code what} names it in rejections: "the SNS Message"). */
  private void message(
      String raw,
      String what,
      String source,
      String snsMessageId,
      String snsTimestamp,
      Collector out)
      throws BadItemException {
    String text = raw.strip();
    if (text.startsWith(VALIDATION_NOTICE)) {
      out.ignore(source, "SES topic validation notice");
      return;
    }
    if (!text.startsWith("{")) {
      throw new BadItemException(
          Rejection.Code.NOT_SES_FEEDBACK,
          what + " is plain text, not an SES notification: \"" + Json.preview(text) + "\"");
    }
    JsonNode ses = checkedSes(parseEmbedded(text, what), what);
    sesMessage(ses, source, snsMessageId, snsTimestamp, out);
  }

  private static JsonNode checkedSes(JsonNode ses, String what) throws BadItemException {
    if (!Json.isSesMessage(ses)) {
      throw new BadItemException(
          Rejection.Code.NOT_SES_FEEDBACK,
          what + " has neither notificationType nor eventType; is this topic SES's?");
    }
    return ses;
  }

  private void sesMessage(
      JsonNode ses, String source, String snsMessageId, String snsTimestamp, Collector out)
      throws BadItemException {
    JsonNode eventType = Json.get(ses, "eventType");
    WireFormat format = WireFormat.EVENT_TYPE;
    String typeField = "eventType";
    if (eventType == null || eventType.isNull()) {
      format = WireFormat.NOTIFICATION_TYPE;
      typeField = "notificationType";
    }
    String type = Json.text(ses, typeField, typeField, MAX_SHORT_FIELD);
    if (type == null || type.isBlank()) {
      throw new BadItemException(Rejection.Code.MALFORMED, typeField + " is empty");
    }
    if (type.equalsIgnoreCase("AmazonSnsSubscriptionSucceeded")) {
      out.ignore(source, "SES notification-topic setup notice");
      return;
    }
    if (format == WireFormat.NOTIFICATION_TYPE && type.equalsIgnoreCase("Received")) {
      // SES email receiving (a receipt rule's actions publish these to SNS): mail that came to
      // the account, from someone else's domain. It says nothing about the account's sending, so
      // it is neither counted nor a sending-domain scope. notificationType "Received":
      // https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html
      out.ignore(source, "SES email-receiving notification (Received), not sending feedback");
      return;
    }
    FeedbackKind kind = FeedbackKind.fromWire(type);

    JsonNode mail = Json.object(ses, "mail", "mail");
    String sesMessageId = Json.text(mail, "messageId", "mail.messageId", MAX_SHORT_FIELD);
    List<String> timeProblems = new ArrayList<>(0);
    Instant mailTime = time(mail, "timestamp", "mail.timestamp", timeProblems);
    Map<String, List<String>> tags = tags(mail);
    String source0 = Json.text(mail, "source", "mail.source", MAX_SHORT_FIELD);
    String sender = null;
    String senderDomain = null;
    if (source0 != null) {
      Addresses.Parsed parsed = Addresses.parse(source0);
      if (parsed.ok()) {
        sender = parsed.address();
        senderDomain = Addresses.domainOf(sender);
      }
    }
    if (senderDomain == null) {
      senderDomain = firstTag(tags, "ses:from-domain");
      senderDomain = senderDomain == null ? null : senderDomain.toLowerCase(Locale.ROOT);
    }
    String configurationSet = firstTag(tags, "ses:configuration-set");
    if (configurationSet == null) {
      configurationSet = header(mail, "X-SES-CONFIGURATION-SET");
    }
    if (configurationSet != null && configurationSet.length() > MAX_CONFIGURATION_SET) {
      throw new BadItemException(
          Rejection.Code.TOO_LARGE,
          "the configuration set name is "
              + configurationSet.length()
              + " characters long; SES allows at most "
              + MAX_CONFIGURATION_SET);
    }

    String detailField = detailField(kind);
    JsonNode detail = detailField == null ? null : Json.object(ses, detailField, detailField);
    Instant eventTime =
        detail == null ? null : time(detail, "timestamp", detailField + ".timestamp", timeProblems);
    if (eventTime == null) {
      eventTime = mailTime;
    }
    if (eventTime == null && snsTimestamp != null) {
      eventTime = Timestamps.parse(snsTimestamp).orElse(null);
      if (eventTime == null) {
        timeProblems.add(
            "the SNS Timestamp \"" + Json.preview(snsTimestamp) + "\" is not a timestamp");
      }
    }
    if (eventTime == null) {
      throw new BadItemException(
          Rejection.Code.BAD_TIMESTAMP,
          timeProblems.isEmpty()
              ? "no timestamp: "
                  + (detailField == null ? "" : detailField + ".timestamp, ")
                  + "mail.timestamp and the SNS Timestamp are all missing"
              : "no usable timestamp: " + String.join("; ", timeProblems));
    }

    BounceType bounceType = null;
    String bounceSubType = null;
    String feedbackType = null;
    String complaintSubType = null;
    String feedbackId = null;
    if (kind == FeedbackKind.BOUNCE && detail != null) {
      String rawType = Json.text(detail, "bounceType", "bounce.bounceType", MAX_SHORT_FIELD);
      bounceType = rawType == null ? BounceType.UNDETERMINED : BounceType.fromWire(rawType);
      bounceSubType = Json.text(detail, "bounceSubType", "bounce.bounceSubType", MAX_SHORT_FIELD);
      feedbackId = Json.text(detail, "feedbackId", "bounce.feedbackId", MAX_SHORT_FIELD);
    } else if (kind == FeedbackKind.COMPLAINT && detail != null) {
      feedbackType =
          Json.text(
              detail, "complaintFeedbackType", "complaint.complaintFeedbackType", MAX_SHORT_FIELD);
      complaintSubType =
          Json.text(detail, "complaintSubType", "complaint.complaintSubType", MAX_SHORT_FIELD);
      feedbackId = Json.text(detail, "feedbackId", "complaint.feedbackId", MAX_SHORT_FIELD);
    }
    String deliveryResponse =
        kind == FeedbackKind.DELIVERY && detail != null
            ? Json.text(detail, "smtpResponse", "delivery.smtpResponse", MAX_LONG_FIELD)
            : null;

    List<RecipientEntry> recipients = recipients(kind, detail, detailField, mail);
    if (recipients.isEmpty()) {
      if (kind == FeedbackKind.UNKNOWN) {
        recipients = List.of(new RecipientEntry(null, null, null, null, null));
      } else {
        throw new BadItemException(Rejection.Code.NO_RECIPIENTS, noRecipients(kind, detailField));
      }
    }
    for (RecipientEntry r : recipients) {
      String address = null;
      boolean simulator = false;
      if (r.raw != null) {
        Addresses.Parsed parsed = Addresses.parse(r.raw);
        if (!parsed.ok()) {
          out.reject(
              source,
              Rejection.Code.IMPLAUSIBLE_RECIPIENT,
              String.format(
                  Locale.ROOT,
                  "%s \"%s\" is not a plausible address: it %s",
                  r.path,
                  Addresses.mask(r.raw),
                  parsed.problem()));
          continue;
        }
        address = parsed.address();
        simulator = Addresses.isSimulator(address);
      }
      out.records.add(
          new FeedbackRecord(
              source,
              format,
              kind,
              type,
              r.raw,
              address,
              simulator,
              bounceType,
              bounceSubType,
              feedbackType,
              complaintSubType,
              sesMessageId,
              feedbackId,
              snsMessageId,
              eventTime,
              mailTime,
              sender,
              senderDomain,
              configurationSet,
              tags,
              r.diagnosticCode != null ? r.diagnosticCode : deliveryResponse,
              r.status,
              Classifier.classify(
                  kind,
                  bounceType,
                  bounceSubType,
                  new Dsn(r.status, r.action, r.diagnosticCode),
                  feedbackType,
                  complaintSubType,
                  simulator)));
    }
  }

  private static String noRecipients(FeedbackKind kind, String detailField) {
    return switch (kind) {
      case BOUNCE ->
          "the bounce names no recipients (bounce.bouncedRecipients is missing or empty)";
      case COMPLAINT ->
          "the complaint names no recipients (complaint.complainedRecipients is missing or empty)";
      default ->
          String.format(
              Locale.ROOT,
              "the %s event names no recipients (%smail.destination is missing or empty)",
              kind.jsonName(),
              kind == FeedbackKind.DELIVERY || kind == FeedbackKind.DELIVERY_DELAY
                  ? detailField + " recipients and "
                  : "");
    };
  }

  private static List<RecipientEntry> recipients(
      FeedbackKind kind, JsonNode detail, String detailField, JsonNode mail)
      throws BadItemException {
    String listField =
        switch (kind) {
          case BOUNCE -> "bouncedRecipients";
          case COMPLAINT -> "complainedRecipients";
          case DELIVERY -> "recipients";
          case DELIVERY_DELAY -> "delayedRecipients";
          default -> null;
        };
    if (listField != null) {
      List<RecipientEntry> own =
          detail == null
              ? List.of()
              : recipientList(detail, listField, detailField + "." + listField);
      if (!own.isEmpty() || kind == FeedbackKind.BOUNCE || kind == FeedbackKind.COMPLAINT) {
        return own;
      }
    }
    return recipientList(mail, "destination", "mail.destination");
  }

  private static List<RecipientEntry> recipientList(JsonNode parent, String field, String path)
      throws BadItemException {
    JsonNode list = parent == null ? null : Json.get(parent, field);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new BadItemException(
          Rejection.Code.MALFORMED, path + " should be an array but is " + Json.describe(list));
    }
    List<RecipientEntry> entries = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String entryPath = path + "[" + i + "]";
      if (entry.isTextual()) {
        entries.add(new RecipientEntry(entry.textValue(), entryPath, null, null, null));
      } else if (entry.isObject()) {
        String raw =
            Json.text(entry, "emailAddress", entryPath + ".emailAddress", Integer.MAX_VALUE);
        if (raw == null) {
          throw new BadItemException(
              Rejection.Code.NO_RECIPIENTS, entryPath + " has no emailAddress");
        }
        entries.add(
            new RecipientEntry(
                raw,
                entryPath + ".emailAddress",
                Json.text(entry, "diagnosticCode", entryPath + ".diagnosticCode", MAX_LONG_FIELD),
                Json.text(entry, "status", entryPath + ".status", MAX_SHORT_FIELD),
                Json.text(entry, "action", entryPath + ".action", MAX_SHORT_FIELD)));
      } else {
        throw new BadItemException(
            Rejection.Code.MALFORMED,
            entryPath + " should be an address or an object but is " + Json.describe(entry));
      }
    }
    return entries;
  }

  private static Map<String, List<String>> tags(JsonNode mail) throws BadItemException {
    JsonNode tags = mail == null ? null : Json.get(mail, "tags");
    if (tags == null || tags.isNull()) {
      return Map.of();
    }
    if (!tags.isObject()) {
      throw new BadItemException(
          Rejection.Code.MALFORMED, "mail.tags should be an object but is " + Json.describe(tags));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> tag : tags.properties()) {
      String path = "mail.tags." + tag.getKey();
      if (tag.getKey().length() > MAX_SHORT_FIELD) {
        throw new BadItemException(
            Rejection.Code.TOO_LARGE,
            "a mail.tags name is over " + MAX_SHORT_FIELD + " characters");
      }
      JsonNode values = tag.getValue();
      List<String> list;
      if (values.isArray()) {
        list = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
          String value = Json.scalar(values.get(i), path + "[" + i + "]", MAX_SHORT_FIELD);
          if (value != null) {
            list.add(value);
          }
        }
        list = Collections.unmodifiableList(list);
      } else {
        String value = Json.scalar(values, path, MAX_SHORT_FIELD);
        list = value == null ? List.of() : List.of(value);
      }
      out.put(tag.getKey(), list);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The first value of an SES tag; SES's own tag names are matched ignoring case. */
  private static String firstTag(Map<String, List<String>> tags, String name) {
    List<String> values = tags.get(name);
    if (values == null) {
      for (Map.Entry<String, List<String>> tag : tags.entrySet()) {
        if (tag.getKey().equalsIgnoreCase(name)) {
          values = tag.getValue();
          break;
        }
      }
    }
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String header(JsonNode mail, String name) throws BadItemException {
    JsonNode headers = mail == null ? null : Json.get(mail, "headers");
    if (headers == null || !headers.isArray()) {
      return null;
    }
    for (JsonNode header : headers) {
      if (header.isObject()) {
        String headerName = Json.text(header, "name", "mail.headers[].name", MAX_SHORT_FIELD);
        if (name.equalsIgnoreCase(headerName)) {
          return Json.text(header, "value", "mail.headers[].value", MAX_SHORT_FIELD);
        }
      }
    }
    return null;
  }

  /**
   * A timestamp field, or {@code null} when absent or unreadable; an unreadable one is noted in
   * {@code problems} so the item is rejected only when no usable time is left.
   */
  private static Instant time(JsonNode parent, String field, String path, List<String> problems)
      throws BadItemException {
    String text = parent == null ? null : Json.text(parent, field, path, MAX_SHORT_FIELD);
    if (text == null || text.isBlank()) {
      return null;
    }
    Instant parsed = Timestamps.parse(text).orElse(null);
    if (parsed == null) {
      problems.add(path + " \"" + Json.preview(text) + "\" is not a timestamp");
    }
    return parsed;
  }

  private static String detailField(FeedbackKind kind) {
    return switch (kind) {
      case SEND -> "send";
      case DELIVERY -> "delivery";
      case BOUNCE -> "bounce";
      case COMPLAINT -> "complaint";
      case REJECT -> "reject";
      case DELIVERY_DELAY -> "deliveryDelay";
      case OPEN -> "open";
      case CLICK -> "click";
      case RENDERING_FAILURE -> "failure";
      case SUBSCRIPTION -> "subscription";
      case UNKNOWN -> null;
    };
  }

  private static JsonNode parseEmbedded(String text, String what) throws BadItemException {
    if (text.length() > MAX_DOCUMENT_CHARS) {
      throw new BadItemException(
          Rejection.Code.TOO_LARGE, what + " is over " + MAX_DOCUMENT_CHARS + " characters");
    }
    try {
      JsonNode node = JsonTrees.read(STRICT, text, true);
      if (node == null || node.isMissingNode()) {
        throw new BadItemException(Rejection.Code.NOT_JSON, what + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw unreadable(e, what);
    }
  }

  /**
   * Why a text could not be read as one JSON document: not JSON, or a key given twice. {@code
   * subject} names the text ("the SNS Message").
   */
  private static BadItemException unreadable(JsonProcessingException e, String subject) {
    Rejection.Code code = Json.unreadable(e);
    return new BadItemException(
        code,
        subject
            + (code == Rejection.Code.DUPLICATE_KEY ? " has a key twice: " : " is not JSON: ")
            + e.getOriginalMessage());
  }

  private record RecipientEntry(
      String raw, String path, String diagnosticCode, String status, String action) {}

  /** Accumulates one document's outcome. */
  private static final class Collector {
    private int items;
    private final List<FeedbackRecord> records = new ArrayList<>();
    private final List<Ignored> ignored = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    void item() {
      items++;
    }

    void ignore(String source, String what) {
      ignored.add(new Ignored(source, what));
    }

    void reject(String source, Rejection.Code code, String reason) {
      rejections.add(new Rejection(source, code, reason));
    }

    Normalized result() {
      return new Normalized(items, records, ignored, rejections);
    }
  }
}
