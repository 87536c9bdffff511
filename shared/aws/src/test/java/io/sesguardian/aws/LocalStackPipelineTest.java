/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.MonitorReport;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.regions.Region;

/**
 * The pipeline on LocalStack through real SDK calls: table and topics created, feedback ingested
 * and suppressed, rates evaluated and an alert published to a real topic.
 *
 * <p>Opt-in: runs only with {@code GUARDIAN_LOCALSTACK=1} and a Docker engine that can pull {@code
 * localstack/localstack} (a daemon that cannot pull images would stall the build for minutes, so
 * the variable is required as well). Otherwise it is skipped at once. Run it with {@code
 * GUARDIAN_LOCALSTACK=1 mvn -pl shared/aws -am test -Dtest=LocalStackPipelineTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfEnvironmentVariable(named = "GUARDIAN_LOCALSTACK", matches = "1")
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPipelineTest {

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer("localstack/localstack:4").withServices("dynamodb", "sns");

  @Test
  void ingestSuppressAndRates_runOnLocalStack() throws Exception {
    try (AwsClients clients =
        AwsClients.forEndpoint(Region.of(LOCALSTACK.getRegion()), LOCALSTACK.getEndpoint())) {
      var dynamo = clients.dynamoDb();
      DynamoDbTables.createIfMissing(dynamo, "guardian");
      Clock clock = Clock.systemUTC();
      DynamoDbFeedbackStore store =
          new DynamoDbFeedbackStore(
              dynamo, "guardian", DynamoDbFeedbackStore.Settings.DEFAULT, clock, Sleeper.REAL);
      String event = "lambda-sns/bounce-permanent-general.json";
      IngestReport report =
          new IngestService(store, IngestPolicy.DEFAULT, clock)
              .ingest(
                  List.of(
                      FeedbackEnvelopes.normalizeDocument(
                          new FeedbackNormalizer(),
                          event,
                          new String(Fixtures.eventBytes(event), StandardCharsets.UTF_8))));
      assertThat(report.suppressed()).hasSize(1);

      Instant now = Instant.now();
      store.addCounts(
          new Counts()
              .add(CounterKey.of(Scope.ACCOUNT, now), CounterField.SEND, 1000)
              .add(CounterKey.of(Scope.ACCOUNT, now), CounterField.BOUNCE_COUNTED, 60));
      var sns = clients.sns();
      String topic = sns.createTopic(r -> r.name("guardian-alerts")).topicArn();
      MonitorReport evaluation =
          ReputationMonitor.local(
                  store.monitorStore(), new SnsAlertPublisher(sns, topic), MonitorPolicy.DEFAULT)
              .evaluate(now);
      assertThat(evaluation.level()).isEqualTo(Level.REVIEW);
      assertThat(evaluation.alerts()).isNotEmpty();
    }
  }
}
