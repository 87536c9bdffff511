/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Local file documents: {@link FeedbackEnvelopes#document} opens every envelope a file may hold (an
 * SNS HTTP body, a Lambda SNS or SQS event, a JSON array of them), and the domain's {@link
 * FeedbackNormalizer} reads the SES messages inside.
 */
class FileDocumentsTest {

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

  private Normalized normalize(String source, String json) {
    return FeedbackEnvelopes.normalizeDocument(normalizer, source, json);
  }

  @Test
  void sameBounceInEveryEnvelope_yieldsTheSameRecords() {
    String asString = quote(BOUNCE);
    String snsHttp =
        "{\"Type\":\"Notification\",\"MessageId\":\"sns-1\",\"Message\":" + asString + "}";
    String snsHttpObject =
        "{\"Type\":\"Notification\",\"MessageId\":\"sns-1\",\"Message\":" + BOUNCE + "}";
    String lambdaSns =
        "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Type\":\"Notification\","
            + "\"MessageId\":\"sns-1\",\"SigningCertUrl\":\"x\",\"Message\":"
            + asString
            + "}}]}";
    String sqs = "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":" + quote(snsHttp) + "}]}";
    String sqsRaw = "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":" + asString + "}]}";
    List<String> bare = RecordText.render(normalize("t", BOUNCE));
    for (String envelope : List.of(snsHttp, snsHttpObject, lambdaSns, sqs, sqsRaw)) {
      Normalized result = normalize("t", envelope);
      assertThat(RecordText.render(result)).as(envelope).isEqualTo(bare);
    }
    assertThat(normalize("t", lambdaSns).records().get(0).snsMessageId()).isEqualTo("sns-1");
    assertThat(normalize("t", sqsRaw).records().get(0).snsMessageId()).isNull();
  }

  @Test
  void setupNotices_areIgnoredNotRejected() {
    String validation =
        "{\"Type\":\"Notification\",\"MessageId\":\"x\",\"Message\":"
            + "\"Successfully validated SNS topic for Amazon SES event publishing.\"}";
    String subscribed =
        "{\"notificationType\":\"AmazonSnsSubscriptionSucceeded\",\"message\":\"You have"
            + " successfully subscribed\"}";
    String confirmation =
        "{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"x\",\"Message\":\"You have chosen\"}";
    for (String notice : List.of(validation, subscribed, confirmation)) {
      Normalized result = normalize("t", notice);
      assertThat(result.ignored()).as(notice).hasSize(1);
      assertThat(result.records()).isEmpty();
      assertThat(result.clean()).isTrue();
    }
  }

  @Test
  void emailReceivingNotifications_areIgnored_notCountedAsFeedback() {
    // A receipt rule's SNS action, shaped as AWS documents it: the sender is outside the account,
    // and one form carries only the receipt (no mail object, no mail timestamp).
    String received =
        "{\"notificationType\":\"Received\",\"receipt\":{\"timestamp\":\"2026-03-02T10:00:00.000Z\","
            + "\"recipients\":[\"support@shop.example\"],\"action\":{\"type\":\"SNS\"}},"
            + "\"mail\":{\"timestamp\":\"2026-03-02T10:00:00.000Z\",\"source\":\"someone@gmail.com\","
            + "\"messageId\":\"inbound-1\",\"destination\":[\"support@shop.example\"]}}";
    String receiptOnly =
        "{\"notificationType\":\"Received\",\"receipt\":{\"timestamp\":\"2026-03-02T10:00:00.000Z\","
            + "\"recipients\":[\"support@shop.example\"]}}";
    String inSns =
        "{\"Type\":\"Notification\",\"MessageId\":\"sns-r\",\"Subject\":\"Amazon SES Email Receipt"
            + " Notification\",\"Message\":"
            + quote(received)
            + "}";
    for (String notice : List.of(received, receiptOnly, inSns)) {
      Normalized result = normalize("t", notice);
      assertThat(result.ignored())
          .as(notice)
          .singleElement()
          .satisfies(i -> assertThat(i.what()).contains("email-receiving"));
      assertThat(result.records()).isEmpty();
      assertThat(result.clean()).isTrue();
    }
  }

  @Test
  void sesEventBridgeEvents_areReadLikeTheEventRecordTheyCarry() throws Exception {
    String bare = Files.readString(Fixtures.event("ses/event/bounce-permanent-general.json"));
    String wrapped =
        "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"Email Bounced\",\"source\":\"aws.ses\","
            + "\"account\":\"123456789012\",\"time\":\"2026-03-02T10:00:00Z\",\"region\":\"us-east-1\","
            + "\"resources\":[],\"detail\":"
            + bare
            + "}";
    Normalized viaEventBridge = normalize("eb.json", wrapped);
    Normalized direct = normalize("eb.json", bare);
    assertThat(viaEventBridge.rejections()).isEmpty();
    assertThat(viaEventBridge.records()).isNotEmpty().isEqualTo(direct.records());

    String status =
        "{\"version\":\"0\",\"detail-type\":\"Sending Status Disabled\",\"source\":\"aws.ses\","
            + "\"detail\":{\"reason\":\"paused\"}}";
    // SES API calls reach EventBridge through CloudTrail; their detail has an eventType too.
    String cloudTrail =
        "{\"version\":\"0\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.ses\","
            + "\"detail\":{\"eventVersion\":\"1.08\",\"eventSource\":\"ses.amazonaws.com\","
            + "\"eventName\":\"SendEmail\",\"eventType\":\"AwsApiCall\"}}";
    for (String notice : List.of(status, cloudTrail)) {
      Normalized notFeedback = normalize("eb-other.json", notice);
      assertThat(notFeedback.records()).as(notice).isEmpty();
      assertThat(notFeedback.rejections()).as(notice).isEmpty();
      assertThat(notFeedback.ignored())
          .singleElement()
          .satisfies(
              i -> assertThat(i.what()).contains("SES EventBridge event \"").contains("(not"));
    }
  }

  @Test
  void eventBridgeEvents_areReadFromFilesOnly_notInsideQueueOrTopicDeliveries() throws Exception {
    String bare = Files.readString(Fixtures.event("ses/event/bounce-permanent-general.json"));
    String wrapped =
        "{\"detail-type\":\"Email Bounced\",\"source\":\"aws.ses\",\"detail\":" + bare + "}";
    // The deployed ingest reads SQS bodies as SNS envelopes or SES messages, nothing else.
    RawDelivery body = FeedbackEnvelopes.body("m-1", wrapped);
    Normalized viaQueue = new FeedbackNormalizer().normalize(body);
    assertThat(viaQueue.records()).isEmpty();
    assertThat(viaQueue.rejections()).singleElement();
  }

  @Test
  void notJson_isRejectedNamingTheInput() {
    Rejection r = normalize("file.json", "{\"notificationType\":").rejections().get(0);
    assertThat(r.code()).isEqualTo(Rejection.Code.NOT_JSON);
    assertThat(r.source()).isEqualTo("file.json");
    assertThat(r.reason()).startsWith("not JSON");
  }

  @Test
  void aKeyGivenTwice_isATypedRejection_andTheNextItemStillCounts() {
    String twice =
        "{\"notificationType\":\"Bounce\",\"notificationType\":\"Complaint\",\"mail\":{}}";
    Normalized n = normalize("file.json", twice);
    assertThat(n.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(Rejection.Code.DUPLICATE_KEY);
              assertThat(r.reason()).contains("notificationType");
            });
    Normalized embedded =
        normalize(
            "sns.json",
            "{\"Type\":\"Notification\",\"MessageId\":\"m1\",\"Message\":" + quote(twice) + "}");
    assertThat(embedded.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.code()).isEqualTo(Rejection.Code.DUPLICATE_KEY));
  }

  @Test
  void oneBadRecordInABatch_neverStopsTheOthers() {
    String good =
        quote(
            "{\"eventType\":\"Send\",\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"destination\":[\"a@b.c\"]},\"send\":{}}");
    String batch =
        "{\"Records\":[{\"body\":\"not json\"},{\"body\":"
            + good
            + "},{\"nothing\":1},{\"body\":"
            + good
            + "}]}";
    Normalized result = normalize("batch", batch);
    assertThat(result.items()).isEqualTo(4);
    assertThat(result.records()).hasSize(2);
    assertThat(result.rejections())
        .extracting(Rejection::source)
        .containsExactly("batch#Records[0]", "batch#Records[2]");
  }

  @Test
  void topLevelArray_isReadElementByElement() {
    String send =
        "{\"eventType\":\"Send\",\"mail\":{\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"destination\":[\"a@b.c\"]},\"send\":{}}";
    Normalized result = normalize("arr", "[" + send + ",{\"x\":1}," + send + "]");
    assertThat(result.items()).isEqualTo(3);
    assertThat(result.records())
        .extracting(FeedbackRecord::source)
        .containsExactly("arr#0", "arr#2");
    assertThat(result.rejections()).extracting(Rejection::source).containsExactly("arr#1");
  }

  @Test
  void jsonThatIsNotSesFeedback_isRejected() {
    for (String json : List.of("{\"hello\":1}", "42", "\"text\"", "[1]")) {
      Normalized result = normalize("f", json);
      assertThat(result.rejections())
          .as(json)
          .singleElement()
          .extracting(Rejection::code)
          .isEqualTo(Rejection.Code.NOT_SES_FEEDBACK);
    }
  }

  /** {@code s} as a JSON string literal (an SNS Message or SQS body holding a document). */
  private static String quote(String s) {
    return TextNode.valueOf(s).toString();
  }
}
