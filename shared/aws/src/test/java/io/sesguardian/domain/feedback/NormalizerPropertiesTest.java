/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.FeedbackEnvelopes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests (QuickTheories): generated valid notifications normalise to the expected
 * records in every envelope, and randomly corrupted input yields only typed rejections.
 */
class NormalizerPropertiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();

  enum Envelope {
    BARE,
    SNS_HTTP_STRING,
    SNS_HTTP_OBJECT,
    LAMBDA_SNS,
    SQS_SNS,
    SQS_RAW,
    ARRAY
  }

  private static final String[][] BOUNCES = {
    {"Permanent", "General"},
    {"Permanent", "NoEmail"},
    {"Permanent", "Suppressed"},
    {"Permanent", "OnAccountSuppressionList"},
    {"Transient", "General"},
    {"Transient", "MailboxFull"},
    {"Transient", "MessageTooLarge"},
    {"Transient", "ContentRejected"},
    {"Transient", "AttachmentRejected"},
    {"Undetermined", "Undetermined"}
  };
  private static final String[] FEEDBACK = {
    null, "abuse", "auth-failure", "fraud", "not-spam", "other", "virus"
  };
  private static final String[] EVENT_TYPES = {
    "Send",
    "Delivery",
    "Bounce",
    "Complaint",
    "Reject",
    "DeliveryDelay",
    "Open",
    "Click",
    "Rendering Failure",
    "Subscription",
    "SomethingNew"
  };
  private static final String[] DOMAINS = {
    "example.com", "Example.ORG", "mail.example.net", "simulator.amazonses.com"
  };

  /** A generated notification and the records it must produce. */
  record Generated(String json, List<String> expected) {}

  @Test
  void validNotifications_normaliseToTheExpectedRecords_inEveryEnvelope() {
    qt().withExamples(600)
        .forAll(longs().all(), arbitrary().enumValues(Envelope.class))
        .checkAssert(
            (seed, envelope) -> {
              Generated g = generate(new Random(seed));
              String wrapped = wrap(g.json(), envelope, new Random(seed + 1));
              Normalized result = FeedbackEnvelopes.normalizeDocument(normalizer, "gen", wrapped);
              assertThat(result.rejections()).as(wrapped).isEmpty();
              List<String> actual = new ArrayList<>();
              for (FeedbackRecord r : result.records()) {
                actual.add(expectedLine(r));
              }
              assertThat(actual).as(wrapped).isEqualTo(g.expected());
            });
  }

  @Test
  void corruptedInput_yieldsOnlyTypedRejections_neverAnotherException() {
    qt().withExamples(1500)
        .forAll(longs().all(), arbitrary().enumValues(Envelope.class))
        .checkAssert(
            (seed, envelope) -> {
              Random random = new Random(seed);
              String valid = wrap(generate(random).json(), envelope, random);
              String corrupted = corrupt(valid, random);
              Normalized result =
                  FeedbackEnvelopes.normalizeDocument(normalizer, "fuzz", corrupted);
              // Corruption can leave "[]": a document that holds nothing, so nothing to report.
              // Anything else is at least one item: a record, an ignore or a typed rejection.
              if (result.items() == 0) {
                assertThat(isEmptyArray(corrupted)).as(corrupted).isTrue();
              }
              for (Rejection r : result.rejections()) {
                assertThat(r.code()).isNotNull();
                assertThat(r.reason()).isNotBlank();
                assertThat(r.source()).startsWith("fuzz");
              }
              for (FeedbackRecord r : result.records()) {
                assertThat(r.eventTime()).isNotNull();
                if (r.address() != null) {
                  assertThat(Addresses.parse(r.address()).ok()).isTrue();
                }
              }
            });
  }

  /** What the record must say, derived from the generator's choices, not from the classifier. */
  private static String expectedLine(FeedbackRecord r) {
    return String.join(
        "|",
        r.kind().jsonName(),
        String.valueOf(r.address()),
        r.bounceType() == null ? "-" : r.bounceType().wireName() + "/" + r.bounceSubType(),
        String.valueOf(r.complaintFeedbackType()),
        String.valueOf(r.classification().countsTowardBounceRate()),
        String.valueOf(r.classification().countsTowardComplaintRate()),
        r.classification().suppression().map(Enum::name).orElse("-"),
        String.valueOf(r.simulator()),
        String.valueOf(r.configurationSet()),
        String.valueOf(r.eventTime()),
        String.valueOf(r.feedbackId()));
  }

  static Generated generate(Random random) {
    boolean eventFormat = random.nextBoolean();
    String type =
        eventFormat
            ? EVENT_TYPES[random.nextInt(EVENT_TYPES.length)]
            : new String[] {"Bounce", "Complaint", "Delivery"}[random.nextInt(3)];
    FeedbackKind kind = FeedbackKind.fromWire(type);
    Instant mailTime = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), 0);
    Instant eventTime = mailTime.plusMillis(random.nextInt(600_000));
    ObjectNode root = JSON.createObjectNode();
    root.put(eventFormat ? "eventType" : "notificationType", type);
    ObjectNode mail = root.putObject("mail");
    mail.put("timestamp", spell(mailTime, random));
    String messageId = "0100" + Long.toHexString(random.nextLong()) + "-000000";
    mail.put("messageId", messageId);
    mail.put("source", "Sender <news@" + DOMAINS[random.nextInt(3)] + ">");
    String configSet = null;
    if (eventFormat && random.nextBoolean()) {
      configSet = "set-" + random.nextInt(5);
      mail.putObject("tags").putArray("ses:configuration-set").add(configSet);
    }
    List<String> addresses = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      addresses.add(address(random));
    }
    ArrayNode destination = mail.putArray("destination");
    addresses.forEach(destination::add);
    if (random.nextBoolean()) {
      destination.add("extra-destination@example.com");
    }

    List<String> expected = new ArrayList<>();
    String feedbackId = "fb-" + Long.toHexString(random.nextLong());
    String[] bounce = BOUNCES[random.nextInt(BOUNCES.length)];
    String feedbackType = FEEDBACK[random.nextInt(FEEDBACK.length)];
    boolean complaintOnList = random.nextInt(5) == 0;
    String detailName =
        switch (kind) {
          case RENDERING_FAILURE -> "failure";
          case UNKNOWN -> "somethingNew";
          default -> kind.jsonName();
        };
    ObjectNode detail = root.putObject(detailName);
    boolean detailTime = kind != FeedbackKind.SEND && kind != FeedbackKind.RENDERING_FAILURE;
    if (detailTime) {
      detail.put("timestamp", spell(eventTime, random));
    }
    Instant expectedTime = detailTime && kind != FeedbackKind.UNKNOWN ? eventTime : mailTime;
    switch (kind) {
      case BOUNCE -> {
        detail.put("bounceType", bounce[0]).put("bounceSubType", bounce[1]);
        detail.put("feedbackId", feedbackId);
        ArrayNode list = detail.putArray("bouncedRecipients");
        addresses.forEach(a -> list.addObject().put("emailAddress", a).put("status", "5.1.1"));
      }
      case COMPLAINT -> {
        detail.put("feedbackId", feedbackId);
        if (feedbackType != null) {
          detail.put("complaintFeedbackType", feedbackType);
        }
        if (complaintOnList) {
          detail.put("complaintSubType", "OnAccountSuppressionList");
        } else if (random.nextBoolean()) {
          detail.putNull("complaintSubType");
        }
        ArrayNode list = detail.putArray("complainedRecipients");
        addresses.forEach(a -> list.addObject().put("emailAddress", a));
      }
      case DELIVERY -> {
        ArrayNode list = detail.putArray("recipients");
        addresses.forEach(list::add);
        detail.put("smtpResponse", "250 ok");
      }
      case DELIVERY_DELAY -> {
        ArrayNode list = detail.putArray("delayedRecipients");
        addresses.forEach(a -> list.addObject().put("emailAddress", a).put("status", "4.4.7"));
      }
      default -> {
        // every other kind names its recipients in mail.destination only
        destination.removeAll();
        addresses.forEach(destination::add);
      }
    }
    for (String a : addresses) {
      String normal = a.toLowerCase(Locale.ROOT);
      if (normal.contains("<")) {
        normal = normal.substring(normal.indexOf('<') + 1, normal.length() - 1);
      }
      boolean simulator = normal.endsWith("@simulator.amazonses.com");
      boolean isBounce = kind == FeedbackKind.BOUNCE;
      boolean isComplaint = kind == FeedbackKind.COMPLAINT;
      boolean hard = isBounce && bounce[0].equals("Permanent");
      // RFC 5965 not-spam corrects a spam tag: neither a complaint to count nor to suppress.
      boolean complains = isComplaint && !"not-spam".equals(feedbackType);
      expected.add(
          String.join(
              "|",
              kind.jsonName(),
              normal,
              isBounce ? bounce[0] + "/" + bounce[1] : "-",
              String.valueOf(isComplaint ? feedbackType : null),
              String.valueOf(hard && !simulator && !bounce[1].equals("OnAccountSuppressionList")),
              String.valueOf(complains && !simulator && !complaintOnList),
              hard ? "BOUNCE" : complains ? "COMPLAINT" : "-",
              String.valueOf(simulator),
              String.valueOf(configSet),
              String.valueOf(expectedTime),
              String.valueOf(isBounce || isComplaint ? feedbackId : null)));
    }
    if (random.nextInt(4) == 0) {
      return new Generated(pascalCase(root.toString()), expected);
    }
    return new Generated(root.toString(), expected);
  }

  private static String address(Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-";
    StringBuilder local = new StringBuilder();
    int length = 1 + random.nextInt(20);
    for (int i = 0; i < length; i++) {
      local.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    String address = local + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    return random.nextInt(6) == 0 ? "Some Name <" + address + ">" : address;
  }

  private static String spell(Instant t, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> t.toString();
      case 1 ->
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
              .withZone(ZoneOffset.UTC)
              .format(t);
      case 2 ->
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS Z")
              .withZone(ZoneOffset.UTC)
              .format(t);
      default ->
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
              .withZone(ZoneOffset.ofHours(-7))
              .format(t);
    };
  }

  /** Upper-cases the first letter of every key, as a Go or .NET round trip does. */
  private static String pascalCase(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      out.append(c);
      if (c == '"'
          && i > 0
          && (json.charAt(i - 1) == '{' || json.charAt(i - 1) == ',')
          && i + 1 < json.length()) {
        out.append(Character.toUpperCase(json.charAt(++i)));
      }
    }
    return out.toString();
  }

  static String wrap(String ses, Envelope envelope, Random random) {
    String quoted = quote(ses);
    String sns =
        "{\"Type\":\"Notification\",\"MessageId\":\""
            + random.nextInt(1000)
            + "\","
            + "\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:ses\",\"Message\":";
    return switch (envelope) {
      case BARE -> ses;
      case SNS_HTTP_STRING -> sns + quoted + "}";
      case SNS_HTTP_OBJECT -> sns + ses + "}";
      case LAMBDA_SNS ->
          "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":" + sns + quoted + "}}]}";
      case SQS_SNS ->
          "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":"
              + quote(sns + quoted + "}")
              + "}]}";
      case SQS_RAW -> "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":" + quoted + "}]}";
      case ARRAY -> "[" + ses + "]";
    };
  }

  static String corrupt(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(6);
    String noise = "{}[]\":,\\\u0000\r\n\t @<>x9-+.eE\u00e9\ud83d\ude00";
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(6)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, noise.charAt(random.nextInt(noise.length())));
        case 2 -> s.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
        case 3 -> s.setLength(at);
        case 4 -> {
          int end = Math.min(s.length(), at + random.nextInt(40));
          s.insert(random.nextInt(s.length()), s.substring(at, end));
        }
        default -> s.replace(at, Math.min(s.length(), at + 5), "null");
      }
    }
    return s.toString();
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isEmptyArray(String text) {
    try {
      com.fasterxml.jackson.databind.JsonNode node =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
      return node != null && node.isArray() && node.isEmpty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }
}
