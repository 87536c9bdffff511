/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.RawDelivery;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackEnvelopesTest {

  private static final String BOUNCE =
      "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
          + "\"bounceSubType\":\"General\",\"feedbackId\":\"fb-1\","
          + "\"timestamp\":\"2026-01-01T00:00:00Z\","
          + "\"bouncedRecipients\":[{\"emailAddress\":\"a@b.example\"}]},"
          + "\"mail\":{\"messageId\":\"m-1\",\"timestamp\":\"2026-01-01T00:00:00Z\"}}";

  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();

  @Test
  void sameBounceInEveryEnvelope_yieldsTheSameRecord() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode sns = json.createObjectNode().put("Type", "Notification").put("MessageId", "sns-1");
    String snsHttp = sns.deepCopy().put("Message", BOUNCE).toString();
    String snsHttpObject = sns.deepCopy().set("Message", json.readTree(BOUNCE)).toString();
    ObjectNode lambdaEvent = json.createObjectNode();
    lambdaEvent.putArray("Records").addObject().set("Sns", json.readTree(snsHttp));
    String lambdaSns = lambdaEvent.toString();
    String sqs = sqsEvent(json, "q-1", snsHttp);
    String sqsRaw = sqsEvent(json, "q-1", BOUNCE);

    FeedbackRecord bare = only(RawDelivery.of("x", BOUNCE));
    List<RawDelivery> all =
        List.of(
            FeedbackEnvelopes.body("h", snsHttp),
            FeedbackEnvelopes.body("h", snsHttpObject),
            FeedbackEnvelopes.lambdaSns("req", lambdaSns).get(0),
            FeedbackEnvelopes.lambdaSqs(sqs).get(0),
            FeedbackEnvelopes.lambdaSqs(sqsRaw).get(0));
    for (RawDelivery d : all) {
      FeedbackRecord r = only(d);
      assertThat(r.feedbackId()).as(d.id()).isEqualTo(bare.feedbackId());
      assertThat(r.address()).isEqualTo(bare.address());
      assertThat(r.eventTime()).isEqualTo(bare.eventTime());
      assertThat(r.classification()).isEqualTo(bare.classification());
    }
    assertThat(all).extracting(RawDelivery::id).containsExactly("h", "h", "sns-1", "q-1", "q-1");
    assertThat(only(all.get(2)).snsMessageId()).isEqualTo("sns-1");
    assertThat(only(all.get(4)).snsMessageId()).isNull();
  }

  @Test
  void sqsBatch_isOneDeliveryPerMessage_namedByMessageId() throws Exception {
    String event = Files.readString(Fixtures.event("sqs/batch-mixed.json"));
    List<RawDelivery> deliveries = FeedbackEnvelopes.lambdaSqs(event);
    List<String> ids =
        new ObjectMapper().readTree(event).path("Records").findValuesAsText("messageId");
    assertThat(deliveries).extracting(RawDelivery::id).containsExactlyElementsOf(ids);
    assertThat(deliveries).allMatch(d -> d.message() != null);
  }

  @Test
  void snsSubscriptionNotices_areIgnored_andMessagelessEnvelopesRejected() {
    RawDelivery confirmation =
        FeedbackEnvelopes.body("c", "{\"Type\":\"SubscriptionConfirmation\",\"Message\":\"hi\"}");
    assertThat(normalizer.normalize(confirmation).ignored()).hasSize(1);
    RawDelivery empty = FeedbackEnvelopes.body("e", "{\"Type\":\"Notification\",\"Message\":null}");
    assertThat(empty.rejection().code()).isEqualTo(Rejection.Code.NOT_SES_FEEDBACK);
  }

  @Test
  void everyEventFixture_opensToDeliveriesTheDomainAccepts() throws Exception {
    for (String f :
        List.of(
            "lambda-sns/bounce-permanent-general.json",
            "lambda-sns/complaint-abuse.json",
            "lambda-sns/validation-notice.json")) {
      List<RawDelivery> ds =
          FeedbackEnvelopes.lambdaSns("req", Files.readString(Fixtures.event(f)));
      assertThat(ds).hasSize(1);
      assertThat(normalizer.normalize(ds.get(0)).rejections()).as(f).isEmpty();
    }
    for (String f :
        List.of(
            "sns-http/complaint-virus.json",
            "sns-http/message-as-object.json",
            "sns-http/validation-notice.json",
            "sqs-body/bounce-permanent-general.json")) {
      Normalized n =
          normalizer.normalize(FeedbackEnvelopes.body(f, Files.readString(Fixtures.event(f))));
      assertThat(n.rejections()).as(f).isEmpty();
      assertThat(n.records().size() + n.ignored().size()).as(f).isPositive();
    }
  }

  @Test
  void plainTextAndUnreadableEvents_areRejectedNotThrown_exceptAnUnreadableSqsEvent() {
    Normalized plain =
        normalizer.normalize(
            FeedbackEnvelopes.body("p", "{\"Type\":\"Notification\",\"Message\":\"hello\"}"));
    assertThat(plain.rejections())
        .extracting(Rejection::code)
        .containsExactly(Rejection.Code.NOT_SES_FEEDBACK);
    assertThat(FeedbackEnvelopes.lambdaSns("req", "not json").get(0).rejection().code())
        .isEqualTo(Rejection.Code.NOT_JSON);
    assertThat(normalizer.normalize(FeedbackEnvelopes.body("b", "not json")).rejections())
        .extracting(Rejection::code)
        .containsExactly(Rejection.Code.NOT_SES_FEEDBACK);
    assertThat(normalizer.normalize(FeedbackEnvelopes.body("b", "{\"a\":")).rejections())
        .extracting(Rejection::code)
        .containsExactly(Rejection.Code.NOT_JSON);
    assertThatThrownBy(() -> FeedbackEnvelopes.lambdaSqs("{")).isInstanceOf(RuntimeException.class);
  }

  private FeedbackRecord only(RawDelivery d) {
    Normalized n = normalizer.normalize(d);
    assertThat(n.rejections()).as(d.id()).isEmpty();
    assertThat(n.records()).hasSize(1);
    return n.records().get(0);
  }

  private static String sqsEvent(ObjectMapper json, String messageId, String body) {
    ObjectNode event = json.createObjectNode();
    event.putArray("Records").addObject().put("messageId", messageId).put("body", body);
    return event.toString();
  }
}
