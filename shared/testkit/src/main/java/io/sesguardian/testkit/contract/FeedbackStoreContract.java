/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static io.sesguardian.testkit.contract.Effects.hardBounce;
import static io.sesguardian.testkit.contract.Effects.softBounce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link FeedbackStore} contract, for every adapter: subclass it with a factory for a fresh,
 * empty store. Only port methods are used, so the same assertions hold for the in-memory fake,
 * SQLite and DynamoDB. What an adapter cannot simulate (injected failures, ledger expiry) is a hook
 * whose default skips the test.
 */
public abstract class FeedbackStoreContract {

  /** Longest SES error a store keeps. */
  public static final int MAX_SES_ERROR = 1000;

  private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  protected final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");
  protected FeedbackStore store;
  private final CounterKey opKey = CounterKey.of(Scope.ACCOUNT, clock.instant());

  /** A fresh, empty store whose "now" is {@code clock}. */
  protected abstract FeedbackStore newStore(Clock clock);

  /**
   * A fresh store whose ledger forgets a key {@code retention} after recording it, or empty when
   * the adapter cannot make time pass (the test is then skipped).
   */
  protected Optional<FeedbackStore> newStoreWithLedgerRetention(Clock clock, Duration retention) {
    return Optional.empty();
  }

  /**
   * Makes the next {@link FeedbackStore#applyOnce} call on {@code store} fail as an outage would;
   * false when the adapter cannot (the test is then skipped).
   */
  protected boolean failNextApply(FeedbackStore store) {
    return false;
  }

  @BeforeEach
  void createStore() {
    store = newStore(clock);
  }

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
    assertThat(count(Scope.ACCOUNT, clock.instant(), CounterField.DUPLICATES)).isEqualTo(15);
    assertThat(total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(suppression("race@example.org").orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void repeatedLedgerKeyInOneGroup_isRefused_andChangesNothing() {
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));

    assertThatThrownBy(() -> store.applyOnce(List.of(effect, effect), new Counts(), opKey))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(suppression("a@example.org")).isEmpty();
    assertThat(store.counters(Scope.ACCOUNT, FAR_PAST, FAR_FUTURE)).isEmpty();
    assertThat(store.applyOnce(List.of(effect), new Counts(), opKey).duplicates()).isEmpty();
  }

  @Test
  void operationalCounts_areWrittenOnce_evenWhenEveryEffectIsADuplicate() {
    Effect effect = hardBounce("fb-1", "a@example.org", Instant.parse("2026-03-01T00:00:00Z"));
    Counts items = new Counts().add(opKey, CounterField.ITEMS, 1);
    store.applyOnce(List.of(effect), items, opKey);
    ApplyResult again = store.applyOnce(List.of(effect), items, opKey);
    store.applyOnce(List.of(), items, opKey);

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

    ApplyResult failed = store.applyOnce(List.of(effect), items, opKey);

    assertThat(failed.failed()).hasSize(1);
    assertThat(failed.duplicates()).isEmpty();
    assertThat(count(Scope.ACCOUNT, clock.instant(), CounterField.ITEMS)).isEqualTo(1);
    assertThat(suppression("b@example.org")).isEmpty();
    assertThat(total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isZero();

    ApplyResult retried = store.applyOnce(List.of(effect), new Counts(), opKey);

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
    store.applyOnce(List.of(hardBounce("fb-late", "a@example.org", late)), new Counts(), opKey);
    store.applyOnce(List.of(hardBounce("fb-early", "a@example.org", early)), new Counts(), opKey);

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
    store.applyOnce(List.of(hardBounce("fb-1", "a@example.net", at)), new Counts(), opKey);

    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    assertThat(store.counters(Scope.ACCOUNT, hour, hour).get(hour))
        .containsEntry(CounterField.BOUNCE_PERMANENT, 1L)
        .containsEntry(CounterField.BOUNCE_COUNTED, 1L);
    assertThat(store.counters(Scope.recipientDomain("example.net"), hour, hour).get(hour))
        .containsEntry(CounterField.BOUNCE_COUNTED, 1L);
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
    SuppressionEntry failed = suppression("b@example.org").orElseThrow();
    assertThat(failed.sesLastError()).hasSize(MAX_SES_ERROR);
    assertThat(failed.sesAttempts()).isEqualTo(1);
    assertThat(failed.sesState()).isEqualTo(SesSyncState.PENDING);
  }

  @Test
  void markSyncedAndNotNeeded_leaveTheOutbox_andOnlySyncedCountsAnAttempt() {
    suppress("a@example.org");
    suppress("b@example.org");
    Instant now = clock.instant();
    store.markFailed("a@example.org", "throttled", now);

    store.markSynced("a@example.org", now);
    store.markNotNeeded("b@example.org", "already on the account list", now);

    assertThat(store.pendingOutbox(now, 10)).isEmpty();
    assertThat(store.pendingOutboxSize()).isZero();
    SuppressionEntry synced = suppression("a@example.org").orElseThrow();
    assertThat(synced.sesState()).isEqualTo(SesSyncState.SYNCED);
    assertThat(synced.sesAttempts()).isEqualTo(2);
    assertThat(synced.sesLastError()).isNull();
    assertThat(synced.syncedAt()).isEqualTo(now);
    SuppressionEntry notNeeded = suppression("b@example.org").orElseThrow();
    assertThat(notNeeded.sesState()).isEqualTo(SesSyncState.NOT_NEEDED);
    assertThat(notNeeded.sesAttempts()).isZero();
  }

  @Test
  void markingAnAddressThatIsNotListed_fails() {
    assertThatThrownBy(() -> store.markSynced("nobody@example.org", clock.instant()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.markNotNeeded("nobody@example.org", "why", clock.instant()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.markFailed("nobody@example.org", "error", clock.instant()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.suppressionCount()).isZero();
  }

  @Test
  void suppressIfAbsent_addsOnce_andTheListReadsBackOrderedByAddress() {
    assertThat(suppress("b@example.org")).isTrue();
    assertThat(suppress("b@example.org")).isFalse();
    clock.advance(Duration.ofHours(1));
    Instant later = clock.instant();
    assertThat(suppress("a@example.org")).isTrue();

    assertThat(store.suppressionCount()).isEqualTo(2);
    assertThat(store.allSuppressions())
        .extracting(SuppressionEntry::address)
        .containsExactly("a@example.org", "b@example.org");
    assertThat(store.suppressions(List.of("b@example.org", "nobody@example.org")))
        .containsOnlyKeys("b@example.org");
    assertThat(store.suppressionsRecordedSince(later))
        .extracting(SuppressionEntry::address)
        .containsExactly("a@example.org");
    SuppressionEntry b = suppression("b@example.org").orElseThrow();
    assertThat(b.count()).isEqualTo(1);
    assertThat(b.firstLedgerKey()).isEqualTo("k#b@example.org");
    assertThat(b.recordedAt()).isEqualTo(later.minus(Duration.ofHours(1)));
  }

  @Test
  void softBounceTimes_readBackInclusiveOfBothBounds_oldestFirst() {
    Instant t1 = Instant.parse("2026-03-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-03-02T00:00:00Z");
    Instant t3 = Instant.parse("2026-03-03T00:00:00Z");
    store.applyOnce(
        List.of(
            softBounce("s3", "soft@example.org", t3),
            softBounce("s1", "soft@example.org", t1),
            softBounce("s2", "soft@example.org", t2)),
        new Counts(),
        opKey);

    assertThat(store.softBounceTimes("soft@example.org", t1, t3)).containsExactly(t1, t2, t3);
    assertThat(store.softBounceTimes("soft@example.org", t2, t2)).containsExactly(t2);
    assertThat(store.softBounceTimes("other@example.org", t1, t3)).isEmpty();
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
    assertThat(count(Scope.ACCOUNT, h3.plusSeconds(59), CounterField.SEND)).isEqualTo(7);
    assertThat(store.counters(Scope.domain("example.com"), h1, h3).get(h1))
        .containsExactly(Map.entry(CounterField.SEND, 1L));
  }

  @Test
  void everyCounterField_roundTrips() {
    Instant hour = Instant.parse("2026-03-01T01:00:00Z");
    Counts counts = new Counts();
    long n = 1;
    for (CounterField f : CounterField.values()) {
      counts.add(CounterKey.of(Scope.ACCOUNT, hour), f, n++);
    }
    store.addCounts(counts);
    store.addCounts(counts);

    Map<CounterField, Long> read = store.counters(Scope.ACCOUNT, hour, hour).get(hour);
    n = 1;
    for (CounterField f : CounterField.values()) {
      assertThat(read).containsEntry(f, 2 * n++);
    }
  }

  // ---------------------------------------------------------------- helpers (port methods only)

  private boolean suppress(String address) {
    return store.suppressIfAbsent(
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

  private Optional<SuppressionEntry> suppression(String address) {
    return Optional.ofNullable(store.suppressions(List.of(address)).get(address));
  }

  /** One counter of {@code scope} in the UTC hour holding {@code time}. */
  private long count(Scope scope, Instant time, CounterField field) {
    Instant hour = time.truncatedTo(ChronoUnit.HOURS);
    return store.counters(scope, hour, hour).getOrDefault(hour, Map.of()).getOrDefault(field, 0L);
  }

  /** One counter of {@code scope} summed over all hours. */
  private long total(Scope scope, CounterField field) {
    return store.counters(scope, FAR_PAST, FAR_FUTURE).values().stream()
        .mapToLong(fields -> fields.getOrDefault(field, 0L))
        .sum();
  }
}
