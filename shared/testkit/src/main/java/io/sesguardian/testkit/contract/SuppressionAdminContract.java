/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static io.sesguardian.testkit.contract.Effects.hardBounce;
import static io.sesguardian.testkit.contract.Effects.hardBounceVia;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionAdmin.PendingDelete;
import io.sesguardian.domain.ingest.SuppressionAdmin.Removal;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SuppressionAdmin} contract, for every adapter: subclass it with a factory for a fresh,
 * empty store whose two ports share one state. Only port methods are used.
 */
public abstract class SuppressionAdminContract {

  private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  /** The feedback store and the admin port of one adapter over one state. */
  public record Both(FeedbackStore feedback, SuppressionAdmin admin) {
    public Both {
      Objects.requireNonNull(feedback, "feedback");
      Objects.requireNonNull(admin, "admin");
    }
  }

  protected final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");
  private FeedbackStore store;
  private SuppressionAdmin admin;

  /** A fresh, empty store whose "now" is {@code clock}. */
  protected abstract Both newStores(Clock clock);

  @BeforeEach
  void createStores() {
    Both both = newStores(clock);
    store = both.feedback();
    admin = both.admin();
  }

  private void apply(Effect... effects) {
    assertThat(
            store
                .applyOnce(
                    List.of(effects), new Counts(), CounterKey.of(Scope.ACCOUNT, clock.instant()))
                .failed())
        .isEmpty();
  }

  @Test
  void remove_takesTheEntryOff_keepsHistory_andQueuesOneDelete() {
    Instant bounced = clock.instant().minusSeconds(60);
    apply(hardBounce("fb-1", "gone@example.org", bounced));
    Instant at = clock.instant().plusSeconds(5);

    Removal removal =
        admin.remove("gone@example.org", "ops@example.com", "mailbox fixed", at).orElseThrow();

    assertThat(removal.reason()).isEqualTo(SuppressionReason.BOUNCE);
    assertThat(removal.origin()).isEqualTo(SuppressionOrigin.HARD_BOUNCE);
    assertThat(removal.sesState()).isEqualTo(SesSyncState.PENDING);
    assertThat(removal.count()).isEqualTo(1);
    assertThat(removal.firstSeen()).isEqualTo(bounced);
    assertThat(store.suppressions(List.of("gone@example.org"))).isEmpty();
    assertThat(store.allSuppressions()).isEmpty();
    assertThat(store.suppressionCount()).isZero();
    assertThat(store.pendingOutboxSize()).isZero();
    assertThat(admin.removals("gone@example.org"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.by()).isEqualTo("ops@example.com");
              assertThat(r.why()).isEqualTo("mailbox fixed");
              assertThat(r.at()).isEqualTo(at);
              assertThat(r.count()).isEqualTo(1);
            });
    assertThat(admin.pendingDeletes(at, 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.address()).isEqualTo("gone@example.org");
              assertThat(d.attempts()).isZero();
            });
    assertThat(admin.pendingDeletes(at.minusMillis(1), 10)).isEmpty();
    assertThat(admin.pendingDeleteCount()).isEqualTo(1);
  }

  @Test
  void remove_ofAnAddressNotListed_changesNothing() {
    apply(hardBounce("fb-1", "kept@example.org", clock.instant()));
    assertThat(admin.remove("other@example.org", "ops", "why", clock.instant())).isEmpty();
    assertThat(store.allSuppressions()).hasSize(1);
    assertThat(admin.removals("other@example.org")).isEmpty();
    assertThat(admin.pendingDeleteCount()).isZero();
  }

  @Test
  void laterBounce_suppressesAgain_andHistoryKeepsEveryRemoval() {
    apply(hardBounce("fb-1", "back@example.org", clock.instant()));
    admin.remove("back@example.org", "a", "first", clock.instant());
    clock.advance(Duration.ofHours(1));
    apply(hardBounce("fb-2", "back@example.org", clock.instant()));

    SuppressionEntry again =
        store.suppressions(List.of("back@example.org")).get("back@example.org");
    assertThat(again).isNotNull();
    assertThat(again.count()).isEqualTo(1);
    assertThat(again.sesState()).isEqualTo(SesSyncState.PENDING);

    admin.remove("back@example.org", "b", "second", clock.instant());
    assertThat(admin.removals("back@example.org"))
        .extracting(Removal::why)
        .containsExactly("first", "second");
    assertThat(admin.pendingDeleteCount()).isEqualTo(1);
  }

  @Test
  void deleteQueue_failedThenDone() {
    apply(hardBounce("fb-1", "q@example.org", clock.instant()));
    admin.remove("q@example.org", "ops", "why", clock.instant());
    Instant retry = clock.instant().plus(Duration.ofMinutes(15));

    admin.markDeleteFailed("q@example.org", "x".repeat(1500), retry);

    assertThat(admin.pendingDeletes(clock.instant(), 10)).isEmpty();
    PendingDelete d = admin.pendingDeletes(retry, 10).get(0);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastError()).hasSize(StoreContract.MAX_SES_ERROR);
    admin.markDeleted("q@example.org", retry);
    assertThat(admin.pendingDeletes(FAR_FUTURE, 10)).isEmpty();
    assertThat(admin.pendingDeleteCount()).isZero();
    admin.markDeleted("q@example.org", retry); // nothing queued: no error
  }

  @Test
  void recordImported_addsNotNeededOnce_andNeverTouchesAnExistingEntry() {
    Instant sesTime = Instant.parse("2025-11-02T08:00:00Z");
    apply(hardBounce("fb-1", "ours@example.org", clock.instant()));

    assertThat(
            admin.recordImported(
                "old@example.org", SuppressionReason.COMPLAINT, sesTime, clock.instant()))
        .isTrue();
    assertThat(
            admin.recordImported(
                "old@example.org", SuppressionReason.BOUNCE, sesTime, clock.instant()))
        .isFalse();
    assertThat(
            admin.recordImported(
                "ours@example.org", SuppressionReason.COMPLAINT, sesTime, clock.instant()))
        .isFalse();

    SuppressionEntry old = store.suppressions(List.of("old@example.org")).get("old@example.org");
    assertThat(old.reason()).isEqualTo(SuppressionReason.COMPLAINT);
    assertThat(old.origin()).isEqualTo(SuppressionOrigin.SES_IMPORT);
    assertThat(old.sesState()).isEqualTo(SesSyncState.NOT_NEEDED);
    assertThat(old.firstSeen()).isEqualTo(sesTime);
    assertThat(old.lastSeen()).isEqualTo(sesTime);
    assertThat(old.count()).isZero();
    assertThat(old.recordedAt()).isEqualTo(clock.instant());
    SuppressionEntry ours = store.suppressions(List.of("ours@example.org")).get("ours@example.org");
    assertThat(ours.origin()).isEqualTo(SuppressionOrigin.HARD_BOUNCE);
    assertThat(store.pendingOutboxSize()).isEqualTo(1);
    assertThat(store.suppressionCount()).isEqualTo(2);
  }

  @Test
  void markLocalOnly_takesTheEntryOutOfTheOutbox_andKeepsItListed() {
    apply(hardBounce("fb-1", "local@example.org", clock.instant()));
    admin.markLocalOnly(
        "local@example.org", "AccountListReasons leaves BOUNCE off", clock.instant());
    assertThat(store.pendingOutboxSize()).isZero();
    SuppressionEntry e = store.suppressions(List.of("local@example.org")).get("local@example.org");
    assertThat(e.sesState()).isEqualTo(SesSyncState.LOCAL_ONLY);
    assertThat(store.allSuppressions())
        .extracting(SuppressionEntry::address)
        .containsExactly("local@example.org");
    assertThatThrownBy(() -> admin.markLocalOnly("none@example.org", "why", clock.instant()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void importMark_isEmptyUntilSet() {
    assertThat(admin.importedAt()).isEmpty();
    admin.markImported(clock.instant());
    assertThat(admin.importedAt()).contains(clock.instant());
  }

  @Test
  void configurationSet_isKeptWithTheEntry_fromApplyOnceAndSuppressIfAbsent() {
    apply(hardBounceVia("fb-1", "set@example.org", clock.instant(), "marketing"));
    apply(hardBounce("fb-2", "none@example.org", clock.instant()));
    store.suppressIfAbsent(
        new SuppressionUpdate(
            "soft@example.org",
            SuppressionReason.BOUNCE,
            SuppressionOrigin.SOFT_BOUNCE_ESCALATION,
            clock.instant(),
            null,
            null,
            SesSyncState.PENDING,
            false,
            "k-soft",
            "transactional"),
        clock.instant());

    assertThat(
            store
                .suppressions(List.of("set@example.org"))
                .get("set@example.org")
                .configurationSet())
        .isEqualTo("marketing");
    assertThat(
            store
                .suppressions(List.of("none@example.org"))
                .get("none@example.org")
                .configurationSet())
        .isNull();
    assertThat(store.pendingOutbox(FAR_FUTURE, 10))
        .filteredOn(e -> e.address().equals("soft@example.org"))
        .singleElement()
        .satisfies(e -> assertThat(e.configurationSet()).isEqualTo("transactional"));
  }
}
