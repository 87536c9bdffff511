/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.RawDelivery;
import io.sesguardian.domain.ingest.DeliveryOutcome;
import io.sesguardian.domain.ingest.FeedbackIngestion;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestResult;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.time.Deadline;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.InMemoryRejectedItems;
import io.sesguardian.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared ingest use case as {@code guardian replay} drives it: whole file documents opened by
 * {@link FeedbackEnvelopes#document}, their deliveries ingested.
 */
class DocumentIngestionTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final InMemoryRejectedItems kept = new InMemoryRejectedItems(clock);
  private final FeedbackIngestion ingestion =
      new FeedbackIngestion(
          new FeedbackNormalizer(), new IngestService(store, IngestPolicy.DEFAULT, clock), 2, kept);

  private static List<RawDelivery> documents(String... sourceAndText) {
    List<RawDelivery> deliveries = new ArrayList<>();
    for (int i = 0; i < sourceAndText.length; i += 2) {
      deliveries.addAll(FeedbackEnvelopes.document(sourceAndText[i], sourceAndText[i + 1]));
    }
    return deliveries;
  }

  private static String event(String name) {
    return new String(Fixtures.eventBytes(name), StandardCharsets.UTF_8);
  }

  @Test
  void envelopesInFiles_areOpenedLikeTheLambdaEventsTheyAre() {
    IngestResult result =
        ingestion.ingest(
            documents(
                "a.json", event("lambda-sns/bounce-permanent-general.json"),
                "b.json", event("lambda-sns/complaint-abuse.json"),
                "c.json", event("lambda-sns/validation-notice.json")),
            Deadline.none(clock));

    assertThat(result.outcomes())
        .containsEntry("a.json#Records[0]", DeliveryOutcome.STORED)
        .containsEntry("b.json#Records[0]", DeliveryOutcome.STORED)
        .containsEntry("c.json#Records[0]", DeliveryOutcome.IGNORED);
    assertThat(store.allSuppressions()).hasSize(2);
    assertThat(kept.all()).isEmpty();
  }

  @Test
  void documentWithARejectedItem_isKeptForTakingBack_andTheOthersAreStored() {
    IngestResult result =
        ingestion.ingest(
            documents(
                "good.json",
                event("lambda-sns/bounce-permanent-general.json"),
                "bad.json",
                "{\"notificationType\":\"Bounce\"}"),
            Deadline.none(clock));

    assertThat(result.outcomes())
        .containsEntry("good.json#Records[0]", DeliveryOutcome.STORED)
        .containsEntry("bad.json", DeliveryOutcome.REJECTED);
    assertThat(kept.all())
        .singleElement()
        .satisfies(k -> assertThat(k.source()).isEqualTo("bad.json"));
    assertThat(store.allSuppressions()).hasSize(1);
  }
}
