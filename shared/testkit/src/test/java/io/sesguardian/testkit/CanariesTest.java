/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.canary.Canaries;
import io.sesguardian.domain.canary.CanaryRun;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.monitor.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Canaries with a stubbed SES send: the simulator's feedback, ingested like any other, is
 * correlated with the run by its {@code +guardian-…} label; a canary that never comes back fails
 * the run and alerts once its timeout passes.
 */
class CanariesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T06:00:00Z"));
  private final InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
  private final InMemoryCanaryStore store = new InMemoryCanaryStore(feedback);
  private final List<String> sent = new ArrayList<>();
  private final List<Alert> alerts = new ArrayList<>();
  private final Canaries canaries =
      new Canaries(
          (to, run) -> {
            sent.add(to);
            return "msg-" + sent.size();
          },
          store,
          alerts::add,
          Duration.ofMinutes(30),
          Duration.ofDays(1));
  private final IngestService ingest = new IngestService(feedback, IngestPolicy.DEFAULT, clock);

  /** What SES would publish for a simulator address: the kind the simulator produces. */
  private void simulatorAnswers(String to, String kind) {
    String json =
        switch (kind) {
          case "delivery" ->
              "{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"%s\",\"recipients\":[\"%s\"]},\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\"}}"
                  .formatted(clock.instant(), to, clock.instant(), to);
          case "bounce" ->
              "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\",\"feedbackId\":\"f-%s\",\"timestamp\":\"%s\",\"bouncedRecipients\":[{\"emailAddress\":\"%s\"}]},\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\"}}"
                  .formatted(to, clock.instant(), to, clock.instant(), to);
          default ->
              "{\"eventType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"c-%s\",\"timestamp\":\"%s\",\"complainedRecipients\":[{\"emailAddress\":\"%s\"}]},\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\"}}"
                  .formatted(to, clock.instant(), to, clock.instant(), to);
        };
    ingest.ingest(List.of(new FeedbackNormalizer().normalize("sim", json)));
  }

  @Test
  void everyCanaryComingBack_passesTheRunWithItsLatencies() {
    CanaryRun run = canaries.start(clock.instant());
    assertThat(sent)
        .containsExactly(
            "success+guardian-202605040600@simulator.amazonses.com",
            "bounce+guardian-202605040600@simulator.amazonses.com",
            "complaint+guardian-202605040600@simulator.amazonses.com",
            "ooto+guardian-202605040600@simulator.amazonses.com",
            "suppressionlist+guardian-202605040600@simulator.amazonses.com");
    clock.advance(Duration.ofSeconds(4));
    run.expected().forEach((to, kind) -> simulatorAnswers(to, kind.jsonName()));
    List<CanaryRun> closed = canaries.check(clock.instant());
    assertThat(closed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(CanaryRun.Outcome.PASSED);
              assertThat(r.latencies().values()).containsOnly(Duration.ofSeconds(4));
            });
    assertThat(alerts).isEmpty();
    assertThat(Canaries.summary(store.runs(Instant.EPOCH, clock.instant())))
        .isEqualTo("1 run(s): 1 passed, 0 failed, 0 open; send to recorded median 4 s, max 4 s");
  }

  @Test
  void aCanaryThatNeverComesBack_failsTheRunAndAlerts_onlyAfterTheTimeout() {
    CanaryRun run = canaries.start(clock.instant());
    run.expected()
        .forEach(
            (to, kind) -> {
              if (!to.startsWith("complaint+")) {
                simulatorAnswers(to, kind.jsonName());
              }
            });
    clock.advance(Duration.ofMinutes(29));
    assertThat(canaries.check(clock.instant())).isEmpty();
    assertThat(alerts).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    List<CanaryRun> closed = canaries.check(clock.instant());
    assertThat(closed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(CanaryRun.Outcome.FAILED);
              assertThat(r.missing())
                  .containsExactly("complaint+guardian-202605040600@simulator.amazonses.com");
            });
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.subject()).contains("missing 1"));
    assertThat(canaries.check(clock.instant())).isEmpty();
  }

  @Test
  void tick_startsARunOncePerInterval_andOrdinaryAddressesAreNotCanaries() {
    canaries.tick(clock.instant());
    clock.advance(Duration.ofHours(1));
    canaries.tick(clock.instant());
    assertThat(sent).hasSize(5);
    clock.advance(Duration.ofDays(1));
    canaries.tick(clock.instant());
    assertThat(sent).hasSize(10);
    assertThat(Canaries.runOf("bounce@simulator.amazonses.com")).isEmpty();
    assertThat(Canaries.runOf("user+guardian-1@example.com")).isEmpty();
  }
}
