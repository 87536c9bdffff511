/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.telemetry.LogLevel;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.RecordingTelemetry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MonitorTriggerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));

  @Test
  void newBouncesTriggerTheMonitor_atMostOnceAMinute_andDeliveriesNever() {
    AtomicInteger invoked = new AtomicInteger();
    FeedbackIngest ingest =
        new FeedbackIngest(
            new FeedbackNormalizer(),
            new IngestService(new InMemoryFeedbackStore(clock), IngestPolicy.DEFAULT, clock),
            clock,
            new MonitorTrigger(invoked::incrementAndGet, clock));
    RecordingTelemetry log = new RecordingTelemetry();
    ingest.ingest(List.of(doc("ses/notification/delivery.json")), log);
    assertThat(invoked).hasValue(0);
    ingest.ingest(List.of(doc("ses/notification/bounce-permanent-general.json")), log);
    ingest.ingest(List.of(doc("ses/notification/complaint-abuse.json")), log);
    assertThat(invoked).hasValue(1);
    clock.advance(Duration.ofSeconds(61));
    ingest.ingest(List.of(doc("ses/event/complaint-abuse.json")), log);
    assertThat(invoked).hasValue(2);
  }

  @Test
  void failingTrigger_isLoggedAndNeverFailsIngest() {
    MonitorTrigger trigger =
        new MonitorTrigger(
            () -> {
              throw new IllegalStateException("throttled");
            },
            clock);
    RecordingTelemetry log = new RecordingTelemetry();
    assertThat(trigger.fire(log)).isFalse();
    assertThat(log.logs())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.level()).isEqualTo(LogLevel.WARN);
              assertThat(e.message()).contains("could not trigger the monitor");
              assertThat(e.field("error")).isEqualTo("IllegalStateException");
            });
  }

  private static FeedbackIngest.Document doc(String name) {
    return new FeedbackIngest.Document(
        name, new String(Fixtures.eventBytes(name), StandardCharsets.UTF_8));
  }
}
