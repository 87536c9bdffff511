/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.DynamoDbFeedbackStore;
import io.sesguardian.aws.DynamoDbTables;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS wiring of {@code template.yaml} on moto: the feedback topic, the queue subscribed to it
 * (SNS envelope, no raw delivery, no filter policy, as the template's {@code
 * FeedbackQueueSubscription}), and the queue's redrive to the dead-letter queue after {@code
 * maxReceiveCount} receives. Real SES notifications from the shared corpus go in at the topic; the
 * test plays Lambda's event source mapping (batches of 10, {@code ReportBatchItemFailures}): it
 * builds the SQS event as Lambda delivers it, calls {@link IngestQueueHandler} wired to DynamoDB on
 * moto, and deletes the messages the handler did not report as failed.
 */
@ExtendWith(MotoExtension.class)
class FeedbackQueueOnMotoTest {

  /** template.yaml, FeedbackQueue.RedrivePolicy.maxReceiveCount. */
  private static final int MAX_RECEIVE_COUNT = 5;

  /**
   * template.yaml sets 180 s (above the function's timeout, as SQS event sources require); the test
   * shortens it so that a reported failure comes back within seconds.
   */
  private static final int VISIBILITY_TIMEOUT_SECONDS = 1;

  private static final Duration TIME_LIMIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = "guardian-queue-test";
  private static final String POISON_MARKER = "poison-key-over-dynamodb-limit-";

  /**
   * Within the normaliser's 2,048-character tag limit, but the hourly counter of its sender domain
   * ({@code C#domain:{name}}, 2,050 bytes) would have a partition key over DynamoDB's 2,048-byte
   * limit. (SES uses {@code ses:from-domain} when {@code mail.source} gives no domain. A long
   * feedback id no longer poisons anything: long idempotency keys are hashed; a configuration set
   * over SES's 64 characters is rejected by the normaliser.)
   */
  private static final String POISON_FROM_DOMAIN = POISON_MARKER + "p".repeat(2010);

  /** Operational counters: counted by processing hour, once per delivery attempt. */
  private static final Set<CounterField> OPERATIONAL =
      EnumSet.of(
          CounterField.ITEMS, CounterField.DUPLICATES, CounterField.REJECTED, CounterField.IGNORED);

  @Test
  void corpusThroughTopicAndQueue_recordsEveryNotificationOnce_andPoisonEndsInDeadLetterQueue(
      MotoServer moto) throws Exception {
    Path corpus = Fixtures.corpus().orElse(null);
    assumeTrue(
        corpus != null,
        "the shared SES corpus is absent (../shared/ses-corpus/samples or GUARDIAN_SES_CORPUS):"
            + " skipping the SNS -> SQS -> handler test");
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    List<String> notifications = new ArrayList<>();
    Set<String> expectedKeys = new HashSet<>();
    // Sends, deliveries and the like have no ledger entry in the deployed wiring: counted per
    // batch, a repeat of one in another batch counts again (README, "Costs per million messages").
    Set<String> countOnlyKeys = new HashSet<>();
    int countOnlyRepeats = 0;
    for (String message : sesMessages(corpus)) {
      List<FeedbackRecord> records = normalizer.normalize("corpus", message).records();
      if (!records.isEmpty()) {
        notifications.add(message);
        for (FeedbackRecord r : records) {
          Effect e = Effect.of(r);
          if (!IngestService.countOnly(e)) {
            expectedKeys.add(e.ledgerKey());
          } else if (!countOnlyKeys.add(e.ledgerKey())) {
            countOnlyRepeats++;
          }
        }
      }
    }
    assertThat(notifications)
        .as("corpus notifications with feedback records")
        .hasSizeGreaterThan(20);

    try (AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, moto.endpoint());
        DynamoDbClient dynamo = clients.dynamoDb();
        SnsClient sns = clients.sns();
        SqsClient sqs = clients.build(SqsClient.builder())) {
      DynamoDbTables.createIfMissing(dynamo, TABLE);
      String topicArn = sns.createTopic(r -> r.name("guardian-feedback")).topicArn();
      String dlqUrl = sqs.createQueue(r -> r.queueName("guardian-ingest-dlq")).queueUrl();
      String dlqArn = queueArn(sqs, dlqUrl);
      String queueUrl =
          sqs.createQueue(
                  r ->
                      r.queueName("guardian-feedback")
                          .attributes(
                              Map.of(
                                  QueueAttributeName.VISIBILITY_TIMEOUT,
                                  Integer.toString(VISIBILITY_TIMEOUT_SECONDS),
                                  QueueAttributeName.REDRIVE_POLICY,
                                  JSON.createObjectNode()
                                      .put("deadLetterTargetArn", dlqArn)
                                      .put("maxReceiveCount", MAX_RECEIVE_COUNT)
                                      .toString())))
              .queueUrl();
      String queueArn = queueArn(sqs, queueUrl);
      // As FeedbackQueueSubscription: protocol sqs, no RawMessageDelivery, no FilterPolicy.
      sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn));

      for (String message : notifications) {
        sns.publish(r -> r.topicArn(topicArn).message(message));
      }
      String poison = poison();
      sns.publish(r -> r.topicArn(topicArn).message(poison));

      IngestQueueHandler handler =
          new IngestQueueHandler(
              GuardianRuntime.of(
                  new GuardianConfig(
                      TABLE, IngestPolicy.DEFAULT, DynamoDbFeedbackStore.Settings.DEFAULT),
                  clients));

      Map<String, Integer> poisonReceives = new HashMap<>();
      int invocations = 0;
      long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
      while (System.nanoTime() < deadline
          && (waiting(sqs, queueUrl) > 0 || waiting(sqs, dlqUrl) == 0)) {
        List<Message> batch =
            sqs.receiveMessage(
                    r ->
                        r.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        if (batch.isEmpty()) {
          continue;
        }
        for (Message m : batch) {
          if (m.body().contains(POISON_MARKER)) {
            poisonReceives.merge(m.messageId(), 1, Integer::sum);
          }
        }
        Set<String> failed = invoke(handler, lambdaEvent(batch, queueArn), ++invocations);
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : batch) {
          if (!failed.contains(m.messageId())) {
            done.add(
                DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(done.size()))
                    .receiptHandle(m.receiptHandle())
                    .build());
          }
        }
        if (!done.isEmpty()) {
          sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
      }

      assertThat(waiting(sqs, queueUrl)).as("messages left in the feedback queue").isZero();
      List<Message> dead =
          sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10)).messages();
      assertThat(dead).hasSize(1);
      assertThat(JSON.readTree(dead.get(0).body()).path("Message").asText()).isEqualTo(poison);
      assertThat(poisonReceives.values())
          .as("handler invocations that saw the poison message")
          .containsExactly(MAX_RECEIVE_COUNT);

      // Every good bounce and complaint recorded once: its ledger entries exist, nothing else does.
      Set<String> ledger = new HashSet<>();
      dynamo
          .scanPaginator(
              r ->
                  r.tableName(TABLE)
                      .filterExpression("begins_with(pk, :l)")
                      .expressionAttributeValues(Map.of(":l", AttributeValue.fromS("L#"))))
          .items()
          .forEach(item -> ledger.add(item.get("pk").s().substring(2)));
      assertThat(ledger).containsExactlyInAnyOrderElementsOf(expectedKeys);

      // ... and counted once: the account's event counters equal a single pass through the fake,
      // but for count-only events the corpus repeats in other envelopes, which may have landed in
      // another batch.
      MutableClock clock = new MutableClock(Instant.now());
      InMemoryFeedbackStore fake = new InMemoryFeedbackStore(clock);
      IngestService once = new IngestService(fake, IngestPolicy.DEFAULT, clock);
      List<Normalized> docs = new ArrayList<>();
      for (String message : notifications) {
        docs.add(normalizer.normalize("once", message));
      }
      once.ingest(docs);
      DynamoDbFeedbackStore store =
          new DynamoDbFeedbackStore(
              dynamo,
              TABLE,
              DynamoDbFeedbackStore.Settings.DEFAULT,
              java.time.Clock.systemUTC(),
              io.sesguardian.domain.sync.Sleeper.REAL);
      Map<CounterField, Long> counted = new HashMap<>();
      store
          .counters(
              Scope.ACCOUNT,
              Instant.parse("2000-01-01T00:00:00Z"),
              Instant.parse("2100-01-01T00:00:00Z"))
          .values()
          .forEach(hour -> hour.forEach((f, n) -> counted.merge(f, n, Long::sum)));
      for (CounterField field : CounterField.values()) {
        if (!OPERATIONAL.contains(field)) {
          assertThat(counted.getOrDefault(field, 0L))
              .as(field.name())
              .isBetween(
                  fake.total(Scope.ACCOUNT, field),
                  fake.total(Scope.ACCOUNT, field) + countOnlyRepeats);
        }
      }
      System.out.printf(
          "queue on moto: %d corpus notifications (%d records) and 1 poison message, %d handler"
              + " invocations%n",
          notifications.size(), expectedKeys.size(), invocations);
    }
  }

  /**
   * The SES message of each corpus sample, as SES publishes it to SNS: the file itself for a bare
   * notification, the envelope's {@code Message} for SNS HTTP and Lambda SNS samples.
   */
  private static List<String> sesMessages(Path corpus) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root;
        try {
          root = JSON.readTree(text);
        } catch (IOException notJson) {
          continue;
        }
        JsonNode message = null;
        if (root.path("Records").isArray() && root.path("Records").size() == 1) {
          message = root.path("Records").get(0).path("Sns").get("Message");
        } else if (root.has("Message")) {
          message = root.get("Message");
        } else if (root.has("notificationType") || root.has("eventType")) {
          out.add(text);
        }
        if (message != null) {
          out.add(message.isTextual() ? message.textValue() : message.toString());
        }
      }
    }
    return out;
  }

  /**
   * A hard bounce whose sender-domain tag makes a counter key longer than DynamoDB's partition key
   * limit: SES never sends one, but every write of it is refused (ValidationException), so it fails
   * on every receive and must end in the dead-letter queue without holding back its batch-mates.
   */
  private static String poison() {
    String address = "poison@example.com";
    return ("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bounceSubType\":\"General\",\"feedbackId\":\"fb-poison\","
            + "\"timestamp\":\"2026-04-01T10:00:00.000Z\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + "\"mail\":{\"timestamp\":\"2026-04-01T09:59:58.000Z\",\"messageId\":\"m-poison\","
            + "\"destination\":[\"%s\"],"
            + "\"tags\":{\"ses:from-domain\":[\"%s\"]}}}")
        .formatted(address, address, POISON_FROM_DOMAIN);
  }

  /** An SQS event as Lambda's event source mapping delivers it. */
  private static byte[] lambdaEvent(List<Message> batch, String queueArn) throws IOException {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message m : batch) {
      ObjectNode record = records.addObject();
      record.put("messageId", m.messageId());
      record.put("receiptHandle", m.receiptHandle());
      record.put("body", m.body());
      ObjectNode attributes = record.putObject("attributes");
      m.attributesAsStrings().forEach(attributes::put);
      record.putObject("messageAttributes");
      record.put("md5OfBody", m.md5OfBody());
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", queueArn);
      record.put("awsRegion", "us-east-1");
    }
    return JSON.writeValueAsBytes(event);
  }

  private static Set<String> invoke(IngestQueueHandler handler, byte[] event, int n)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext("queue-" + n));
    Set<String> failed = new HashSet<>();
    JSON.readTree(out.toByteArray())
        .path("batchItemFailures")
        .forEach(f -> failed.add(f.path("itemIdentifier").asText()));
    return failed;
  }

  private static String queueArn(SqsClient sqs, String url) {
    return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  /** Messages in the queue, visible or in flight. */
  private static int waiting(SqsClient sqs, String url) {
    Map<QueueAttributeName, String> a =
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }
}
