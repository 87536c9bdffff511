/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackNormalizerTest {

  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();

  private static final String BOUNCE =
      """
      {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General",
       "feedbackId":"fb-1","timestamp":"2026-01-02T03:04:05.678Z",
       "bouncedRecipients":[{"emailAddress":"A.User@Example.com","status":"5.1.1",
         "diagnosticCode":"smtp; 550 5.1.1 user unknown"},
        {"emailAddress":"Second <second@example.net>"}]},
       "mail":{"timestamp":"2026-01-02T03:04:00Z","messageId":"m-1",
         "source":"\\"Shop\\" <News@Shop.Example>","destination":["a.user@example.com","x@y.z",
         "second@example.net"]}}
      """;

  @Test
  void multiRecipientBounce_yieldsOneRecordPerBouncedRecipientNotPerDestination() {
    Normalized result = normalizer.normalize("t", BOUNCE);
    assertThat(result.records())
        .extracting(FeedbackRecord::address)
        .containsExactly("a.user@example.com", "second@example.net");
    FeedbackRecord first = result.records().get(0);
    assertThat(first.recipient()).isEqualTo("A.User@Example.com");
    assertThat(first.feedbackId()).isEqualTo("fb-1");
    assertThat(first.sesMessageId()).isEqualTo("m-1");
    assertThat(first.eventTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
    assertThat(first.mailTime()).isEqualTo(Instant.parse("2026-01-02T03:04:00Z"));
    assertThat(first.sender()).isEqualTo("news@shop.example");
    assertThat(first.senderDomain()).isEqualTo("shop.example");
    assertThat(first.status()).isEqualTo("5.1.1");
    assertThat(first.diagnosticCode()).isEqualTo("smtp; 550 5.1.1 user unknown");
    assertThat(result.records().get(1).diagnosticCode()).isNull();
    assertThat(result.items()).isEqualTo(1);
  }

  @Test
  void keysAreMatchedIgnoringCase() {
    String pascal =
        """
        {"NotificationType":"Complaint","Complaint":{"ComplainedRecipients":[{"EmailAddress":"c@x.org"}],
          "ComplaintFeedbackType":"abuse","FeedbackId":"f","Timestamp":"2026-01-01T00:00:00Z"},
         "Mail":{"MessageId":"m","Timestamp":"2026-01-01T00:00:00Z"}}
        """;
    FeedbackRecord r = normalizer.normalize("t", pascal).records().get(0);
    assertThat(r.kind()).isEqualTo(FeedbackKind.COMPLAINT);
    assertThat(r.complaintFeedbackType()).isEqualTo("abuse");
    assertThat(r.feedbackId()).isEqualTo("f");
  }

  @Test
  void renderingFailureWithItsSpace_andUnknownFutureTypes_areKeptNotRejected() {
    String rendering =
        "{\"eventType\":\"Rendering Failure\",\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"destination\":[\"r@x.org\"]},\"failure\":{\"errorMessage\":\"e\"}}";
    assertThat(normalizer.normalize("t", rendering).records().get(0).kind())
        .isEqualTo(FeedbackKind.RENDERING_FAILURE);
    String future =
        "{\"eventType\":\"Teleport\",\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\"}}";
    Normalized unknown = normalizer.normalize("t", future);
    assertThat(unknown.rejections()).isEmpty();
    assertThat(unknown.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(FeedbackKind.UNKNOWN);
              assertThat(r.sesType()).isEqualTo("Teleport");
              assertThat(r.address()).isNull();
            });
  }

  @Test
  void timestampSpellings_allReadTheSameInstant() {
    for (String ts :
        List.of(
            "2018-10-08T14:05:45Z",
            "2018-10-08T14:05:45.000Z",
            "2018-10-08T14:05:45 +0000",
            "2018-10-08T16:05:45+02:00",
            "2018-10-08T09:05:45.000-05:00",
            "2018-10-08 14:05:45")) {
      assertThat(Timestamps.parse(ts)).as(ts).contains(Instant.parse("2018-10-08T14:05:45Z"));
    }
    assertThat(Timestamps.parse("timestamp")).isEmpty();
    assertThat(Timestamps.parse("2018-13-45T99:99:99Z")).isEmpty();
  }

  @Test
  void aFeedbackIdNearTheFieldLimit_yieldsAKeyEveryStoreCanHold() {
    String longId = "\u00e9".repeat(2040);
    FeedbackRecord a = hardBounceWithFeedbackId(longId);
    FeedbackRecord b = hardBounceWithFeedbackId(longId.substring(1) + "x");
    String key = a.idempotencyKey().orElseThrow();
    assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(FeedbackRecord.MAX_KEY_BYTES);
    assertThat(key).startsWith("bounce#sha256:");
    assertThat(hardBounceWithFeedbackId(longId).idempotencyKey()).contains(key);
    assertThat(b.idempotencyKey().orElseThrow()).isNotEqualTo(key);
    assertThat(hardBounceWithFeedbackId("0100abc").idempotencyKey())
        .contains("bounce#0100abc#jane@example.com");
  }

  private FeedbackRecord hardBounceWithFeedbackId(String feedbackId) {
    String json =
        "{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m\",\"timestamp\":"
            + "\"2026-03-01T00:00:00Z\"},\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bounceSubType\":\"General\",\"feedbackId\":\""
            + feedbackId
            + "\",\"timestamp\":\"2026-03-01T00:00:00Z\",\"bouncedRecipients\":"
            + "[{\"emailAddress\":\"jane@example.com\"}]}}";
    Normalized n = normalizer.normalize("long.json", json);
    assertThat(n.rejections()).isEmpty();
    return n.records().get(0);
  }

  @Test
  void rejectionReasons_neverCarryAFullAddress() {
    Normalized n =
        normalizer.normalize("x.json", "{\"note\": Delivery failed for victim.one@example.com}");
    assertThat(n.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).doesNotContain("victim.one"));
    Normalized odd =
        normalizer.normalize(
            "y.json",
            "{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m\",\"timestamp\":"
                + "\"2026-03-01T00:00:00Z\"},\"bounce\":{\"bounceType\":\"Permanent\","
                + "\"bounceSubType\":\"General\",\"feedbackId\":\"f\",\"timestamp\":"
                + "\"2026-03-01T00:00:00Z\",\"bouncedRecipients\":[{\"emailAddress\":"
                + "\"jane.private@exa\\u202emple.com\"}]}}");
    assertThat(odd.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(Rejection.Code.IMPLAUSIBLE_RECIPIENT);
              assertThat(r.reason()).doesNotContain("jane.private").contains("U+202E");
            });
  }

  @Test
  void bounceOrComplaintWithoutRecipients_isRejected_evenWhenMailDestinationExists() {
    String bounce =
        "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\"},"
            + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\",\"destination\":[\"a@b.c\"]}}";
    String complaint =
        "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[]},"
            + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\",\"destination\":[\"a@b.c\"]}}";
    for (String json : List.of(bounce, complaint)) {
      Normalized result = normalizer.normalize("f", json);
      assertThat(result.records()).isEmpty();
      assertThat(result.rejections())
          .singleElement()
          .extracting(Rejection::code)
          .isEqualTo(Rejection.Code.NO_RECIPIENTS);
    }
  }

  @Test
  void implausibleRecipient_isRejectedAlone_andTheOtherRecipientsKept() {
    String[] bad = {
      "evil@example.com\r\nBcc: x@y.z",
      "has space@example.com",
      "no-at-sign",
      "tab\t@x.org",
      "a".repeat(310) + "@example.com",
      "@example.com",
      "user@"
    };
    for (String address : bad) {
      String json =
          "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
              + "\"bouncedRecipients\":[{\"emailAddress\":"
              + quote(address)
              + "},{\"emailAddress\":\"good@example.com\"}]},"
              + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\"}}";
      Normalized result = normalizer.normalize("f", json);
      assertThat(result.records())
          .as(address)
          .extracting(FeedbackRecord::address)
          .containsExactly("good@example.com");
      Rejection r = result.rejections().get(0);
      assertThat(r.code()).isEqualTo(Rejection.Code.IMPLAUSIBLE_RECIPIENT);
      assertThat(r.reason()).contains("bounce.bouncedRecipients[0].emailAddress");
      // The reason names the field but masks the address: personal data stays out of logs.
      String local = address.substring(0, Math.max(0, address.lastIndexOf('@')));
      if (local.length() > 1) {
        assertThat(r.reason()).doesNotContain(local.substring(1));
      }
    }
  }

  @Test
  void oversizedField_isRejectedNamingTheField() {
    String json =
        "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"feedbackId\":\""
            + "x".repeat(5000)
            + "\",\"bouncedRecipients\":[{\"emailAddress\":\"a@b.c\"}]},"
            + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\"}}";
    Rejection r = normalizer.normalize("f", json).rejections().get(0);
    assertThat(r.code()).isEqualTo(Rejection.Code.TOO_LARGE);
    assertThat(r.reason()).contains("bounce.feedbackId").contains("5000");
  }

  @Test
  void configurationSetNameOverSesLimit_isRejectedAsTooLarge_andSixtyFourCharactersPass() {
    String template =
        "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"feedbackId\":\"F\",\"bouncedRecipients\":[{\"emailAddress\":\"a@b.c\"}]},"
            + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"tags\":{\"ses:configuration-set\":[\"%s\"]}}}";
    Normalized over = normalizer.normalize("f", template.formatted("c".repeat(65)));
    assertThat(over.records()).isEmpty();
    assertThat(over.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(Rejection.Code.TOO_LARGE);
              assertThat(r.reason()).contains("configuration set").contains("65").contains("64");
            });
    Normalized atLimit = normalizer.normalize("f", template.formatted("c".repeat(64)));
    assertThat(atLimit.rejections()).isEmpty();
    assertThat(atLimit.records())
        .singleElement()
        .satisfies(r -> assertThat(r.configurationSet()).isEqualTo("c".repeat(64)));
  }

  @Test
  void configurationSetNameFromTheHeader_isHeldToTheSameLimit() {
    String json =
        "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"feedbackId\":\"F\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"a@b.c\"}]},"
            + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\",\"headers\":["
            + "{\"name\":\"X-SES-CONFIGURATION-SET\",\"value\":\""
            + "h".repeat(2000)
            + "\"}]}}";
    Rejection r = normalizer.normalize("f", json).rejections().get(0);
    assertThat(r.code()).isEqualTo(Rejection.Code.TOO_LARGE);
    assertThat(r.reason()).contains("2000");
  }

  @Test
  void wrongJsonTypes_areRejectedAsMalformed() {
    String json =
        "{\"notificationType\":\"Bounce\",\"bounce\":{\"bouncedRecipients\":{\"a\":1}},"
            + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\"}}";
    Rejection r = normalizer.normalize("f", json).rejections().get(0);
    assertThat(r.code()).isEqualTo(Rejection.Code.MALFORMED);
    assertThat(r.reason()).contains("bounce.bouncedRecipients").contains("an object");
  }

  @Test
  void configurationSet_fallsBackToTheSesHeader_andIdempotencyKeyUsesFeedbackId() {
    String json =
        "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"feedbackId\":\"F\","
            + "\"bounceSubType\":\"MailboxFull\",\"bouncedRecipients\":[{\"emailAddress\":\"a@b.c\"}]},"
            + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\",\"messageId\":\"M\",\"headers\":["
            + "{\"name\":\"X-SES-CONFIGURATION-SET\",\"value\":\"news\"}]}}";
    FeedbackRecord r = normalizer.normalize("f", json).records().get(0);
    assertThat(r.configurationSet()).isEqualTo("news");
    assertThat(r.idempotencyKey()).contains("bounce#F#a@b.c");
    assertThat(r.classification().escalatable()).isTrue();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
