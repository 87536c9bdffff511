/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.canary.CanaryRun;
import io.sesguardian.domain.canary.CanaryRuns;
import io.sesguardian.domain.feedback.FeedbackKind;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link CanaryRuns} contract, for every adapter: subclass it with a factory for fresh, empty
 * stores sharing one state (observations are written by the feedback store's ingest).
 */
public abstract class CanaryRunsContract {

  private static final String BOUNCE = "bounce+guardian-202603011000@simulator.amazonses.com";

  protected final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  protected Stores stores;
  protected CanaryRuns canary;

  /** Fresh, empty stores over one state whose "now" is {@code clock}. */
  protected abstract Stores newStores(Clock clock);

  @BeforeEach
  void createStores() {
    stores = newStores(clock);
    canary = stores.canary();
  }

  @Test
  void savedRun_readsBackEqual_andClosingItReplacesIt() {
    Instant sent = clock.instant();
    CanaryRun open =
        new CanaryRun(
            "guardian-202603011000",
            sent,
            Map.of(
                BOUNCE,
                FeedbackKind.BOUNCE,
                "success+guardian-202603011000@simulator.amazonses.com",
                FeedbackKind.DELIVERY),
            null,
            null,
            null);
    canary.saveRun(open);

    assertThat(canary.openRuns()).containsExactly(open);

    CanaryRun closed =
        new CanaryRun(
            open.runId(),
            sent,
            open.expected(),
            CanaryRun.Outcome.FAILED,
            Map.of(BOUNCE, Duration.ofMillis(12_345)),
            List.of("success+guardian-202603011000@simulator.amazonses.com"));
    canary.saveRun(closed);

    assertThat(canary.openRuns()).isEmpty();
    assertThat(canary.runs(sent, sent.plusSeconds(1))).containsExactly(closed);
  }

  @Test
  void runs_areThoseSentInAHalfOpenRange_oldestFirst() {
    CanaryRun r1 = run("guardian-202603011000", "2026-03-01T10:00:00Z", CanaryRun.Outcome.PASSED);
    CanaryRun r2 = run("guardian-202603011600", "2026-03-01T16:00:00Z", null);
    CanaryRun r3 = run("guardian-202603020000", "2026-03-02T00:00:00Z", CanaryRun.Outcome.PASSED);
    canary.saveRun(r2);
    canary.saveRun(r3);
    canary.saveRun(r1);

    assertThat(canary.runs(r1.sentAt(), r3.sentAt())).containsExactly(r1, r2);
    assertThat(canary.runs(r1.sentAt().plusMillis(1), r3.sentAt().plusMillis(1)))
        .containsExactly(r2, r3);
    assertThat(canary.openRuns()).containsExactly(r2);
  }

  @Test
  void ingestOfACanaryRecord_isObservedOnce_atItsFirstRecording() {
    Instant first = clock.instant();
    var effect = Effects.hardBounce("fb-canary", BOUNCE, first.minusSeconds(30));
    CounterKey op = CounterKey.of(Scope.ACCOUNT, first);
    stores.feedback().applyOnce(List.of(effect), new Counts(), op);
    clock.advance(Duration.ofMinutes(5));
    stores.feedback().applyOnce(List.of(effect), new Counts(), op);

    assertThat(canary.observations("guardian-202603011000"))
        .containsExactly(Map.entry("bounce#" + BOUNCE, first));
    assertThat(canary.observations("guardian-202603011600")).isEmpty();
  }

  private static CanaryRun run(String id, String sentAt, CanaryRun.Outcome outcome) {
    String address = "bounce+" + id + "@simulator.amazonses.com";
    return new CanaryRun(
        id,
        Instant.parse(sentAt),
        Map.of(address, FeedbackKind.BOUNCE),
        outcome,
        outcome == null ? Map.of() : Map.of(address, Duration.ofSeconds(40)),
        List.of());
  }
}
