/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import io.sesguardian.testkit.Storm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * A 150-notification storm with DynamoDB throttling and lost answers injected in the SDK's HTTP
 * path, and SES answering 429 and 500 to a share of requests: every hard bounce and complaint ends
 * on both suppression lists, and nothing is counted twice. A poison item in every fifth unit (one
 * DynamoDB refuses, or one the normaliser rejects) is all that is lost: it ends in the dead-letter
 * queue or rejected, and its unit-mates are stored once. (The 10,000-notification storm with a
 * poison in every hundredth unit runs on the in-memory store: {@code StormOnInMemoryStoreTest}.)
 */
@ExtendWith(MotoExtension.class)
class FeedbackStormFaultTest {

  /**
   * 10,000 on DynamoDB Local; 150 on moto, which deep-copies the table on every TransactWriteItems
   * (to roll back a cancelled one): measured here, 100 seven-item transactions into a table growing
   * to 700 items took 54 s, so time grows with the square of the storm. The 10,000 storm did not
   * finish its ingest in 10 minutes, nor the 1,000 one in 11 (requests reach moto one at a time,
   * see {@link OneRequestAtATime}). The address pools below shrink by the same factor, so repeats
   * per address (and soft-bounce escalations) stay.
   */
  private static final int NOTIFICATIONS = 150;

  /** Every fifth unit: the 150-storm has ~30 units, so every hundredth would hold none. */
  private static final int POISON_EVERY = 5;

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  /** A clock tests move; the outbox writer's pacing and back-off advance it instead of sleeping. */
  static final class VirtualClock extends Clock {
    final AtomicReference<Instant> now;

    VirtualClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }
  }

  @Test
  void stormWithInjectedFaults_putsEveryHardBounceAndComplaintOnBothLists_countedOnce(
      MotoServer moto) throws Exception {
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    List<List<Storm.Doc>> units =
        Storm.generate(new Random(20261122), START, NOTIFICATIONS, POISON_EVERY);
    int total = units.stream().mapToInt(List::size).sum();
    assertThat(total).isGreaterThanOrEqualTo(NOTIFICATIONS);

    // What a perfect pipeline must end with: distinct records by idempotency key, poison aside.
    Storm.Expected expected = Storm.expected(units, normalizer);
    Set<String> storePoison = expected.storePoison();
    Set<String> rejectedPoison = expected.rejectedPoison();
    assertThat(storePoison).as("poison the store refuses").hasSizeGreaterThanOrEqualTo(1);
    assertThat(rejectedPoison).as("poison the normaliser rejects").hasSizeGreaterThanOrEqualTo(1);
    Map<String, Long> expectedCount = expected.suppressionCounts();
    long hardBounces = expected.hardBounces();
    long complaints = expected.complaints();
    long deliveries = expected.deliveries();

    try (AwsClients clean = MotoDynamoDb.clients(moto);
        SesHttpStub ses = new SesHttpStub()) {
      String table = MotoDynamoDb.newTable(clean);
      FaultInjectingHttpClient[] faults = new FaultInjectingHttpClient[1];
      // DynamoDB clients do not retry by themselves (the store's RetryPolicy does); this shortens
      // the back-off of the other clients' SDK retries so the test does not sleep minutes.
      try (AwsClients faulty =
          clean
              .customized(
                  b ->
                      b.retryStrategy(
                          AwsRetryStrategy.standardRetryStrategy().toBuilder()
                              .backoffStrategy(
                                  BackoffStrategy.exponentialDelay(
                                      Duration.ofMillis(2), Duration.ofMillis(50)))
                              .throttlingBackoffStrategy(
                                  BackoffStrategy.exponentialDelay(
                                      Duration.ofMillis(5), Duration.ofMillis(100)))
                              .build()))
              .instrumented(
                  new RequestCounter(),
                  // 10% lost answers (3% in the 10,000 storm), so the smaller storm still loses
                  // the answers of several committed transactions.
                  http -> faults[0] = new FaultInjectingHttpClient(http, 0.05, 0.10, 42))) {
        Clock clock = Clock.fixed(START.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        DynamoDbFeedbackStore store =
            new DynamoDbFeedbackStore(
                faulty.dynamoDb(),
                table,
                DynamoDbFeedbackStore.Settings.DEFAULT,
                clock,
                Sleeper.REAL);
        IngestService service = new IngestService(store, IngestPolicy.DEFAULT, clock);

        long ingestStart = System.nanoTime();
        // Ingest with SQS's semantics: a failed item goes back alone, to the dead-letter queue
        // after its fifth receive.
        Storm.Result delivered =
            Storm.deliver(units, normalizer, service, 8, Duration.ofMinutes(10));
        long ingestSeconds = (System.nanoTime() - ingestStart) / 1_000_000_000L;
        long syncStart = System.nanoTime();

        // SES sync on virtual time, SES failing a share of requests; runs until the outbox is
        // empty.
        ses.suppressedReasons = List.of();
        ses.failRandomly(0.10, 0.05);
        VirtualClock virtual = new VirtualClock(START.plus(Duration.ofDays(3)));
        Sleeper advance = virtual::advance;
        DynamoDbFeedbackStore syncStore =
            new DynamoDbFeedbackStore(
                faulty.dynamoDb(),
                table,
                DynamoDbFeedbackStore.Settings.DEFAULT,
                virtual,
                Sleeper.REAL);
        try (AwsClients sesClients = AwsClients.forEndpoint(Region.US_EAST_1, ses.endpoint())) {
          SuppressionSync sync =
              new SuppressionSync(
                  syncStore,
                  syncStore.suppressionAdmin(),
                  new SesV2SuppressionList(sesClients.sesV2WithoutRetries()),
                  new Pacer(virtual, advance, Duration.ofSeconds(1)),
                  virtual,
                  SuppressionSync.Settings.DEFAULT.withoutImport());
          for (int run = 0; run < 200 && syncStore.pendingOutboxSize() > 0; run++) {
            sync.run(virtual.instant().plus(Duration.ofMinutes(14)));
            virtual.advance(Duration.ofMinutes(16));
          }
        }

        long syncSeconds = (System.nanoTime() - syncStart) / 1_000_000_000L;
        // Verify with a clean client.
        DynamoDbFeedbackStore verify =
            new DynamoDbFeedbackStore(
                clean.dynamoDb(),
                table,
                DynamoDbFeedbackStore.Settings.DEFAULT,
                clock,
                Sleeper.REAL);
        assertThat(faults[0].throttled.get()).as("throttles injected").isPositive();
        assertThat(faults[0].lostAnswers.get()).as("lost answers injected").isPositive();
        assertThat(faults[0].replayedTokens.get())
            .as("retries of lost transactions answered by token (emulated: moto ignores tokens)")
            .isPositive();
        assertThat(verify.pendingOutboxSize()).isZero();
        assertThat(delivered.deadLetters()).as("dead-letter queue").isEqualTo(storePoison);
        assertThat(delivered.rejected()).as("rejected").isEqualTo(rejectedPoison);

        List<SuppressionEntry> entries = verify.allSuppressions();
        Set<String> escalated = new HashSet<>();
        for (SuppressionEntry e : entries) {
          assertThat(e.sesState()).as(e.address()).isEqualTo(SesSyncState.SYNCED);
          if (e.origin() == SuppressionOrigin.SOFT_BOUNCE_ESCALATION) {
            escalated.add(e.address());
          } else {
            assertThat(e.count())
                .as("count of " + e.address())
                .isEqualTo(expectedCount.get(e.address()));
          }
        }
        Set<String> expectedAddresses = new HashSet<>(expectedCount.keySet());
        expectedAddresses.addAll(escalated);
        assertThat(entries)
            .extracting(SuppressionEntry::address)
            .containsExactlyInAnyOrderElementsOf(expectedAddresses);
        assertThat(escalated).as("soft-bounce escalations in the storm").isNotEmpty();
        assertThat(ses.suppressed.keySet()).containsExactlyInAnyOrderElementsOf(expectedAddresses);

        long countedHard = 0;
        long countedComplaints = 0;
        long countedDeliveries = 0;
        for (Map<CounterField, Long> hour :
            verify.counters(Scope.ACCOUNT, START, START.plus(Duration.ofDays(4))).values()) {
          countedHard += hour.getOrDefault(CounterField.BOUNCE_PERMANENT, 0L);
          countedComplaints += hour.getOrDefault(CounterField.COMPLAINT, 0L);
          countedDeliveries += hour.getOrDefault(CounterField.DELIVERY, 0L);
        }
        assertThat(countedHard).isEqualTo(hardBounces);
        assertThat(countedComplaints).isEqualTo(complaints);
        assertThat(countedDeliveries).isEqualTo(deliveries);
        System.out.printf(
            "storm: %d notifications in %d units (%d poison items dead-lettered, %d rejected), %d redeliveries, %d throttles and %d lost"
                + " answers injected (%d transactions replayed by token), %d suppressed (%d by escalation), %d SES puts; ingest %d s,"
                + " sync %d s%n",
            total,
            units.size(),
            storePoison.size(),
            rejectedPoison.size(),
            delivered.redeliveries(),
            faults[0].throttled.get(),
            faults[0].lostAnswers.get(),
            faults[0].replayedTokens.get(),
            entries.size(),
            escalated.size(),
            ses.puts.get(),
            ingestSeconds,
            syncSeconds);
      }
    }
  }
}
