/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.BatchCounters;
import io.sesguardian.domain.ingest.Bucket;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ingest with count-only events batched ({@link IngestService#batchingCountOnlyEvents}): sends and
 * deliveries cost no ledger entry, are idempotent per batch, and bounces stay exactly-once.
 */
class BatchedCountsIngestTest {

  private final MutableClock clock = MutableClock.at("2026-04-01T10:15:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();
  private final IngestService service =
      new IngestService(store, IngestPolicy.DEFAULT, clock).batchingCountOnlyEvents(store);

  @Test
  void sendsAndDeliveries_areCountedWithoutLedgerEntries_bouncesKeepTheirs() {
    IngestReport report =
        service.ingest(docs(send("s1"), send("s2"), delivery("d1"), delivery("d2"), bounce("b1")));

    assertThat(report.stored()).isTrue();
    assertThat(report.recipients(Bucket.SEND)).isEqualTo(2);
    assertThat(report.recipients(Bucket.DELIVERY)).isEqualTo(2);
    assertThat(report.recipients(Bucket.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(store.ledgerSize()).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.SEND)).isEqualTo(2);
    assertThat(store.total(Scope.ACCOUNT, CounterField.DELIVERY)).isEqualTo(2);
    assertThat(store.total(Scope.configurationSet("marketing"), CounterField.DELIVERY))
        .isEqualTo(2);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(store.suppression("b1@example.com")).isPresent();
  }

  @Test
  void sameBatchRedelivered_countsOnce() {
    List<String> batch = List.of(send("s1"), delivery("d1"), bounce("b1"));
    service.ingest(docs(batch.toArray(String[]::new)));

    // Another order, same events: the batch key does not depend on order.
    IngestReport again = service.ingest(docs(batch.get(2), batch.get(1), batch.get(0)));

    assertThat(again.stored()).isTrue();
    assertThat(again.duplicates()).isEqualTo(1); // the bounce, through its ledger entry
    assertThat(store.total(Scope.ACCOUNT, CounterField.SEND)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.DELIVERY)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    // Operational counts are per call: both calls read their items.
    assertThat(store.total(Scope.ACCOUNT, CounterField.ITEMS)).isEqualTo(2L * batch.size());
  }

  @Test
  void sameDeliveryInAnotherBatch_isCountedAgain_theDocumentedLimit() {
    service.ingest(docs(delivery("d1"), delivery("d2")));

    service.ingest(docs(delivery("d2"), delivery("d3")));

    // Idempotency is per batch: a redelivery mixed with other messages counts again.
    assertThat(store.total(Scope.ACCOUNT, CounterField.DELIVERY)).isEqualTo(4);
  }

  @Test
  void sameSendTwiceInOneBatch_countsOnce() {
    IngestReport report = service.ingest(docs(send("s1"), send("s1")));

    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.SEND)).isEqualTo(1);
  }

  @Test
  void batchWriteFailure_failsOnlyTheCountOnlyRecords_andTheRetryCountsOnce() {
    store.unavailableForNext(1);

    IngestReport failed = service.ingest(docs(send("s1"), delivery("d1"), bounce("b1")));

    assertThat(failed.failed()).hasSize(2);
    assertThat(failed.recipients(Bucket.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.SEND)).isZero();
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);

    IngestReport retried = service.ingest(docs(send("s1"), delivery("d1")));

    assertThat(retried.stored()).isTrue();
    assertThat(store.total(Scope.ACCOUNT, CounterField.SEND)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.DELIVERY)).isEqualTo(1);
  }

  @Test
  void eventTheStoreRefuses_failsAlone_itsBatchMatesAreCounted() {
    // A store that refuses any write touching the sending domain "poison.example" outright, as
    // DynamoDB refuses a key over its size limit.
    BatchCounters refusing =
        (counts, key) -> {
          if (counts.buckets().keySet().stream()
              .anyMatch(k -> k.scope().equals(Scope.domain("poison.example")))) {
            throw new IllegalArgumentException("refused");
          }
          store.addBatchCounts(counts, key);
        };
    IngestService service =
        new IngestService(store, IngestPolicy.DEFAULT, clock).batchingCountOnlyEvents(refusing);

    IngestReport report =
        service.ingest(
            docs(send("s1"), send("s2").replace("news@shop.example", "x@poison.example")));

    assertThat(report.failed()).hasSize(1);
    assertThat(report.recipients(Bucket.SEND)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.SEND)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.ITEMS)).isEqualTo(2);
  }

  @Test
  void withoutBatching_sendsKeepLedgerEntries() {
    IngestService ledgered = new IngestService(store, IngestPolicy.DEFAULT, clock);

    ledgered.ingest(docs(send("s1"), delivery("d1")));
    IngestReport again = ledgered.ingest(docs(delivery("d1"), delivery("d2")));

    assertThat(store.ledgerSize()).isEqualTo(3);
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.DELIVERY)).isEqualTo(2);
  }

  private List<Normalized> docs(String... json) {
    List<Normalized> docs = new ArrayList<>();
    for (String j : json) {
      docs.add(normalizer.normalize("test", j));
    }
    return docs;
  }

  private static final String MAIL =
      "\"mail\":{\"timestamp\":\"2026-04-01T09:00:00Z\",\"messageId\":\"m-%s\","
          + "\"source\":\"news@shop.example\",\"destination\":[\"%s@example.com\"],"
          + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}";

  private static String send(String id) {
    return ("{\"eventType\":\"Send\",\"send\":{}," + MAIL + "}").formatted(id, id);
  }

  private static String delivery(String id) {
    return ("{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2026-04-01T09:00:01Z\","
            + "\"recipients\":[\"%s@example.com\"]},"
            + MAIL
            + "}")
        .formatted(id, id, id);
  }

  private static String bounce(String id) {
    return ("{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bounceSubType\":\"General\",\"feedbackId\":\"fb-%s\","
            + "\"timestamp\":\"2026-04-01T09:00:02Z\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"%s@example.com\"}]},"
            + MAIL
            + "}")
        .formatted(id, id, id, id);
  }
}
