/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The {@link SuppressionOutbox} contract, for every adapter. Pending entries come out due-first;
 * marking moves or removes them.
 */
public abstract class SuppressionOutboxContract extends StoreContract {

  /** The role under test. */
  protected SuppressionOutbox outbox;

  @Override
  void roles() {
    outbox = store;
  }

  @Test
  void outbox_returnsDueEntriesOldestDueFirst_andMarkFailedMovesTheDueTime() {
    suppress("b@example.org");
    clock.advance(Duration.ofSeconds(1));
    suppress("a@example.org");
    clock.advance(Duration.ofSeconds(1));
    suppress("c@example.org");
    Instant now = clock.instant();

    assertThat(outbox.pendingOutbox(now, 10))
        .extracting(SuppressionEntry::address)
        .containsExactly("b@example.org", "a@example.org", "c@example.org");
    assertThat(outbox.pendingOutbox(now, 2)).hasSize(2);

    outbox.markFailed("b@example.org", "x".repeat(5000), now.plus(Duration.ofMinutes(15)));

    assertThat(outbox.pendingOutbox(now, 10))
        .extracting(SuppressionEntry::address)
        .containsExactly("a@example.org", "c@example.org");
    assertThat(outbox.pendingOutbox(now.plus(Duration.ofMinutes(15)), 10))
        .extracting(SuppressionEntry::address)
        .containsExactly("a@example.org", "c@example.org", "b@example.org");
    assertThat(outbox.pendingOutboxSize()).isEqualTo(3);
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
    outbox.markFailed("a@example.org", "throttled", now);

    outbox.markSynced("a@example.org", now);
    outbox.markNotNeeded("b@example.org", "already on the account list", now);

    assertThat(outbox.pendingOutbox(now, 10)).isEmpty();
    assertThat(outbox.pendingOutboxSize()).isZero();
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
    assertThatThrownBy(() -> outbox.markSynced("nobody@example.org", clock.instant()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> outbox.markNotNeeded("nobody@example.org", "why", clock.instant()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> outbox.markFailed("nobody@example.org", "error", clock.instant()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.suppressionCount()).isZero();
  }

  @Test
  void markSynced_countsTheTimeToSesOnce_inTheHourOfTheFirstEvent() {
    Instant seen = clock.instant();
    suppress("a@example.org");
    suppress("b@example.org");
    clock.advance(Duration.ofMinutes(3));

    outbox.markSynced("a@example.org", clock.instant());
    outbox.markSynced("a@example.org", clock.instant()); // a repeat counts nothing
    outbox.markNotNeeded("b@example.org", "already on the account list", clock.instant());

    assertThat(count(Scope.ACCOUNT, seen, CounterField.SYNCED_WITHIN_5MIN)).isEqualTo(1);
    assertThat(
            java.util.Arrays.stream(CounterField.values())
                .filter(f -> f.attribute().startsWith("synced"))
                .mapToLong(f -> total(Scope.ACCOUNT, f))
                .sum())
        .isEqualTo(1);
  }
}
