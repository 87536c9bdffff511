/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.Category;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * A 150-notification storm with DynamoDB throttling and lost answers injected in the SDK's HTTP
 * path, and SES answering 429 and 500 to a share of requests: every hard bounce and complaint ends
 * on both suppression lists, and nothing is counted twice.
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

  private static final int SCALE = 10_000 / NOTIFICATIONS;
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
    List<List<String>> units = generate(new Random(20261122));
    int total = units.stream().mapToInt(List::size).sum();
    assertThat(total).isGreaterThanOrEqualTo(NOTIFICATIONS);

    // What a perfect pipeline must end with: distinct records by idempotency key.
    Map<String, FeedbackRecord> distinct = new HashMap<>();
    for (List<String> unit : units) {
      for (String json : unit) {
        for (FeedbackRecord r : normalizer.normalize("x", json).records()) {
          distinct.putIfAbsent(r.idempotencyKey().orElseThrow(), r);
        }
      }
    }
    Map<String, Long> expectedCount = new HashMap<>();
    long hardBounces = 0;
    long complaints = 0;
    long deliveries = 0;
    for (FeedbackRecord r : distinct.values()) {
      Category c = r.classification().category();
      if (c == Category.HARD_BOUNCE || c == Category.COMPLAINT) {
        expectedCount.merge(r.address(), 1L, Long::sum);
      }
      hardBounces += c == Category.HARD_BOUNCE ? 1 : 0;
      complaints += c == Category.COMPLAINT ? 1 : 0;
      deliveries += r.kind() == io.sesguardian.domain.feedback.FeedbackKind.DELIVERY ? 1 : 0;
    }

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
        // Ingest: every unit is retried (like Lambda or SQS) until it is stored.
        ConcurrentLinkedQueue<List<String>> queue = new ConcurrentLinkedQueue<>(units);
        AtomicInteger retries = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
          running.add(
              workers.submit(
                  () -> {
                    List<String> unit;
                    while ((unit = queue.poll()) != null) {
                      List<Normalized> docs = new ArrayList<>();
                      for (String json : unit) {
                        docs.add(normalizer.normalize("storm", json));
                      }
                      boolean stored;
                      try {
                        IngestReport report = service.ingest(docs);
                        stored = report.stored();
                      } catch (RuntimeException e) {
                        stored = false;
                      }
                      if (!stored) {
                        retries.incrementAndGet();
                        queue.add(unit);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : running) {
          f.get(10, TimeUnit.MINUTES);
        }
        workers.shutdown();
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
            "storm: %d notifications in %d units, %d unit retries, %d throttles and %d lost"
                + " answers injected (%d transactions replayed by token), %d suppressed (%d by escalation), %d SES puts; ingest %d s,"
                + " sync %d s%n",
            total,
            units.size(),
            retries.get(),
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

  /**
   * {@link #NOTIFICATIONS}+ notifications in delivery units: single SNS notifications and SQS
   * batches of ten, with repeats of the same message and the same feedback through the other
   * channel.
   */
  static List<List<String>> generate(Random random) {
    List<String> notifications = new ArrayList<>();
    for (int i = 0; notifications.size() < NOTIFICATIONS; i++) {
      Instant t = START.plusSeconds(random.nextInt(48 * 3600));
      int roll = random.nextInt(100);
      String json;
      if (roll < 30) {
        json =
            bounce(
                random.nextBoolean(),
                "Permanent",
                "General",
                "hard" + random.nextInt(2500 / SCALE) + "@example.com",
                "h" + i,
                t);
      } else if (roll < 45) {
        json = complaint("c" + random.nextInt(1000 / SCALE) + "@example.net", "c" + i, t);
      } else if (roll < 60) {
        json =
            bounce(
                true,
                "Transient",
                "MailboxFull",
                "soft" + random.nextInt(300 / SCALE) + "@example.org",
                "s" + i,
                t);
      } else {
        json = delivery("d" + random.nextInt(100_000 / SCALE) + "@example.com", "d" + i, t);
      }
      notifications.add(json);
      if (random.nextInt(10) == 0) {
        notifications.add(json); // SNS delivered it twice
      }
      if (roll < 30 && random.nextInt(20) == 0) {
        notifications.add(json.replace("\"notificationType\"", "\"eventType\"")); // both channels
      }
    }
    List<List<String>> units = new ArrayList<>();
    for (int i = 0; i < notifications.size(); ) {
      int size = random.nextBoolean() ? 1 : Math.min(10, notifications.size() - i);
      units.add(List.copyOf(notifications.subList(i, i + size)));
      i += size;
    }
    return units;
  }

  private static String bounce(
      boolean notification, String type, String subType, String to, String id, Instant t) {
    return ("{\"%s\":\"Bounce\",\"bounce\":{\"bounceType\":\"%s\",\"bounceSubType\":\"%s\","
            + "\"feedbackId\":\"fb-%s\",\"timestamp\":\"%s\",\"bouncedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\"}}")
        .formatted(
            notification ? "notificationType" : "eventType", type, subType, id, t, to, t, id);
  }

  private static String complaint(String to, String id, Instant t) {
    return ("{\"notificationType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"fb-%s\","
            + "\"complaintFeedbackType\":\"abuse\",\"timestamp\":\"%s\",\"complainedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\"}}")
        .formatted(id, t, to, t, id);
  }

  private static String delivery(String to, String id, Instant t) {
    return ("{\"notificationType\":\"Delivery\",\"delivery\":{\"timestamp\":\"%s\",\"recipients\":[\"%s\"]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\"}}")
        .formatted(t, to, t, id);
  }
}
