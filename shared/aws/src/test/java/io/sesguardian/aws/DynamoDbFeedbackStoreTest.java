/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.Bucket;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapter and the ingest service on moto, through the real SDK. */
@ExtendWith(MotoExtension.class)
class DynamoDbFeedbackStoreTest {

  private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();
  private AwsClients clients;
  private DynamoDbFeedbackStore store;
  private IngestService service;

  @BeforeEach
  void setUp(MotoServer moto) {
    clients = MotoDynamoDb.clients(moto);
    String table = MotoDynamoDb.newTable(clients);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    store =
        new DynamoDbFeedbackStore(
            clients.dynamoDb(), table, DynamoDbFeedbackStore.Settings.DEFAULT, clock, Sleeper.REAL);
    service = new IngestService(store, IngestPolicy.DEFAULT, clock);
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  private Normalized event(String name) {
    return FeedbackEnvelopes.normalizeDocument(
        normalizer, name, new String(Fixtures.eventBytes(name), StandardCharsets.UTF_8));
  }

  private IngestReport ingest(String... names) {
    List<Normalized> docs = new ArrayList<>();
    for (String name : names) {
      docs.add(event(name));
    }
    return service.ingest(docs);
  }

  private long counter(Scope scope, Instant hour, CounterField field) {
    Map<Instant, Map<CounterField, Long>> rows = store.counters(scope, hour, hour);
    return rows.getOrDefault(hour, Map.of()).getOrDefault(field, 0L);
  }

  @Test
  void sameSnsMessageTwice_changesNothingTheSecondTime_andCountsADuplicate() {
    IngestReport first = ingest("lambda-sns/bounce-permanent-general.json");
    IngestReport second = ingest("lambda-sns/bounce-permanent-general.json");
    assertThat(first.recipients(Bucket.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(first.suppressed()).hasSize(1);
    assertThat(second.duplicates()).isEqualTo(1);
    assertThat(second.recipients().values()).allMatch(n -> n == 0);
    assertThat(second.suppressed()).isEmpty();
    SuppressionEntry entry = store.allSuppressions().get(0);
    assertThat(entry.count()).isEqualTo(1);
    assertThat(entry.sesState()).isEqualTo(SesSyncState.PENDING);
    Instant hour =
        event("lambda-sns/bounce-permanent-general.json")
            .records()
            .get(0)
            .eventTime()
            .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    assertThat(counter(Scope.ACCOUNT, hour, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(counter(Scope.ACCOUNT, hour, CounterField.BOUNCE_COUNTED)).isEqualTo(1);
    assertThat(
            counter(Scope.ACCOUNT, Instant.parse("2026-03-20T12:00:00Z"), CounterField.DUPLICATES))
        .isEqualTo(1);
  }

  @Test
  void sameFeedbackThroughBothChannels_countsOnce() {
    // The identity notification and the event-publishing copy share feedbackId and recipient.
    String bounce =
        """
        {"%s":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General",
         "feedbackId":"0100-both-channels","timestamp":"2026-03-20T10:00:00Z",
         "bouncedRecipients":[{"emailAddress":"both@example.com"}]},
         "mail":{"timestamp":"2026-03-20T09:59:59Z","messageId":"m-both","source":"a@example.org"}}
        """;
    IngestReport a =
        service.ingest(
            List.of(
                FeedbackEnvelopes.normalizeDocument(
                    normalizer, "identity", bounce.formatted("notificationType"))));
    IngestReport b =
        service.ingest(
            List.of(
                FeedbackEnvelopes.normalizeDocument(
                    normalizer, "event", bounce.formatted("eventType"))));
    assertThat(a.suppressed())
        .extracting(SuppressionEntry::address)
        .containsExactly("both@example.com");
    assertThat(b.duplicates()).isEqualTo(1);
    assertThat(
            counter(
                Scope.ACCOUNT,
                Instant.parse("2026-03-20T10:00:00Z"),
                CounterField.BOUNCE_PERMANENT))
        .isEqualTo(1);
  }

  @Test
  void sameItemsFromSeveralThreadsAtOnce_countOnce() throws Exception {
    List<String> events =
        List.of(
            "lambda-sns/bounce-permanent-general.json",
            "lambda-sns/complaint-abuse.json",
            "ses/notification/bounce-permanent-general-two-recipients.json",
            "sqs/batch-mixed.json");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<IngestReport>> tasks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        for (String e : events) {
          tasks.add(() -> ingest(e));
        }
      }
      int applied = 0;
      int duplicates = 0;
      for (Future<IngestReport> f : pool.invokeAll(tasks)) {
        IngestReport r = f.get();
        assertThat(r.failedSources()).isEmpty();
        applied += r.recipients().values().stream().mapToInt(Integer::intValue).sum();
        duplicates += r.duplicates();
      }
      int distinct = 0;
      for (String e : events) {
        distinct += event(e).records().size();
      }
      assertThat(applied).isEqualTo(distinct);
      assertThat(duplicates).isEqualTo(distinct * 5);
    } finally {
      pool.shutdownNow();
    }
    Map<String, Long> distinctPerAddress = new java.util.HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String e : events) {
      for (var r : event(e).records()) {
        if (r.classification().suppressionReason() != null
            && seen.add(r.idempotencyKey().orElseThrow())) {
          distinctPerAddress.merge(r.address(), 1L, Long::sum);
        }
      }
    }
    assertThat(store.allSuppressions()).hasSize(distinctPerAddress.size());
    for (SuppressionEntry entry : store.allSuppressions()) {
      assertThat(entry.count())
          .as(entry.address())
          .isEqualTo(distinctPerAddress.get(entry.address()));
    }
  }

  @Test
  void multiRecipientBounce_suppressesEachBouncedRecipient() {
    IngestReport report = ingest("ses/notification/bounce-permanent-general-two-recipients.json");
    assertThat(report.suppressed()).hasSize(2);
    assertThat(store.allSuppressions())
        .extracting(SuppressionEntry::origin)
        .containsOnly(SuppressionOrigin.HARD_BOUNCE);
  }

  @Test
  void onAccountListAndSimulator_areRecordedButNeverQueuedForSes() {
    ingest(
        "ses/notification/bounce-permanent-onaccountsuppressionlist.json",
        "ses/notification/bounce-simulator.json",
        "ses/notification/complaint-abuse.json");
    assertThat(store.allSuppressions())
        .extracting(SuppressionEntry::sesState)
        .containsExactlyInAnyOrder(
            SesSyncState.NOT_NEEDED, SesSyncState.SIMULATOR, SesSyncState.PENDING);
    assertThat(store.pendingOutbox(NOW, 10)).hasSize(1);
    assertThat(store.pendingOutboxSize()).isEqualTo(1);
  }

  @Test
  void softBounces_escalateInsideTheWindow_butNotOutsideIt() {
    String soft =
        """
        {"notificationType":"Bounce","bounce":{"bounceType":"Transient","bounceSubType":"MailboxFull",
         "feedbackId":"%s","timestamp":"%s","bouncedRecipients":[{"emailAddress":"%s"}]},
         "mail":{"timestamp":"%s","messageId":"m-%s"}}
        """;
    String[] inside = {"2026-03-01T00:00:00Z", "2026-03-10T00:00:00Z", "2026-03-29T00:00:00Z"};
    String[] outside = {"2026-01-01T00:00:00Z", "2026-02-05T00:00:00Z", "2026-03-12T00:00:00Z"};
    List<String> escalated = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (String[] series : List.of(inside, outside)) {
        String address = series == inside ? "full@example.com" : "sometimes@example.com";
        String json = soft.formatted("fb-" + address + i, series[i], address, series[i], i);
        escalated.addAll(
            service
                .ingest(List.of(FeedbackEnvelopes.normalizeDocument(normalizer, "s", json)))
                .escalated());
      }
    }
    assertThat(escalated).containsExactly("full@example.com");
    SuppressionEntry entry = store.allSuppressions().get(0);
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.SOFT_BOUNCE_ESCALATION);
    assertThat(entry.sesState()).isEqualTo(SesSyncState.PENDING);
    assertThat(store.softBounceTimes("sometimes@example.com", Instant.EPOCH, NOW)).hasSize(3);
  }

  @Test
  void largeBatch_isSplitIntoTransactionsWithinDynamoDbsLimit() {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 150; i++) {
      if (i > 0) {
        batch.append(',');
      }
      batch.append(
          """
          {"notificationType":"Complaint","complaint":{"feedbackId":"big-%d",
           "timestamp":"2026-03-20T10:00:00Z","complainedRecipients":[{"emailAddress":"c%d@example.com"}]},
           "mail":{"timestamp":"2026-03-20T09:00:00Z","messageId":"m%d","source":"n@example.org"}}
          """
              .formatted(i, i, i));
    }
    IngestReport report =
        service.ingest(
            List.of(
                FeedbackEnvelopes.normalizeDocument(
                    normalizer, "batch", batch.append(']').toString())));
    assertThat(report.failedSources()).isEmpty();
    assertThat(report.suppressed()).hasSize(150);
    assertThat(
            counter(Scope.ACCOUNT, Instant.parse("2026-03-20T10:00:00Z"), CounterField.COMPLAINT))
        .isEqualTo(150);
    assertThat(
            counter(
                Scope.domain("example.org"),
                Instant.parse("2026-03-20T10:00:00Z"),
                CounterField.COMPLAINT_COUNTED))
        .isEqualTo(150);
    assertThat(counter(Scope.ACCOUNT, NOW, CounterField.ITEMS)).isEqualTo(150);
  }

  @Test
  void canaryFeedback_isObservedWithTheRecord_andTheRunPassesOnDynamoDb() {
    DynamoDbCanaryStore canaryStore = store.canaryStore();
    List<String> sent = new ArrayList<>();
    var canaries =
        new io.sesguardian.domain.canary.Canaries(
            (to, run) -> {
              sent.add(to);
              return "m";
            },
            canaryStore,
            a -> {},
            java.time.Duration.ofMinutes(30),
            java.time.Duration.ofDays(1));
    var run = canaries.start(NOW.minusSeconds(60));
    run.expected()
        .forEach(
            (to, kind) -> {
              String json =
                  switch (kind) {
                    case DELIVERY ->
                        ("{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"%s\","
                                + "\"recipients\":[\"%s\"]},\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\"}}")
                            .formatted(NOW, to, NOW, to);
                    case BOUNCE ->
                        ("{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                                + "\"feedbackId\":\"f-%s\",\"timestamp\":\"%s\",\"bouncedRecipients\":"
                                + "[{\"emailAddress\":\"%s\"}]},\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\"}}")
                            .formatted(to, NOW, to, NOW, to);
                    default ->
                        ("{\"eventType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"c-%s\","
                                + "\"timestamp\":\"%s\",\"complainedRecipients\":[{\"emailAddress\":\"%s\"}]},"
                                + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\"}}")
                            .formatted(to, NOW, to, NOW, to);
                  };
              service.ingest(List.of(FeedbackEnvelopes.normalizeDocument(normalizer, "sim", json)));
            });
    assertThat(sent).hasSize(5);
    assertThat(canaryStore.observations(run.runId())).hasSize(5);
    var closed = canaries.check(NOW);
    assertThat(closed)
        .singleElement()
        .extracting(r -> r.outcome())
        .isEqualTo(io.sesguardian.domain.canary.CanaryRun.Outcome.PASSED);
    assertThat(canaryStore.openRuns()).isEmpty();
    assertThat(canaryStore.runs(NOW.minusSeconds(3600), NOW.plusSeconds(1)).get(0).latencies())
        .hasSize(5);
  }
}
