/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.testkit.contract.FeedbackLedgerContract;
import io.sesguardian.testkit.contract.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fake keeps the ledger contract the domain tests rely on, and its own test hooks work. */
class InMemoryFeedbackStoreTest extends FeedbackLedgerContract {

  @Override
  protected Stores newStores(Clock clock) {
    return InMemoryStoresContractTest.stores(clock);
  }

  @Override
  protected Optional<FeedbackStore> newStoreWithLedgerRetention(Clock clock, Duration retention) {
    return Optional.of(new InMemoryFeedbackStore(clock, retention));
  }

  @Override
  protected boolean failNextApply(FeedbackStore store) {
    ((InMemoryFeedbackStore) store).failNextApplies(1);
    return true;
  }

  @Test
  void repeatedLedgerKeyInOneGroup_leavesTheLedgerEmpty() {
    InMemoryFeedbackStore fake = (InMemoryFeedbackStore) store;
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    CounterKey opKey = CounterKey.of(Scope.ACCOUNT, clock.instant());

    assertThatThrownBy(() -> fake.applyOnce(List.of(effect, effect), new Counts(), opKey))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fake.ledgerSize()).isZero();
  }

  @Test
  void clockSleeper_advancesTheClockAndRecordsEachSleep() throws Exception {
    Instant start = clock.instant();
    clock.sleeper().sleep(Duration.ofSeconds(2));
    clock.sleeper().sleep(Duration.ofMillis(250));

    assertThat(clock.instant()).isEqualTo(start.plusMillis(2250));
    assertThat(clock.slept()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(250));
    assertThat(clock.withZone(ZoneId.of("Europe/Paris")).instant()).isEqualTo(clock.instant());
  }

  @Test
  void stubSes_refusesPutsInTheSandbox_andRecordsCallTimes() {
    StubSesSuppressionList ses = new StubSesSuppressionList(clock).productionAccess(false);

    assertThat(ses.put("a@example.org", SuppressionReason.BOUNCE))
        .isInstanceOf(io.sesguardian.domain.sync.SesSuppressionList.PutOutcome.Failed.class);
    clock.advance(Duration.ofSeconds(3));
    ses.account();

    assertThat(ses.held()).isEmpty();
    assertThat(ses.minGapBetweenCalls()).isEqualTo(Duration.ofSeconds(3));
  }

  private static Effect hardBounce(String feedbackId, String address, Instant at) {
    String json =
        SesJson.bounce(
            SesJson.Format.NOTIFICATION, feedbackId, "Permanent", "General", at, address);
    return Effect.of(new FeedbackNormalizer().normalize(feedbackId, json).records().get(0));
  }
}
