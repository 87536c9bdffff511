/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.FeedbackIngestion;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.domain.telemetry.Telemetry;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import java.time.Clock;

/** The handlers' use case over in-memory fakes, wired as the production wiring does. */
final class TestWiring {

  private TestWiring() {}

  static FeedbackIngest ingest(
      InMemoryFeedbackStore store, Clock clock, Telemetry telemetry, RejectedItems kept) {
    return new FeedbackIngest(
        new FeedbackIngestion(
            new FeedbackNormalizer(),
            new IngestService(store, IngestPolicy.DEFAULT, clock),
            IngestHandler.UNIT,
            kept),
        telemetry,
        clock);
  }

  static FeedbackIngest ingest(InMemoryFeedbackStore store, Clock clock, Telemetry telemetry) {
    return ingest(store, clock, telemetry, RejectedItems.NONE);
  }
}
