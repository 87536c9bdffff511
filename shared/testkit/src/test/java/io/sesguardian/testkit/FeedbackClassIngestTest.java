/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static io.sesguardian.testkit.SesJson.Format.EVENT;
import static io.sesguardian.testkit.SesJson.Format.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackClass;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What each {@link FeedbackClass} does to the suppression list and the counters, through {@link
 * IngestService} and the in-memory store: auto-replies, sender-side refusals and {@code not-spam}
 * never silence a person who can receive mail; address failures still do.
 */
class FeedbackClassIngestTest {

  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
  private static final String ALICE = "alice@corp.example";
  private static final Scope CORP = Scope.recipientDomain("corp.example");

  private static final String AUTH_REQUIRED =
      "smtp;550 5.7.1 RESOLVER.RST.AuthRequired; authentication required";

  private final MutableClock clock = MutableClock.at("2026-04-01T10:15:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();
  private final IngestService service = new IngestService(store, IngestPolicy.DEFAULT, clock);
  private final AtomicInteger ids = new AtomicInteger();

  @Test
  void threeAutoRepliesWithinTheWindow_suppressNobody_andCountOnlyAsAutoReplies() {
    List<IngestReport> reports = new ArrayList<>();
    for (int day = 0; day < 3; day++) {
      // The simulator's ooto@ shape: Transient/General, no status, action or diagnostic.
      reports.add(
          bounce("Transient", "General", T0.plus(Duration.ofDays(day)), null, null, null, ALICE));
    }

    assertThat(reports).allSatisfy(r -> assertThat(r.escalated()).isEmpty());
    assertThat(reports).allSatisfy(r -> assertThat(r.suppressed()).isEmpty());
    assertThat(store.suppression(ALICE)).isEmpty();
    assertThat(store.ledgerSize()).as("each reply is recorded").isEqualTo(3);
    assertThat(store.softBounceTimes(ALICE, T0.minus(Duration.ofDays(1)), clock.instant()))
        .as("no escalation history")
        .isEmpty();
    assertThat(store.total(Scope.ACCOUNT, CounterField.AUTO_REPLY)).isEqualTo(3);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_TRANSIENT)).isZero();
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED)).isZero();
    assertThat(store.total(CORP, CounterField.BOUNCE_SENDER_SIDE)).isZero();
  }

  @Test
  void threeTransientAuthenticationRefusals_suppressNobody_andAreCountedUnderTheRecipientDomain() {
    List<IngestReport> reports = new ArrayList<>();
    for (int day = 0; day < 3; day++) {
      reports.add(
          bounce(
              "Transient",
              "General",
              T0.plus(Duration.ofDays(day)),
              "5.7.1",
              "failed",
              AUTH_REQUIRED,
              ALICE));
    }

    assertThat(reports).allSatisfy(r -> assertThat(r.escalated()).isEmpty());
    assertThat(store.suppression(ALICE)).isEmpty();
    assertThat(store.allSuppressions()).isEmpty();
    assertThat(store.total(CORP, CounterField.BOUNCE_SENDER_SIDE)).isEqualTo(3);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_SENDER_SIDE)).isEqualTo(3);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_TRANSIENT)).isEqualTo(3);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED))
        .as("SES counts no Transient bounce")
        .isZero();
    assertThat(store.total(CORP, CounterField.BOUNCE_COUNTED)).isZero();
  }

  @Test
  void permanentPolicyRefusal_isNotSuppressed_butCountsLikeSesCountsAHardBounce() {
    IngestReport dmarc =
        bounce(
            "Permanent",
            "General",
            T0,
            "5.7.26",
            "failed",
            "smtp; 550 5.7.26 Unauthenticated email from example.com is not accepted due to"
                + " domain's DMARC policy",
            ALICE);
    IngestReport blocked =
        bounce(
            "Permanent",
            "General",
            T0.plusSeconds(60),
            "5.7.1",
            "failed",
            "smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using"
                + " zen.spamhaus.org",
            "bob@corp.example");

    assertThat(dmarc.suppressed()).isEmpty();
    assertThat(blocked.suppressed()).isEmpty();
    assertThat(store.allSuppressions()).isEmpty();
    assertThat(store.total(CORP, CounterField.BOUNCE_SENDER_SIDE)).isEqualTo(2);
    // SES bounce FAQ Q3: hard bounces count, bounces due to blocked IP addresses do not.
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED)).isEqualTo(1);
    assertThat(store.total(CORP, CounterField.BOUNCE_COUNTED)).isEqualTo(1);
  }

  @Test
  void notSpam_suppressesNobody_andIsNotCountedAsAComplaint() {
    IngestReport report =
        service.ingest(List.of(doc(SesJson.complaint(EVENT, id(), T0, ALICE, "not-spam"))));

    assertThat(report.suppressed()).isEmpty();
    assertThat(store.suppression(ALICE)).isEmpty();
    assertThat(store.ledgerSize()).isEqualTo(1);
    assertThat(store.total(Scope.ACCOUNT, CounterField.COMPLAINT)).isZero();
    assertThat(store.total(Scope.ACCOUNT, CounterField.COMPLAINT_COUNTED)).isZero();
    assertThat(store.total(Scope.ACCOUNT, CounterField.COMPLAINT_NOT_SPAM)).isEqualTo(1);
    assertThat(store.total(CORP, CounterField.COMPLAINT_COUNTED)).isZero();

    IngestReport abuse =
        service.ingest(
            List.of(doc(SesJson.complaint(EVENT, id(), T0.plusSeconds(1), ALICE, "abuse"))));
    assertThat(abuse.suppressed())
        .extracting(SuppressionEntry::reason)
        .containsExactly(SuppressionReason.COMPLAINT);
    assertThat(store.total(Scope.ACCOUNT, CounterField.COMPLAINT_COUNTED)).isEqualTo(1);
  }

  @Test
  void threeTransientMailboxFullBounces_422_stillEscalate() {
    String address = "full@corp.example";
    String diag = "smtp; 452 4.2.2 The email account that you tried to reach is over quota";
    IngestReport first = bounce("Transient", "MailboxFull", T0, "4.2.2", "failed", diag, address);
    IngestReport second =
        bounce(
            "Transient",
            "MailboxFull",
            T0.plus(Duration.ofDays(5)),
            "4.2.2",
            "failed",
            diag,
            address);
    assertThat(first.escalated()).isEmpty();
    assertThat(second.escalated()).isEmpty();
    assertThat(store.suppression(address)).isEmpty();

    IngestReport third =
        bounce(
            "Transient",
            "MailboxFull",
            T0.plus(Duration.ofDays(9)),
            "4.2.2",
            "failed",
            diag,
            address);

    assertThat(third.escalated()).containsExactly(address);
    assertThat(store.suppression(address))
        .get()
        .extracting(SuppressionEntry::origin)
        .isEqualTo(SuppressionOrigin.SOFT_BOUNCE_ESCALATION);
  }

  @Test
  void gmailReceivingRateLimit_421_suppressesNobodyAtOnce_onlyWhenItRepeats() {
    // Gmail's 450 4.2.1: the person is receiving mail too fast and will get it later. A class 4
    // mailbox status is a soft bounce like any other (RFC 3463 section 2), not a gone mailbox.
    String address = "busy.reader@gmail.example";
    String diag =
        "smtp; 450-4.2.1 The user you are trying to contact is receiving mail at a rate that"
            + " prevents additional messages from being delivered. Please resend your message at"
            + " a later time.";
    IngestReport first = bounce("Transient", "General", T0, "4.2.1", "failed", diag, address);
    IngestReport second =
        bounce(
            "Transient", "General", T0.plus(Duration.ofDays(2)), "5.2.1", "failed", diag, address);
    assertThat(first.escalated()).isEmpty();
    assertThat(second.escalated())
        .as("a 5.2.1 status quoting Gmail's 4.2.1 reply is still temporary")
        .isEmpty();
    assertThat(store.suppression(address)).isEmpty();

    IngestReport third =
        bounce(
            "Transient", "General", T0.plus(Duration.ofDays(4)), "4.2.1", "failed", diag, address);
    assertThat(third.escalated())
        .as("the third within the window escalates, as soft bounces do")
        .containsExactly(address);
  }

  @Test
  void transientMailboxLevelFailure_511_escalatesAtOnce_andOnlyOnce() {
    String address = "gone@corp.example";
    String json =
        SesJson.bounceWithDsn(
            NOTIFICATION,
            id(),
            "Transient",
            "General",
            T0,
            "5.1.1",
            "failed",
            "smtp; 550 5.1.1 user unknown",
            address);

    IngestReport report = service.ingest(List.of(doc(json)));

    assertThat(report.escalated()).containsExactly(address);
    SuppressionEntry entry = store.suppression(address).orElseThrow();
    assertThat(report.suppressed()).containsExactly(entry);
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.SOFT_BOUNCE_ESCALATION);
    assertThat(entry.reason()).isEqualTo(SuppressionReason.BOUNCE);
    assertThat(entry.sesState()).isEqualTo(SesSyncState.PENDING);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED))
        .as("SES counts no Transient bounce")
        .isZero();

    IngestReport again = service.ingest(List.of(doc(json)));
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.escalated()).isEmpty();
    assertThat(again.suppressed()).isEmpty();
    assertThat(store.suppression(address).orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void permanentMailboxFailure_511_stillSuppressesAtOnce() {
    IngestReport report =
        bounce(
            "Permanent",
            "General",
            T0,
            "5.1.1",
            "failed",
            "smtp; 550 5.1.1 <alice@corp.example>... User unknown",
            ALICE);

    SuppressionEntry entry = store.suppression(ALICE).orElseThrow();
    assertThat(report.suppressed()).containsExactly(entry);
    assertThat(report.escalated()).isEmpty();
    assertThat(entry.origin()).isEqualTo(SuppressionOrigin.HARD_BOUNCE);
    assertThat(store.total(Scope.ACCOUNT, CounterField.BOUNCE_COUNTED)).isEqualTo(1);
    assertThat(store.total(CORP, CounterField.BOUNCE_COUNTED)).isEqualTo(1);
    assertThat(store.total(CORP, CounterField.BOUNCE_SENDER_SIDE)).isZero();
  }

  @Test
  void autoRepliesThenAHardBounce_suppressOnTheHardBounce() {
    for (int day = 0; day < 3; day++) {
      bounce("Transient", "General", T0.plus(Duration.ofDays(day)), null, null, null, ALICE);
    }
    IngestReport hard =
        bounce(
            "Permanent",
            "General",
            T0.plus(Duration.ofDays(3)),
            "5.1.1",
            "failed",
            "smtp; 550 5.1.1 user unknown",
            ALICE);
    assertThat(hard.suppressed()).extracting(SuppressionEntry::address).containsExactly(ALICE);
  }

  private IngestReport bounce(
      String type,
      String subType,
      Instant at,
      String status,
      String action,
      String diagnostic,
      String address) {
    return service.ingest(
        List.of(
            doc(
                SesJson.bounceWithDsn(
                    NOTIFICATION, id(), type, subType, at, status, action, diagnostic, address))));
  }

  private Normalized doc(String json) {
    return normalizer.normalize("test.json", json);
  }

  private String id() {
    return "fb-class-" + ids.incrementAndGet();
  }
}
