/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.domain.sync.SyncReport;
import io.sesguardian.domain.sync.Unsuppression;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox writer follows SES's effective suppression settings (configuration set over account),
 * keeps reasons outside {@code AccountListReasons} off SES's list, sends queued deletes, and
 * imports SES's list on its first run — all through the one pacer.
 */
class SuppressionSettingsSyncTest {

  private final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final StubSesSuppressionList ses = new StubSesSuppressionList(clock);
  private final Pacer pacer = new Pacer(clock, clock.sleeper(), Duration.ofSeconds(1));

  private SuppressionSync sync(SuppressionSync.Settings settings) {
    return new SuppressionSync(store, store, ses, pacer, clock, settings);
  }

  private SyncReport run(SuppressionSync.Settings settings) throws InterruptedException {
    return sync(settings).run(clock.instant().plus(Duration.ofMinutes(10)));
  }

  private static final SuppressionSync.Settings NO_IMPORT =
      SuppressionSync.Settings.DEFAULT.withoutImport();

  private void pending(String address, SuppressionReason reason, String set) {
    store.suppressIfAbsent(
        new SuppressionUpdate(
            address,
            reason,
            reason == SuppressionReason.COMPLAINT
                ? SuppressionOrigin.COMPLAINT
                : SuppressionOrigin.HARD_BOUNCE,
            clock.instant(),
            null,
            null,
            SesSyncState.PENDING,
            false,
            "k-" + address,
            set),
        clock.instant());
  }

  private SesSyncState state(String address) {
    return store.suppression(address).orElseThrow().sesState();
  }

  @Test
  void configurationSetThatSuppressesNothing_overridesTheAccount_soTheGuardianPushes()
      throws Exception {
    ses.suppressedReasons(SuppressionReason.BOUNCE, SuppressionReason.COMPLAINT)
        .configurationSetReasons("no-suppression");
    pending("a@example.org", SuppressionReason.BOUNCE, "no-suppression");
    pending("b@example.org", SuppressionReason.BOUNCE, null);

    SyncReport report = run(NO_IMPORT);

    assertThat(report.synced()).containsExactly("a@example.org");
    assertThat(report.notNeeded()).containsExactly("b@example.org");
    assertThat(ses.putAddresses()).containsExactly("a@example.org");
    assertThat(store.notNeededWhy("b@example.org").orElseThrow()).contains("account");
  }

  @Test
  void configurationSetWithOwnOptions_decides_andIsReadOncePerTtl() throws Exception {
    // The account adds nothing, the set adds complaints: SES holds complaints sent with it.
    ses.configurationSetReasons("marketing", SuppressionReason.COMPLAINT);
    pending("c1@example.org", SuppressionReason.COMPLAINT, "marketing");
    pending("c2@example.org", SuppressionReason.COMPLAINT, "marketing");
    pending("b1@example.org", SuppressionReason.BOUNCE, "marketing");

    SyncReport report = run(NO_IMPORT);

    assertThat(report.notNeeded()).containsExactlyInAnyOrder("c1@example.org", "c2@example.org");
    assertThat(report.synced()).containsExactly("b1@example.org");
    assertThat(store.notNeededWhy("c1@example.org").orElseThrow())
        .contains("SuppressionOptions of its configuration set");
    assertThat(ses.calls(StubSesSuppressionList.Call.GET_CONFIGURATION_SET)).hasSize(1);
    assertThat(ses.minGapBetweenCalls()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void writerOverOtherStoreViews_keepsItsSettingsCache_acrossInvocations() throws Exception {
    ses.configurationSetReasons("marketing", SuppressionReason.COMPLAINT);
    SuppressionSync writer = sync(NO_IMPORT);
    pending("c1@example.org", SuppressionReason.COMPLAINT, "marketing");
    writer.over(store, store).run(clock.instant().plus(Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(1));
    pending("c2@example.org", SuppressionReason.COMPLAINT, "marketing");

    SyncReport second = writer.over(store, store).run(clock.instant().plus(Duration.ofMinutes(1)));

    assertThat(second.notNeeded()).containsExactly("c2@example.org");
    assertThat(ses.calls(StubSesSuppressionList.Call.GET_CONFIGURATION_SET)).hasSize(1);
  }

  @Test
  void configurationSetWithoutOptions_fallsBackToTheAccount_andAnUnknownSetIsPushed()
      throws Exception {
    ses.suppressedReasons(SuppressionReason.BOUNCE).configurationSetUnknown("deleted-set");
    pending("plain@example.org", SuppressionReason.BOUNCE, "plain-set");
    pending("lost@example.org", SuppressionReason.BOUNCE, "deleted-set");

    SyncReport report = run(NO_IMPORT);

    assertThat(report.notNeeded()).containsExactly("plain@example.org");
    assertThat(report.synced()).containsExactly("lost@example.org");
    assertThat(store.notNeededWhy("plain@example.org").orElseThrow())
        .contains("no SuppressionOptions");
  }

  @Test
  void reasonsOutsideAccountListReasons_stayOnTheGuardiansListOnly() throws Exception {
    pending("bounce@example.org", SuppressionReason.BOUNCE, null);
    pending("complaint@example.org", SuppressionReason.COMPLAINT, null);

    SyncReport report =
        run(new SuppressionSync.Settings(EnumSet.of(SuppressionReason.BOUNCE), false));

    assertThat(report.synced()).containsExactly("bounce@example.org");
    assertThat(report.localOnly()).containsExactly("complaint@example.org");
    assertThat(ses.putAddresses()).containsExactly("bounce@example.org");
    assertThat(state("complaint@example.org")).isEqualTo(SesSyncState.LOCAL_ONLY);
    assertThat(store.allSuppressions()).hasSize(2);
    assertThat(store.pendingOutboxSize()).isZero();
  }

  @Test
  void queuedDelete_isSentOnce_beforeThePuts_andDroppedWhenTheAddressWasSuppressedAgain()
      throws Exception {
    pending("gone@example.org", SuppressionReason.BOUNCE, null);
    pending("back@example.org", SuppressionReason.BOUNCE, null);
    run(NO_IMPORT);
    Unsuppression unsuppression = new Unsuppression(store, store);
    assertThat(
            unsuppression.unsuppress(
                List.of("gone@example.org", "back@example.org"), "dana", "fixed", clock.instant()))
        .isInstanceOf(Unsuppression.Outcome.Removed.class);
    // back@ bounces hard again before the outbox runs.
    clock.advance(Duration.ofMinutes(1));
    pending("back@example.org", SuppressionReason.BOUNCE, null);
    int callsBefore = ses.calls().size();

    SyncReport report = run(NO_IMPORT);
    SyncReport again = run(NO_IMPORT);

    List<StubSesSuppressionList.Call> calls = ses.calls().subList(callsBefore, ses.calls().size());
    assertThat(calls.get(0).operation()).isEqualTo(StubSesSuppressionList.Call.DELETE);
    assertThat(ses.calls(StubSesSuppressionList.Call.DELETE))
        .extracting(StubSesSuppressionList.Call::address)
        .containsExactly("gone@example.org");
    assertThat(report.deleted()).containsExactly("gone@example.org");
    assertThat(report.synced()).containsExactly("back@example.org");
    assertThat(again.deleted()).isEmpty();
    assertThat(store.pendingDeleteCount()).isZero();
    assertThat(ses.holds("gone@example.org")).isFalse();
    assertThat(ses.holds("back@example.org")).isTrue();
    assertThat(ses.minGapBetweenCalls()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusedDelete_staysQueued_andIsRetriedLater() throws Exception {
    pending("gone@example.org", SuppressionReason.BOUNCE, null);
    new Unsuppression(store, store)
        .unsuppress(List.of("gone@example.org"), "dana", "fixed", clock.instant());
    ses.thenFail("BadRequestException: nope");

    SyncReport report = run(NO_IMPORT);

    assertThat(report.deleteFailed()).containsExactly("gone@example.org");
    assertThat(report.deletesPendingAfter()).isEqualTo(1);
    clock.advance(SuppressionSync.RETRY_FAILED_AFTER);
    assertThat(run(NO_IMPORT).deleted()).containsExactly("gone@example.org");
  }

  @Test
  void firstRun_importsWhatSesHolds_once() throws Exception {
    Instant sesTime = Instant.parse("2025-01-01T00:00:00Z");
    ses.holding("old@example.org", SuppressionReason.COMPLAINT, sesTime).pageSize(1);
    ses.holding("older@example.org", SuppressionReason.BOUNCE, sesTime);

    SyncReport first = run(SuppressionSync.Settings.DEFAULT);
    SyncReport second = run(SuppressionSync.Settings.DEFAULT);

    assertThat(first.imported()).isNotNull();
    assertThat(first.imported().added()).isEqualTo(2);
    assertThat(first.imported().pages()).isEqualTo(2);
    assertThat(second.imported()).isNull();
    assertThat(ses.calls(StubSesSuppressionList.Call.LIST)).hasSize(2);
    SuppressionEntry old = store.suppression("old@example.org").orElseThrow();
    assertThat(old.origin()).isEqualTo(SuppressionOrigin.SES_IMPORT);
    assertThat(old.sesState()).isEqualTo(SesSyncState.NOT_NEEDED);
    assertThat(old.lastSeen()).isEqualTo(sesTime);
    assertThat(ses.puts()).isEmpty();
  }
}
