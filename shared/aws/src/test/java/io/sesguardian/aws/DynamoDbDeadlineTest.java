/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.domain.time.Deadline;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A throttled table makes the adapters answer by the caller's deadline: the retry policy starts no
 * attempt the deadline does not leave room for, and the SDK does not retry underneath.
 */
@ExtendWith(MotoExtension.class)
class DynamoDbDeadlineTest {

  private final Clock clock = Clock.systemUTC();
  private AwsClients clean;
  private AwsClients throttled;
  private FaultInjectingHttpClient faults;
  private DynamoDbFeedbackStore store;

  @BeforeEach
  void setUp(MotoServer moto) {
    clean = MotoDynamoDb.clients(moto);
    String table = MotoDynamoDb.newTable(clean);
    // every request answered with ThrottlingException
    throttled =
        clean.instrumented(
            new RequestCounter(), http -> faults = new FaultInjectingHttpClient(http, 1.0, 0, 7));
    store =
        new DynamoDbFeedbackStore(
            throttled.dynamoDb(),
            table,
            DynamoDbFeedbackStore.Settings.DEFAULT,
            clock,
            Sleeper.REAL);
  }

  @AfterEach
  void tearDown() {
    throttled.close();
    clean.close();
  }

  @Test
  void throttledRead_givesUpBeforeTheDeadline_withStoreUnavailable() {
    // room for the attempts of a bit more than half a second, each allowed the SDK's 2 s timeout
    Deadline deadline = Deadline.in(2_600, Duration.ZERO, clock);

    assertThatThrownBy(() -> store.withDeadline(deadline).suppressionCount())
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("gave up (deadline)");
    assertThat(Instant.now()).isBefore(deadline.at());
    assertThat(faults.throttled.get()).as("attempts made before giving up").isGreaterThan(1);
  }

  @Test
  void throttledTransaction_reportsItsEffectsFailed_whenTheDeadlineRunsOut() {
    FeedbackRecord record =
        FeedbackEnvelopes.normalizeDocument(
                new FeedbackNormalizer(),
                "bounce",
                new String(
                    Fixtures.eventBytes("lambda-sns/bounce-permanent-general.json"),
                    StandardCharsets.UTF_8))
            .records()
            .get(0);
    Effect effect = Effect.of(record);
    Deadline deadline = Deadline.in(2_400, Duration.ZERO, clock);

    ApplyResult result =
        store
            .withDeadline(deadline)
            .applyOnce(List.of(effect), new Counts(), CounterKey.of(Scope.ACCOUNT, Instant.now()));

    assertThat(result.failed()).containsExactly(effect.ledgerKey());
    assertThat(Instant.now()).isBefore(deadline.at());
  }

  @Test
  void expiredDeadline_sendsNoRequestAtAll() {
    Deadline passed = new Deadline(Instant.now().minusSeconds(1), clock);

    assertThatThrownBy(() -> store.withDeadline(passed).allSuppressions())
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(faults.throttled.get()).isZero();
  }
}
