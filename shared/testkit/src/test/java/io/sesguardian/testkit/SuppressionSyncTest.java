/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.domain.sync.SyncReport;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SuppressionSyncTest {

  private static final Duration PLENTY = Duration.ofMinutes(10);
  private static final Set<SesSyncState> KEPT =
      EnumSet.of(SesSyncState.PENDING, SesSyncState.SYNCED, SesSyncState.NOT_NEEDED);

  private final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final StubSesSuppressionList ses = new StubSesSuppressionList(clock);
  private final Pacer pacer = new Pacer(clock, clock.sleeper(), Duration.ofSeconds(1));
  private final SuppressionSync sync =
      new SuppressionSync(
          store, store, ses, pacer, clock, SuppressionSync.Settings.DEFAULT.withoutImport());

  @Test
  void sandbox_holdsEverything_thenBackfillsOnceProductionAccessIsGranted() throws Exception {
    List<String> addresses = pendingHardBounces(3);
    ses.productionAccess(false);

    SyncReport held = run();

    assertThat(held.sandbox()).isTrue();
    assertThat(held.synced()).isEmpty();
    assertThat(held.failed()).isEmpty();
    assertThat(held.pendingAfter()).isEqualTo(3);
    assertThat(ses.puts()).isEmpty();
    assertThat(store.pendingOutboxSize()).isEqualTo(3);

    ses.productionAccess(true);
    SyncReport backfill = run();

    assertThat(backfill.sandbox()).isFalse();
    assertThat(backfill.synced()).containsExactlyInAnyOrderElementsOf(addresses);
    assertThat(backfill.pendingAfter()).isZero();
    assertThat(ses.held().keySet()).containsExactlyInAnyOrderElementsOf(addresses);
    for (String address : addresses) {
      SuppressionEntry entry = store.suppression(address).orElseThrow();
      assertThat(entry.sesState()).isEqualTo(SesSyncState.SYNCED);
      assertThat(entry.syncedAt()).isNotNull();
      assertThat(entry.sesAttempts()).isEqualTo(1);
    }
  }

  @Test
  void throttledThenAccepted_backsOffAtLeastTwoSecondsAndSyncs() throws Exception {
    pending("slow@example.org", SuppressionOrigin.HARD_BOUNCE);
    ses.thenThrottle(1);

    SyncReport report = run();

    assertThat(report.throttled()).isEqualTo(1);
    assertThat(report.synced()).containsExactly("slow@example.org");
    assertThat(report.failed()).isEmpty();
    assertThat(store.suppression("slow@example.org").orElseThrow().sesState())
        .isEqualTo(SesSyncState.SYNCED);
    List<StubSesSuppressionList.Call> puts = ses.puts();
    assertThat(puts).hasSize(2);
    assertThat(Duration.between(puts.get(0).at(), puts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(clock.slept()).contains(Duration.ofSeconds(2));
  }

  @Test
  void repeatedThrottling_doublesTheBackoff() throws Exception {
    pending("slow@example.org", SuppressionOrigin.HARD_BOUNCE);
    ses.thenThrottle(3);

    SyncReport report = run();

    assertThat(report.throttled()).isEqualTo(3);
    assertThat(report.synced()).containsExactly("slow@example.org");
    assertThat(clock.slept().stream().filter(d -> d.compareTo(Duration.ofSeconds(2)) >= 0))
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void consecutiveSesCalls_areAtLeastOneSecondApart() throws Exception {
    pendingHardBounces(30); // more than one outbox page
    ses.thenAccept().thenThrottle(1).thenAccept().thenFail("refused once");

    SyncReport first = run();
    pendingHardBounces(3);
    SyncReport second = run();

    assertThat(first.synced().size() + first.failed().size()).isEqualTo(30);
    assertThat(second.synced()).hasSize(3);
    assertThat(ses.calls()).hasSize(2 + 30 + 1 + 3); // two GetAccount, one throttled retry
    assertThat(ses.minGapBetweenCalls()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusedEntry_staysPendingWithItsError_andIsRetriedOnlyAfterTheRetryDelay() throws Exception {
    String address = "refused@example.org";
    pending(address, SuppressionOrigin.HARD_BOUNCE);
    ses.refuse(address, "InvalidParameterValue: not an address SES accepts");

    SyncReport first = run();

    assertThat(first.failed()).containsExactly(address);
    assertThat(first.synced()).isEmpty();
    assertThat(first.pendingAfter()).isEqualTo(1);
    SuppressionEntry entry = store.suppression(address).orElseThrow();
    assertThat(entry.sesState()).isEqualTo(SesSyncState.PENDING);
    assertThat(entry.sesLastError()).isEqualTo("InvalidParameterValue: not an address SES accepts");
    assertThat(entry.sesAttempts()).isEqualTo(1);
    Instant refusedAt = ses.puts().get(0).at();
    Instant retryAt = refusedAt.plus(SuppressionSync.RETRY_FAILED_AFTER);
    assertThat(store.dueAt(address)).contains(retryAt);

    ses.allow(address);
    SyncReport soon = run();
    clock.set(retryAt.minusSeconds(1));
    SyncReport almost = run();

    assertThat(soon.synced()).isEmpty();
    assertThat(soon.failed()).isEmpty();
    assertThat(soon.pendingAfter()).isEqualTo(1);
    assertThat(almost.synced()).isEmpty();
    assertThat(ses.puts()).hasSize(1);

    clock.set(retryAt);
    SyncReport due = run();

    assertThat(due.synced()).containsExactly(address);
    assertThat(due.pendingAfter()).isZero();
    SuppressionEntry synced = store.suppression(address).orElseThrow();
    assertThat(synced.sesState()).isEqualTo(SesSyncState.SYNCED);
    assertThat(synced.sesLastError()).isNull();
    assertThat(synced.sesAttempts()).isEqualTo(2);
    assertThat(ses.puts()).hasSize(2);
  }

  @Test
  void reasonsSesAddsItself_areNotNeeded_butSoftBounceEscalationsAreStillPut() throws Exception {
    pending("hard@example.org", SuppressionOrigin.HARD_BOUNCE);
    pending("complaint@example.org", SuppressionOrigin.COMPLAINT);
    pending("soft@example.org", SuppressionOrigin.SOFT_BOUNCE_ESCALATION);
    ses.suppressedReasons(SuppressionReason.BOUNCE, SuppressionReason.COMPLAINT);

    SyncReport report = run();

    assertThat(report.notNeeded())
        .containsExactlyInAnyOrder("hard@example.org", "complaint@example.org");
    assertThat(report.synced()).containsExactly("soft@example.org");
    assertThat(ses.putAddresses()).containsExactly("soft@example.org");
    assertThat(ses.held()).containsEntry("soft@example.org", SuppressionReason.BOUNCE);
    SuppressionEntry hard = store.suppression("hard@example.org").orElseThrow();
    assertThat(hard.sesState()).isEqualTo(SesSyncState.NOT_NEEDED);
    assertThat(hard.syncedAt()).isNotNull();
    assertThat(hard.sesAttempts()).isZero();
    assertThat(store.notNeededWhy("hard@example.org")).get().asString().contains("BOUNCE");
    assertThat(report.pendingAfter()).isZero();
  }

  @Test
  void onlyTheReasonsSesCovers_areNotNeeded() throws Exception {
    pending("hard@example.org", SuppressionOrigin.HARD_BOUNCE);
    pending("complaint@example.org", SuppressionOrigin.COMPLAINT);
    ses.suppressedReasons(SuppressionReason.BOUNCE);

    SyncReport report = run();

    assertThat(report.notNeeded()).containsExactly("hard@example.org");
    assertThat(report.synced()).containsExactly("complaint@example.org");
    assertThat(ses.held()).containsEntry("complaint@example.org", SuppressionReason.COMPLAINT);
  }

  @Test
  void deadline_stopsTheRun_andLeavesTheRestPending() throws Exception {
    List<String> addresses = pendingHardBounces(10);
    Instant deadline = clock.instant().plusSeconds(6);

    SyncReport cut = sync.run(deadline);

    assertThat(cut.synced()).isNotEmpty().hasSizeLessThan(10);
    assertThat(cut.pendingAfter()).isEqualTo(10 - cut.synced().size());
    assertThat(store.pendingOutboxSize()).isEqualTo(cut.pendingAfter());
    assertThat(ses.callTimes()).allSatisfy(t -> assertThat(t).isBefore(deadline));
    assertThat(kept()).isEqualTo(10);

    SyncReport rest = run();

    assertThat(rest.synced()).hasSize(cut.pendingAfter());
    assertThat(ses.putAddresses()).containsExactlyInAnyOrderElementsOf(addresses);
    assertThat(rest.pendingAfter()).isZero();
  }

  @Test
  void deadlineAlreadyPassed_sendsNothingAndKeepsEverything() throws Exception {
    pendingHardBounces(4);

    SyncReport report = sync.run(clock.instant());

    assertThat(ses.puts()).isEmpty();
    assertThat(report.synced()).isEmpty();
    assertThat(report.pendingAfter()).isEqualTo(4);
  }

  @Test
  void mixedOutcomes_neverDropAnEntry() throws Exception {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(pending("hard" + i + "@example.org", SuppressionOrigin.HARD_BOUNCE));
      all.add(pending("complaint" + i + "@example.org", SuppressionOrigin.COMPLAINT));
      all.add(pending("soft" + i + "@example.org", SuppressionOrigin.SOFT_BOUNCE_ESCALATION));
    }
    ses.suppressedReasons(SuppressionReason.COMPLAINT)
        .thenAccept()
        .thenThrottle(2)
        .thenFail("InternalFailure")
        .thenAccept()
        .thenThrottle(1)
        .thenFail("ServiceUnavailable")
        .refuse("hard3@example.org", "InvalidParameterValue")
        .refuse("soft7@example.org", "InvalidParameterValue");
    assertThat(kept()).isEqualTo(30);

    List<SyncReport> reports = new ArrayList<>();
    reports.add(sync.run(clock.instant().plusSeconds(9)));
    assertThat(kept()).isEqualTo(30);
    reports.add(run());
    assertThat(kept()).isEqualTo(30);
    ses.allow("hard3@example.org").allow("soft7@example.org");
    clock.advance(SuppressionSync.RETRY_FAILED_AFTER);
    reports.add(run());
    assertThat(kept()).isEqualTo(30);

    assertThat(store.pendingOutboxSize()).isZero();
    assertThat(reports.get(reports.size() - 1).pendingAfter()).isZero();
    Set<String> synced = addressesIn(SesSyncState.SYNCED);
    Set<String> notNeeded = addressesIn(SesSyncState.NOT_NEEDED);
    assertThat(notNeeded).allSatisfy(a -> assertThat(a).startsWith("complaint"));
    assertThat(notNeeded).hasSize(10);
    assertThat(synced).hasSize(20);
    assertThat(ses.held().keySet()).isEqualTo(synced);
    assertThat(ses.putAddresses()).noneMatch(a -> a.startsWith("complaint"));
    Set<String> reportedSynced = new HashSet<>();
    reports.forEach(r -> reportedSynced.addAll(r.synced()));
    assertThat(reportedSynced).isEqualTo(synced);
    assertThat(reports.stream().mapToInt(SyncReport::throttled).sum()).isEqualTo(3);
    assertThat(ses.minGapBetweenCalls()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(new HashSet<>(all)).isEqualTo(union(synced, notNeeded));
  }

  @Test
  void ingestedFeedback_onlyPendingEntriesReachSes() throws Exception {
    IngestService ingest = new IngestService(store, IngestPolicy.DEFAULT, clock);
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    for (String name :
        List.of(
            "bounce-permanent-general",
            "complaint-abuse",
            "bounce-permanent-onaccountsuppressionlist",
            "bounce-simulator")) {
      String relative = "ses/notification/" + name + ".json";
      ingest.ingest(List.of(normalizer.normalize(relative, read(relative))));
    }

    SyncReport report = run();

    assertThat(report.synced())
        .containsExactlyInAnyOrder("jordan.lee@example.org", "maria.gonzalez@example.net");
    assertThat(ses.putAddresses())
        .containsExactlyInAnyOrder("jordan.lee@example.org", "maria.gonzalez@example.net");
    assertThat(store.suppression("bounce@simulator.amazonses.com").orElseThrow().sesState())
        .isEqualTo(SesSyncState.SIMULATOR);
    assertThat(store.suppression("priya.raman@example.org").orElseThrow().sesState())
        .isEqualTo(SesSyncState.NOT_NEEDED);
  }

  // ------------------------------------------------------------------ helpers

  private SyncReport run() throws InterruptedException {
    return sync.run(clock.instant().plus(PLENTY));
  }

  private String pending(String address, SuppressionOrigin origin) {
    SuppressionReason reason =
        origin == SuppressionOrigin.COMPLAINT
            ? SuppressionReason.COMPLAINT
            : SuppressionReason.BOUNCE;
    Instant now = clock.instant();
    boolean added =
        store.suppressIfAbsent(
            new SuppressionUpdate(
                address,
                reason,
                origin,
                now.minus(Duration.ofHours(1)),
                "fb-" + address,
                null,
                SesSyncState.PENDING,
                false,
                "test#" + address,
                null),
            now);
    assertThat(added).isTrue();
    return address;
  }

  private List<String> pendingHardBounces(int n) {
    int start = store.allSuppressions().size();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(pending("user" + (start + i) + "@example.org", SuppressionOrigin.HARD_BOUNCE));
    }
    return out;
  }

  /** Entries that are pending, synced or not needed: none may ever disappear. */
  private long kept() {
    return store.allSuppressions().stream().filter(e -> KEPT.contains(e.sesState())).count();
  }

  private Set<String> addressesIn(SesSyncState state) {
    return store.allSuppressions().stream()
        .filter(e -> e.sesState() == state)
        .map(SuppressionEntry::address)
        .collect(Collectors.toSet());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  private static String read(String relative) throws IOException {
    return Files.readString(Fixtures.event(relative));
  }
}
