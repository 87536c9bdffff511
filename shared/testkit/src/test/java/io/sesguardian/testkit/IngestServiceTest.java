/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static io.sesguardian.testkit.SesJson.Format.EVENT;
import static io.sesguardian.testkit.SesJson.Format.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.RawDelivery;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.Bucket;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IngestServiceTest {

  private static final Set<CounterField> OPERATIONAL =
      Set.of(
          CounterField.ITEMS, CounterField.DUPLICATES, CounterField.REJECTED, CounterField.IGNORED);

  /** Soft bounces in these tests start here; the clock is well after. */
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

  private final MutableClock clock = MutableClock.at("2026-04-01T10:15:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();
  private final AtomicInteger feedbackIds = new AtomicInteger();
  private IngestService service = new IngestService(store, IngestPolicy.DEFAULT, clock);

  // ------------------------------------------------------------------ exactly once

  @Test
  void sameNotificationTwice_countsOnce() {
    Normalized doc = fixture("ses/notification/bounce-permanent-general.json");
    IngestReport first = service.ingest(List.of(doc));
    assertThat(first.recipients()).containsEntry(Bucket.BOUNCE_PERMANENT, 1);
    assertThat(first.suppressed()).extracting(SuppressionEntry::address).containsExactly(JORDAN);
    Map<CounterKey, Map<CounterField, Long>> countersBefore = feedbackCounters();
    int ledgerBefore = store.ledgerSize();

    IngestReport second = service.ingest(List.of(doc));

    assertThat(second.duplicates()).isEqualTo(1);
    assertThat(second.recipients().values()).containsOnly(0);
    assertThat(second.suppressed()).isEmpty();
    assertThat(second.escalated()).isEmpty();
    assertThat(second.stored()).isTrue();
    assertThat(feedbackCounters()).isEqualTo(countersBefore);
    assertThat(store.ledgerSize()).isEqualTo(ledgerBefore).isEqualTo(1);
    assertThat(store.suppression(JORDAN)).get().extracting(SuppressionEntry::count).isEqualTo(1L);
    assertThat(store.count(Scope.ACCOUNT, clock.instant(), CounterField.DUPLICATES)).isEqualTo(1);
    assertThat(store.count(Scope.ACCOUNT, clock.instant(), CounterField.ITEMS)).isEqualTo(2);
  }

  @Test
  void sameNotificationBareAndThroughSns_countsOnce() {
    String ses =
        SesJson.bounce(
            NOTIFICATION,
            "fb-envelopes",
            "Permanent",
            "General",
            Instant.parse("2026-03-03T10:00:00Z"),
            "pat@example.org");
    IngestReport bare = service.ingest(List.of(normalize("bare.json", ses)));
    // What the envelope adapter hands over for an SNS envelope holding the same message.
    IngestReport viaSns =
        service.ingest(
            List.of(
                normalizer.normalize(RawDelivery.viaSns("sns.json", ses, "sns-message-1", null))));

    assertThat(bare.recipients()).containsEntry(Bucket.BOUNCE_PERMANENT, 1);
    assertThat(viaSns.duplicates()).isEqualTo(1);
    assertThat(viaSns.recipients().values()).containsOnly(0);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
  }

  @Test
  void sameBounceViaNotificationTypeAndEventType_countsOnce() {
    Instant at = Instant.parse("2026-03-03T10:00:00Z");
    String notification =
        SesJson.bounce(NOTIFICATION, "fb-both", "Permanent", "General", at, "pat@example.org");
    String event = SesJson.bounce(EVENT, "fb-both", "Permanent", "General", at, "pat@example.org");

    IngestReport first = service.ingest(List.of(normalize("identity.json", notification)));
    IngestReport second = service.ingest(List.of(normalize("configset.json", event)));

    assertThat(first.suppressed()).hasSize(1);
    assertThat(second.duplicates()).isEqualTo(1);
    assertThat(second.recipients().values()).containsOnly(0);
    assertThat(second.suppressed()).isEmpty();
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED)).isEqualTo(1);
    assertThat(store.total(Scope.configurationSet("transactional"), CounterField.BOUNCE_PERMANENT))
        .as("the event-format copy was a duplicate, so its configuration set never counted it")
        .isZero();
    assertThat(store.suppression("pat@example.org"))
        .get()
        .extracting(SuppressionEntry::count)
        .isEqualTo(1L);
  }

  @Test
  void sameBounceViaBothFormatsInOneCall_countsOnce() {
    Instant at = Instant.parse("2026-03-03T10:00:00Z");
    IngestReport report =
        service.ingest(
            List.of(
                normalize(
                    "a.json",
                    SesJson.bounce(NOTIFICATION, "fb-1", "Permanent", "General", at, "a@x.org")),
                normalize(
                    "b.json",
                    SesJson.bounce(EVENT, "fb-1", "Permanent", "General", at, "a@x.org"))));

    assertThat(report.recipients()).containsEntry(Bucket.BOUNCE_PERMANENT, 1);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.suppressed())
        .extracting(SuppressionEntry::address)
        .containsExactly("a@x.org");
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(store.count(Scope.ACCOUNT, clock.instant(), CounterField.DUPLICATES)).isEqualTo(1);
  }

  @Test
  void multiRecipientBounce_suppressesEachBouncedRecipientOnce() {
    Normalized doc = fixture("ses/notification/bounce-permanent-general-two-recipients.json");

    IngestReport report = service.ingest(List.of(doc));
    IngestReport again = service.ingest(List.of(doc));

    assertThat(report.recipients()).containsEntry(Bucket.BOUNCE_PERMANENT, 2);
    assertThat(report.suppressed())
        .extracting(SuppressionEntry::address)
        .containsExactlyInAnyOrder("alice.martin@example.org", "carol.diaz@example.org");
    assertThat(store.suppression("bob.nguyen@example.net"))
        .as("bob was a destination but did not bounce")
        .isEmpty();
    assertThat(store.allSuppressions()).extracting(SuppressionEntry::count).containsOnly(1L);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED)).isEqualTo(2);
    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(again.suppressed()).isEmpty();
  }

  @Test
  void recipientListedTwiceInOneBounce_isSuppressedAndCountedOnce() {
    String json =
        SesJson.bounce(
            NOTIFICATION,
            "fb-twice",
            "Permanent",
            "General",
            Instant.parse("2026-03-03T10:00:00Z"),
            "Dana <dana@example.org>",
            "DANA@example.org",
            "eve@example.org");

    IngestReport report = service.ingest(List.of(normalize("twice.json", json)));

    assertThat(report.recipients()).containsEntry(Bucket.BOUNCE_PERMANENT, 2);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.suppressed())
        .extracting(SuppressionEntry::address)
        .containsExactlyInAnyOrder("dana@example.org", "eve@example.org");
    assertThat(store.suppression("dana@example.org"))
        .get()
        .extracting(SuppressionEntry::count)
        .isEqualTo(1L);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(2);
  }

  // ------------------------------------------------------------------ suppression by kind

  @Test
  void hardBounce_suppressesPendingWithOriginHardBounce() {
    IngestReport report =
        service.ingest(List.of(fixture("ses/notification/bounce-permanent-general.json")));

    SuppressionEntry entry = store.suppression(JORDAN).orElseThrow();
    assertThat(report.suppressed()).containsExactly(entry);
    assertThat(entry.reason()).isEqualTo(SuppressionReason.BOUNCE);
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.HARD_BOUNCE);
    assertThat(entry.sesState()).isEqualTo(SesSyncState.PENDING);
    assertThat(entry.firstSeen()).isEqualTo(Instant.parse("2026-03-02T21:44:35.828Z"));
    assertThat(entry.lastSeen()).isEqualTo(entry.firstSeen());
    assertThat(entry.recordedAt()).isEqualTo(clock.instant());
    assertThat(entry.firstLedgerKey())
        .isEqualTo("bounce#0100019cb0829cf4-b222c38e-ae2a-4437-9675-58500ead18d8-000000#" + JORDAN);
    assertThat(entry.lastFeedbackId())
        .isEqualTo("0100019cb0829cf4-b222c38e-ae2a-4437-9675-58500ead18d8-000000");
    assertThat(entry.diagnostic()).contains("User unknown");
    assertThat(entry.sesAttempts()).isZero();
    assertThat(entry.simulator()).isFalse();
    assertThat(store.pendingOutbox(clock.instant(), 10)).containsExactly(entry);
    Instant eventHour = entry.firstSeen();
    assertThat(store.count(Scope.ACCOUNT, eventHour, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(store.count(Scope.ACCOUNT, eventHour, CounterField.BOUNCE_COUNTED)).isEqualTo(1);
    assertThat(store.count(Scope.domain("example.com"), eventHour, CounterField.BOUNCE_COUNTED))
        .isEqualTo(1);
  }

  @Test
  void laterHardBounce_movesLastSeenAndAddsToCount_butKeepsOrigin() {
    service.ingest(List.of(fixture("ses/notification/bounce-permanent-general.json")));
    Instant later = Instant.parse("2026-03-20T09:00:00Z");
    service.ingest(
        List.of(
            normalize(
                "later.json",
                SesJson.bounce(NOTIFICATION, "fb-later", "Permanent", "NoEmail", later, JORDAN))));

    SuppressionEntry entry = store.suppression(JORDAN).orElseThrow();
    assertThat(entry.count()).isEqualTo(2);
    assertThat(entry.lastSeen()).isEqualTo(later);
    assertThat(entry.firstSeen()).isEqualTo(Instant.parse("2026-03-02T21:44:35.828Z"));
    assertThat(entry.lastFeedbackId()).isEqualTo("fb-later");
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.HARD_BOUNCE);
  }

  @Test
  void complaint_suppressesPendingWithOriginComplaint() {
    IngestReport report = service.ingest(List.of(fixture("ses/notification/complaint-abuse.json")));

    SuppressionEntry entry = store.suppression("maria.gonzalez@example.net").orElseThrow();
    assertThat(report.recipients()).containsEntry(Bucket.COMPLAINT, 1);
    assertThat(report.suppressed()).containsExactly(entry);
    assertThat(entry.reason()).isEqualTo(SuppressionReason.COMPLAINT);
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.COMPLAINT);
    assertThat(entry.sesState()).isEqualTo(SesSyncState.PENDING);
    assertThat(store.total(Scope.ACCOUNT, CounterField.COMPLAINT)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.COMPLAINT_COUNTED)).isEqualTo(1);
  }

  @Test
  void onAccountSuppressionListBounce_isNotNeededAndNotCountedTowardBounceRate() {
    IngestReport report =
        service.ingest(
            List.of(fixture("ses/notification/bounce-permanent-onaccountsuppressionlist.json")));

    SuppressionEntry entry = store.suppression("priya.raman@example.org").orElseThrow();
    assertThat(entry.sesState()).isEqualTo(SesSyncState.NOT_NEEDED);
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.HARD_BOUNCE);
    assertThat(report.suppressed()).containsExactly(entry);
    assertThat(store.pendingOutboxSize()).isZero();
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED)).isZero();
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_ON_ACCOUNT_LIST)).isEqualTo(1);
  }

  @Test
  void simulatorBounce_isRecordedAsSimulatorAndCountedOnlyAsSimulator() {
    IngestReport report =
        service.ingest(List.of(fixture("ses/notification/bounce-simulator.json")));

    SuppressionEntry entry = store.suppression("bounce@simulator.amazonses.com").orElseThrow();
    assertThat(entry.sesState()).isEqualTo(SesSyncState.SIMULATOR);
    assertThat(entry.simulator()).isTrue();
    assertThat(report.suppressed()).containsExactly(entry);
    assertThat(store.pendingOutboxSize()).isZero();
    assertThat(store.total(Scope.ACCOUNT, CounterField.SIMULATOR)).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_PERMANENT)).isZero();
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED)).isZero();
  }

  // ------------------------------------------------------------------ soft-bounce escalation

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"Transient, General", "Transient, MailboxFull", "Undetermined, Undetermined"})
  void threeAddressSoftBouncesWithin30Days_escalateOnce(String type, String subType) {
    String address = "sam@example.org";
    IngestReport first = ingestBounce(type, subType, T0, address);
    IngestReport second = ingestBounce(type, subType, T0.plus(Duration.ofDays(10)), address);
    assertThat(first.escalated()).isEmpty();
    assertThat(second.escalated()).isEmpty();
    assertThat(store.suppression(address)).isEmpty();

    Instant third = T0.plus(Duration.ofDays(29));
    IngestReport report = ingestBounce(type, subType, third, address);

    assertThat(report.escalated()).containsExactly(address);
    SuppressionEntry entry = store.suppression(address).orElseThrow();
    assertThat(report.suppressed()).containsExactly(entry);
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.SOFT_BOUNCE_ESCALATION);
    assertThat(entry.reason()).isEqualTo(SuppressionReason.BOUNCE);
    assertThat(entry.sesState()).isEqualTo(SesSyncState.PENDING);
    assertThat(entry.firstSeen()).isEqualTo(third);
    assertThat(entry.recordedAt()).isEqualTo(clock.instant());
    assertThat(entry.count()).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED)).isZero();

    IngestReport fourth = ingestBounce(type, subType, T0.plus(Duration.ofDays(30)), address);
    assertThat(fourth.escalated()).isEmpty();
    assertThat(fourth.suppressed()).isEmpty();
    assertThat(store.suppression(address).orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void threeSoftBouncesExactlyOneWindowApart_escalate() {
    ingestBounce("Transient", "General", T0, "edge@example.org");
    ingestBounce("Transient", "General", T0.plus(Duration.ofDays(15)), "edge@example.org");
    IngestReport report =
        ingestBounce("Transient", "General", T0.plus(Duration.ofDays(30)), "edge@example.org");

    assertThat(report.escalated()).containsExactly("edge@example.org");
  }

  @Test
  void threeSoftBouncesSpreadOverMoreThan30Days_doNotEscalate() {
    List<IngestReport> reports = new ArrayList<>();
    for (Duration offset :
        List.of(Duration.ZERO, Duration.ofDays(20), Duration.ofDays(40).plusSeconds(1))) {
      reports.add(ingestBounce("Transient", "General", T0.plus(offset), "spread@example.org"));
    }
    reports.add(
        ingestBounce(
            "Transient",
            "MailboxFull",
            T0.plus(Duration.ofDays(30)).plusSeconds(1),
            "edge@example.org"));
    reports.add(ingestBounce("Transient", "General", T0, "edge@example.org"));
    reports.add(
        ingestBounce(
            "Transient",
            "General",
            T0.plus(Duration.ofDays(15)),
            "edge@example.org")); // 0 .. 30d+1s: just over

    assertThat(reports).allSatisfy(r -> assertThat(r.escalated()).isEmpty());
    assertThat(store.allSuppressions()).isEmpty();
    assertThat(store.softBounceHistory("spread@example.org")).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MessageTooLarge", "ContentRejected", "AttachmentRejected"})
  void contentSoftBounces_neverEscalate(String subType) {
    for (int i = 0; i < 5; i++) {
      IngestReport report =
          ingestBounce("Transient", subType, T0.plus(Duration.ofHours(i)), "big@example.org");
      assertThat(report.escalated()).isEmpty();
      assertThat(report.recipients()).containsEntry(Bucket.BOUNCE_TRANSIENT, 1);
    }
    assertThat(store.allSuppressions()).isEmpty();
    assertThat(store.softBounceHistory("big@example.org")).isEmpty();
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_TRANSIENT)).isEqualTo(5);
  }

  @Test
  void escalationThresholdAndWindow_areConfigurable() {
    service = new IngestService(store, new IngestPolicy(2, Duration.ofDays(7)), clock);

    ingestBounce("Transient", "General", T0, "near@example.org");
    IngestReport near =
        ingestBounce("Transient", "General", T0.plus(Duration.ofDays(3)), "near@example.org");
    ingestBounce("Transient", "General", T0, "far@example.org");
    IngestReport far =
        ingestBounce("Transient", "General", T0.plus(Duration.ofDays(8)), "far@example.org");

    assertThat(near.escalated()).containsExactly("near@example.org");
    assertThat(far.escalated()).isEmpty();
    assertThat(store.suppression("far@example.org")).isEmpty();
  }

  @Test
  void thresholdOfOne_escalatesTheFirstSoftBounce() {
    service = new IngestService(store, new IngestPolicy(1, Duration.ofDays(30)), clock);

    IngestReport report = ingestBounce("Transient", "MailboxFull", T0, "full@example.org");

    assertThat(report.escalated()).containsExactly("full@example.org");
  }

  static Stream<Arguments> arrivalOrders() {
    return Stream.of(
        Arguments.of(List.of(0, 10, 20)),
        Arguments.of(List.of(0, 20, 10)),
        Arguments.of(List.of(10, 0, 20)),
        Arguments.of(List.of(10, 20, 0)),
        Arguments.of(List.of(20, 0, 10)),
        Arguments.of(List.of(20, 10, 0)));
  }

  @ParameterizedTest(name = "days {0}")
  @MethodSource("arrivalOrders")
  void softBouncesArrivingOutOfOrder_stillEscalate(List<Integer> days) {
    List<IngestReport> reports = new ArrayList<>();
    for (int day : days) {
      reports.add(
          ingestBounce("Transient", "General", T0.plus(Duration.ofDays(day)), "late@example.org"));
    }

    assertThat(reports.get(0).escalated()).isEmpty();
    assertThat(reports.get(1).escalated()).isEmpty();
    assertThat(reports.get(2).escalated()).containsExactly("late@example.org");
    assertThat(store.suppression("late@example.org").orElseThrow().origin())
        .isEqualTo(SuppressionOrigin.SOFT_BOUNCE_ESCALATION);
  }

  @Test
  void lateSoftBounceCompletingAnOldWindow_escalates() {
    // 0 and 10 are stored, then 50 (no window of 3), then 20 arrives late: 0..20 holds 3.
    for (int day : List.of(0, 10, 50)) {
      ingestBounce("Transient", "General", T0.plus(Duration.ofDays(day)), "old@example.org");
    }
    assertThat(store.suppression("old@example.org")).isEmpty();

    IngestReport report =
        ingestBounce("Transient", "General", T0.plus(Duration.ofDays(20)), "old@example.org");

    assertThat(report.escalated()).containsExactly("old@example.org");
  }

  @Test
  void threeSoftBouncesInOneBatch_escalateOnce() {
    List<Normalized> batch = new ArrayList<>();
    for (int day : List.of(20, 0, 10)) {
      batch.add(softBounce("General", T0.plus(Duration.ofDays(day)), "batch@example.org"));
    }

    IngestReport report = service.ingest(batch);

    assertThat(report.escalated()).containsExactly("batch@example.org");
    assertThat(report.suppressed())
        .extracting(SuppressionEntry::address)
        .containsExactly("batch@example.org");
    assertThat(report.recipients()).containsEntry(Bucket.BOUNCE_TRANSIENT, 3);
  }

  @Test
  void softBounceBatch_escalatesWhenOlderBouncesFillAWindowAndANewerOneIsOutsideIt() {
    List<Normalized> batch = new ArrayList<>();
    for (int day : List.of(0, 10, 20, 60)) {
      batch.add(softBounce("General", T0.plus(Duration.ofDays(day)), "replay@example.org"));
    }

    IngestReport report = service.ingest(batch);

    assertThat(report.escalated()).containsExactly("replay@example.org");
    assertThat(store.suppression("replay@example.org")).isPresent();
  }

  @Test
  void escalationInterruptedByStoreOutage_escalatesWhenTheCallIsRetried() {
    ingestBounce("Transient", "General", T0, "retry@example.org");
    ingestBounce("Transient", "General", T0.plus(Duration.ofDays(1)), "retry@example.org");
    Normalized third = softBounce("General", T0.plus(Duration.ofDays(2)), "retry@example.org");
    store.unavailableForNext(1);

    assertThatThrownBy(() -> service.ingest(List.of(third)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(store.suppression("retry@example.org")).isEmpty();

    IngestReport retry = service.ingest(List.of(third));

    assertThat(retry.duplicates()).isEqualTo(1);
    assertThat(retry.escalated()).containsExactly("retry@example.org");
    assertThat(retry.suppressed())
        .extracting(SuppressionEntry::address)
        .containsExactly("retry@example.org");
  }

  // ------------------------------------------------------------------ report

  @Test
  void report_countsRecipientsByBucket_andItemsIgnoredAndRejected() {
    List<Normalized> docs = new ArrayList<>();
    for (String name :
        List.of(
            "bounce-permanent-general",
            "bounce-transient-general",
            "bounce-undetermined-undetermined",
            "complaint-abuse",
            "delivery",
            "send",
            "reject",
            "delivery-delay",
            "open",
            "click")) {
      docs.add(fixture("ses/event/" + name + ".json"));
    }
    // SES's topic validation notice, as the envelope adapter takes it out of its SNS envelope.
    docs.add(
        normalizer.normalize(
            RawDelivery.viaSns(
                "validation-notice.json",
                "Successfully validated SNS topic for Amazon SES event publishing.",
                "sns-validation",
                null)));
    docs.add(normalize("garbage.json", "this is not JSON"));

    IngestReport report = service.ingest(docs);

    Map<Bucket, Integer> expected = new EnumMap<>(Bucket.class);
    expected.put(Bucket.SEND, 2);
    expected.put(Bucket.DELIVERY, 2);
    expected.put(Bucket.BOUNCE_PERMANENT, 1);
    expected.put(Bucket.BOUNCE_TRANSIENT, 1);
    expected.put(Bucket.BOUNCE_UNDETERMINED, 1);
    expected.put(Bucket.COMPLAINT, 1);
    expected.put(Bucket.REJECT, 1);
    expected.put(Bucket.DELIVERY_DELAY, 1);
    expected.put(Bucket.OTHER, 2);
    assertThat(report.recipients()).isEqualTo(expected);
    assertThat(report.items()).isEqualTo(12);
    assertThat(report.ignored()).hasSize(1);
    assertThat(report.rejected()).hasSize(1);
    assertThat(report.rejected().get(0).source()).isEqualTo("garbage.json");
    assertThat(report.duplicates()).isZero();
    assertThat(report.stored()).isTrue();
    Instant now = clock.instant();
    assertThat(store.count(Scope.ACCOUNT, now, CounterField.ITEMS)).isEqualTo(12);
    assertThat(store.count(Scope.ACCOUNT, now, CounterField.IGNORED)).isEqualTo(1);
    assertThat(store.count(Scope.ACCOUNT, now, CounterField.REJECTED)).isEqualTo(1);
    assertThat(store.total(Scope.configurationSet("transactional"), CounterField.BOUNCE_PERMANENT))
        .isEqualTo(1);
  }

  @Test
  void implausibleRecipient_isRejectedWhileTheOthersAreStored() {
    String json =
        SesJson.bounce(
            NOTIFICATION,
            "fb-mixed",
            "Permanent",
            "General",
            Instant.parse("2026-03-03T10:00:00Z"),
            "not an address",
            "ok@example.org");

    IngestReport report = service.ingest(List.of(normalize("mixed.json", json)));

    assertThat(report.rejected()).hasSize(1);
    assertThat(report.recipients()).containsEntry(Bucket.BOUNCE_PERMANENT, 1);
    assertThat(report.suppressed())
        .extracting(SuppressionEntry::address)
        .containsExactly("ok@example.org");
  }

  // ------------------------------------------------------------------ store failures

  @Test
  void storeFailure_namesTheSource_andRetryCountsOnce() {
    Normalized doc = fixture("ses/notification/complaint-abuse.json");
    store.failNextApplies(1);

    IngestReport failed = service.ingest(List.of(doc));

    assertThat(failed.stored()).isFalse();
    assertThat(failed.failedSources()).containsExactly("ses/notification/complaint-abuse.json");
    assertThat(failed.recipients().values()).containsOnly(0);
    assertThat(failed.suppressed()).isEmpty();
    assertThat(store.ledgerSize()).isZero();
    assertThat(store.allSuppressions()).isEmpty();
    assertThat(feedbackCounters()).isEmpty();

    IngestReport retry = service.ingest(List.of(doc));
    IngestReport again = service.ingest(List.of(doc));

    assertThat(retry.stored()).isTrue();
    assertThat(retry.recipients()).containsEntry(Bucket.COMPLAINT, 1);
    assertThat(retry.suppressed())
        .extracting(SuppressionEntry::address)
        .containsExactly("maria.gonzalez@example.net");
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.COMPLAINT)).isEqualTo(1);
    assertThat(store.suppression("maria.gonzalez@example.net").orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void storeFailure_ofASoftBounce_neitherRecordsNorEscalatesIt() {
    ingestBounce("Transient", "General", T0, "soft@example.org");
    ingestBounce("Transient", "General", T0.plus(Duration.ofDays(1)), "soft@example.org");
    Normalized third = softBounce("General", T0.plus(Duration.ofDays(2)), "soft@example.org");
    store.failNextApplies(1);

    IngestReport failed = service.ingest(List.of(third));
    IngestReport retry = service.ingest(List.of(third));

    assertThat(failed.failedSources()).hasSize(1);
    assertThat(failed.escalated()).isEmpty();
    assertThat(retry.escalated()).containsExactly("soft@example.org");
    assertThat(store.softBounceHistory("soft@example.org")).hasSize(3);
  }

  @Test
  void storeFailure_ofABatch_namesEverySource() {
    store.failNextApplies(1);

    IngestReport report =
        service.ingest(
            List.of(
                fixture("ses/notification/bounce-permanent-general.json"),
                fixture("ses/notification/complaint-abuse.json")));

    assertThat(report.failedSources())
        .containsExactlyInAnyOrder(
            "ses/notification/bounce-permanent-general.json",
            "ses/notification/complaint-abuse.json");
  }

  // ------------------------------------------------------------------ helpers

  private static final String JORDAN = "jordan.lee@example.org";

  private Normalized fixture(String relative) {
    try {
      return normalizer.normalize(relative, Files.readString(Fixtures.event(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Normalized normalize(String source, String json) {
    return normalizer.normalize(source, json);
  }

  private Normalized softBounce(String subType, Instant at, String address) {
    return bounceDoc("Transient", subType, at, address);
  }

  private Normalized bounceDoc(String type, String subType, Instant at, String address) {
    String id = "fb-" + feedbackIds.incrementAndGet();
    return normalize(id + ".json", SesJson.bounce(NOTIFICATION, id, type, subType, at, address));
  }

  private IngestReport ingestBounce(String type, String subType, Instant at, String address) {
    return service.ingest(List.of(bounceDoc(type, subType, at, address)));
  }

  /** Every non-operational counter, by bucket (buckets without any are left out). */
  private Map<CounterKey, Map<CounterField, Long>> feedbackCounters() {
    Map<CounterKey, Map<CounterField, Long>> out = new HashMap<>();
    store
        .allCounters()
        .forEach(
            (key, fields) -> {
              Map<CounterField, Long> kept = new EnumMap<>(CounterField.class);
              fields.forEach(
                  (f, n) -> {
                    if (!OPERATIONAL.contains(f)) {
                      kept.put(f, n);
                    }
                  });
              if (!kept.isEmpty()) {
                out.put(key, kept);
              }
            });
    return out;
  }
}
