/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static io.sesguardian.testkit.contract.Effects.hardBounce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackLedger;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link FeedbackLedger} contract, for every adapter. Effects are applied exactly once, with
 * everything they write; what an adapter cannot simulate (injected failures, ledger expiry on a
 * test clock) is a hook whose default skips the test.
 */
public abstract class FeedbackLedgerContract extends StoreContract {

  /** The role under test. */
  protected FeedbackLedger ledger;

  /**
   * A fresh store whose ledger forgets a key {@code retention} after recording it, or empty when
   * the adapter cannot make time pass (the test is then skipped).
   */
  protected Optional<FeedbackStore> newStoreWithLedgerRetention(Clock clock, Duration retention) {
    return Optional.empty();
  }

  /**
   * Makes the next {@link FeedbackLedger#applyOnce} call on {@code store} fail as an outage would;
   * false when the adapter cannot (the test is then skipped).
   */
  protected boolean failNextApply(FeedbackStore store) {
    return false;
  }

  @Override
  void roles() {
    ledger = store;
  }

  @Test
  void sameEffectFromManyThreads_isAppliedExactlyOnce() throws Exception {
    Effect effect =
        hardBounce("fb-race", "race@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ApplyResult>> results = new ArrayList<>();
    try {
      Callable<ApplyResult> apply = () -> ledger.applyOnce(List.of(effect), new Counts(), opKey);
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(apply));
      }
      int applied = 0;
      for (Future<ApplyResult> r : results) {
        applied += r.get().duplicates().isEmpty() ? 1 : 0;
      }
      assertThat(applied).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(Scope.ACCOUNT, clock.instant(), CounterField.DUPLICATES)).isEqualTo(15);
    assertThat(total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(suppression("race@example.org").orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void repeatedLedgerKeyInOneGroup_isRefused_andChangesNothing() {
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));

    assertThatThrownBy(() -> ledger.applyOnce(List.of(effect, effect), new Counts(), opKey))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(suppression("a@example.org")).isEmpty();
    assertThat(store.counters(Scope.ACCOUNT, FAR_PAST, FAR_FUTURE)).isEmpty();
    assertThat(ledger.applyOnce(List.of(effect), new Counts(), opKey).duplicates()).isEmpty();
  }

  @Test
  void operationalCounts_areWrittenOnce_evenWhenEveryEffectIsADuplicate() {
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    Counts items = new Counts().add(opKey, CounterField.ITEMS, 1);
    ledger.applyOnce(List.of(effect), items, opKey);
    ApplyResult again = ledger.applyOnce(List.of(effect), items, opKey);
    ledger.applyOnce(List.of(), items, opKey);

    assertThat(again.duplicates()).containsExactly(effect.ledgerKey());
    assertThat(again.failed()).isEmpty();
    assertThat(count(Scope.ACCOUNT, clock.instant(), CounterField.ITEMS)).isEqualTo(3);
    assertThat(count(Scope.ACCOUNT, clock.instant(), CounterField.DUPLICATES)).isEqualTo(1);
    assertThat(suppression("a@example.org").orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void failedGroup_changesNothingButTheOperationalCounts_andCanBeRetried() {
    Effect effect = hardBounce("fb-2", "b@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    Counts items = new Counts().add(opKey, CounterField.ITEMS, 1);
    assumeTrue(failNextApply(store), "this adapter cannot inject a failure");

    ApplyResult failed = ledger.applyOnce(List.of(effect), items, opKey);

    assertThat(failed.failed()).hasSize(1);
    assertThat(failed.duplicates()).isEmpty();
    assertThat(count(Scope.ACCOUNT, clock.instant(), CounterField.ITEMS)).isEqualTo(1);
    assertThat(suppression("b@example.org")).isEmpty();
    assertThat(total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isZero();

    ApplyResult retried = ledger.applyOnce(List.of(effect), new Counts(), opKey);

    assertThat(retried.duplicates()).isEmpty();
    assertThat(retried.failed()).isEmpty();
    assertThat(suppression("b@example.org").orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void ledger_forgetsKeysAfterItsRetention() {
    Optional<FeedbackStore> maybe = newStoreWithLedgerRetention(clock, Duration.ofDays(14));
    assumeTrue(maybe.isPresent(), "this adapter cannot expire ledger keys on a test clock");
    FeedbackStore forgetful = maybe.get();
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    forgetful.applyOnce(List.of(effect), new Counts(), opKey);
    clock.advance(Duration.ofDays(14).minusSeconds(1));
    assertThat(forgetful.applyOnce(List.of(effect), new Counts(), opKey).duplicates()).hasSize(1);

    clock.advance(Duration.ofSeconds(1));

    assertThat(forgetful.applyOnce(List.of(effect), new Counts(), opKey).duplicates()).isEmpty();
    assertThat(forgetful.suppressions(List.of("a@example.org")).get("a@example.org").count())
        .isEqualTo(2);
  }

  @Test
  void lateOlderUpdate_addsToCount_andDescribesTheMostRecentlyRecordedBounce() {
    Instant late = Instant.parse("2026-03-10T00:00:00Z");
    Instant early = Instant.parse("2026-03-01T00:00:00Z");
    ledger.applyOnce(List.of(hardBounce("fb-late", "a@example.org", late)), new Counts(), opKey);
    ledger.applyOnce(List.of(hardBounce("fb-early", "a@example.org", early)), new Counts(), opKey);

    SuppressionEntry entry = suppression("a@example.org").orElseThrow();
    assertThat(entry.count()).isEqualTo(2);
    // The latest recorded update wins, the first one keeps the identity.
    assertThat(entry.lastSeen()).isEqualTo(early);
    assertThat(entry.lastFeedbackId()).isEqualTo("fb-early");
    assertThat(entry.firstSeen()).isEqualTo(late);
    assertThat(entry.firstLedgerKey()).isEqualTo("bounce#fb-late#a@example.org");
    assertThat(entry.reason()).isEqualTo(SuppressionReason.BOUNCE);
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.HARD_BOUNCE);
    assertThat(entry.recordedAt()).isEqualTo(clock.instant());
    assertThat(entry.sesState()).isEqualTo(SesSyncState.PENDING);
  }

  @Test
  void appliedEffect_countsInEveryScopeOfItsHour() {
    Instant at = Instant.parse("2026-03-01T05:42:00Z");
    ledger.applyOnce(List.of(hardBounce("fb-1", "a@example.net", at)), new Counts(), opKey);

    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    assertThat(store.counters(Scope.ACCOUNT, hour, hour).get(hour))
        .containsEntry(CounterField.BOUNCE_PERMANENT, 1L)
        .containsEntry(CounterField.BOUNCE_COUNTED, 1L);
    assertThat(store.counters(Scope.recipientDomain("example.net"), hour, hour).get(hour))
        .containsEntry(CounterField.BOUNCE_COUNTED, 1L);
  }
}
