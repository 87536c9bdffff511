/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The fakes keep the port contracts the domain tests rely on. */
class InMemoryFeedbackStoreTest {

  private final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final CounterKey opKey = CounterKey.of(Scope.ACCOUNT, clock.instant());

  @Test
  void sameEffectFromManyThreads_isAppliedExactlyOnce() throws Exception {
    Effect effect =
        hardBounce("fb-race", "race@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ApplyResult>> results = new ArrayList<>();
    try {
      Callable<ApplyResult> apply = () -> store.applyOnce(List.of(effect), new Counts(), opKey);
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
    assertThat(store.count(Scope.ACCOUNT, clock.instant(), CounterField.DUPLICATES)).isEqualTo(15);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(store.suppression("race@example.org").orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void repeatedLedgerKeyInOneGroup_isRefused() {
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));

    assertThatThrownBy(() -> store.applyOnce(List.of(effect, effect), new Counts(), opKey))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.ledgerSize()).isZero();
  }

  @Test
  void operationalCounts_areWrittenOnce_evenWhenEveryEffectIsADuplicateOrFails() {
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    Counts items = new Counts().add(opKey, CounterField.ITEMS, 1);
    store.applyOnce(List.of(effect), items, opKey);
    store.applyOnce(List.of(effect), items, opKey);
    store.failNextApplies(1);
    ApplyResult failed =
        store.applyOnce(
            List.of(hardBounce("fb-2", "b@example.org", Instant.parse("2026-03-01T00:00:00Z"))),
            items,
            opKey);

    assertThat(failed.failed()).hasSize(1);
    assertThat(store.count(Scope.ACCOUNT, clock.instant(), CounterField.ITEMS)).isEqualTo(3);
    assertThat(store.suppression("b@example.org")).isEmpty();
  }

  @Test
  void ledger_forgetsKeysAfterItsRetention() {
    InMemoryFeedbackStore forgetful = new InMemoryFeedbackStore(clock, Duration.ofDays(14));
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    forgetful.applyOnce(List.of(effect), new Counts(), opKey);
    clock.advance(Duration.ofDays(14).minusSeconds(1));
    assertThat(forgetful.applyOnce(List.of(effect), new Counts(), opKey).duplicates()).hasSize(1);

    clock.advance(Duration.ofSeconds(1));

    assertThat(forgetful.applyOnce(List.of(effect), new Counts(), opKey).duplicates()).isEmpty();
    assertThat(forgetful.suppression("a@example.org").orElseThrow().count()).isEqualTo(2);
  }

  @Test
  void lateOlderUpdate_addsToCount_andDescribesTheMostRecentlyRecordedBounce() {
    Instant late = Instant.parse("2026-03-10T00:00:00Z");
    Instant early = Instant.parse("2026-03-01T00:00:00Z");
    store.applyOnce(List.of(hardBounce("fb-late", "a@example.org", late)), new Counts(), opKey);
    store.applyOnce(List.of(hardBounce("fb-early", "a@example.org", early)), new Counts(), opKey);

    SuppressionEntry entry = store.suppression("a@example.org").orElseThrow();
    assertThat(entry.count()).isEqualTo(2);
    // Like the DynamoDB store: the latest recorded update wins, the first one keeps the identity.
    assertThat(entry.lastSeen()).isEqualTo(early);
    assertThat(entry.lastFeedbackId()).isEqualTo("fb-early");
    assertThat(entry.firstSeen()).isEqualTo(late);
    assertThat(entry.firstLedgerKey()).isEqualTo("bounce#fb-late#a@example.org");
  }

  @Test
  void outbox_returnsDueEntriesOldestDueFirst_andMarkFailedMovesTheDueTime() {
    suppress("b@example.org");
    clock.advance(Duration.ofSeconds(1));
    suppress("a@example.org");
    clock.advance(Duration.ofSeconds(1));
    suppress("c@example.org");
    Instant now = clock.instant();

    assertThat(store.pendingOutbox(now, 10))
        .extracting(SuppressionEntry::address)
        .containsExactly("b@example.org", "a@example.org", "c@example.org");
    assertThat(store.pendingOutbox(now, 2)).hasSize(2);

    store.markFailed("b@example.org", "x".repeat(5000), now.plus(Duration.ofMinutes(15)));

    assertThat(store.pendingOutbox(now, 10))
        .extracting(SuppressionEntry::address)
        .containsExactly("a@example.org", "c@example.org");
    assertThat(store.pendingOutbox(now.plus(Duration.ofMinutes(15)), 10))
        .extracting(SuppressionEntry::address)
        .containsExactly("a@example.org", "c@example.org", "b@example.org");
    assertThat(store.pendingOutboxSize()).isEqualTo(3);
    SuppressionEntry failed = store.suppression("b@example.org").orElseThrow();
    assertThat(failed.sesLastError()).hasSize(InMemoryFeedbackStore.MAX_ERROR);
    assertThat(failed.sesAttempts()).isEqualTo(1);
    assertThat(failed.sesState()).isEqualTo(SesSyncState.PENDING);
  }

  @Test
  void markingAnAddressThatIsNotListed_fails() {
    assertThatThrownBy(() -> store.markSynced("nobody@example.org", clock.instant()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void counters_returnTheHoursInRange() {
    Instant h1 = Instant.parse("2026-03-01T01:00:00Z");
    Instant h3 = Instant.parse("2026-03-01T03:00:00Z");
    store.addCounts(
        new Counts()
            .add(CounterKey.of(Scope.ACCOUNT, h1), CounterField.SEND, 5)
            .add(CounterKey.of(Scope.ACCOUNT, h3), CounterField.SEND, 7)
            .add(CounterKey.of(Scope.domain("example.com"), h1), CounterField.SEND, 1));

    assertThat(store.counters(Scope.ACCOUNT, h1, h1.plus(Duration.ofHours(1))))
        .containsOnlyKeys(h1);
    assertThat(store.counters(Scope.ACCOUNT, h1, h3)).containsOnlyKeys(h1, h3);
    assertThat(store.counts(Scope.ACCOUNT, h3.plusSeconds(59)))
        .containsEntry(CounterField.SEND, 7L);
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

  private void suppress(String address) {
    store.suppressIfAbsent(
        new SuppressionUpdate(
            address,
            SuppressionReason.BOUNCE,
            SuppressionOrigin.HARD_BOUNCE,
            clock.instant(),
            null,
            null,
            SesSyncState.PENDING,
            false,
            "k#" + address),
        clock.instant());
  }

  private static Effect hardBounce(String feedbackId, String address, Instant at) {
    String json =
        SesJson.bounce(
            SesJson.Format.NOTIFICATION, feedbackId, "Permanent", "General", at, address);
    return Effect.of(new FeedbackNormalizer().normalize(feedbackId, json).records().get(0));
  }
}
