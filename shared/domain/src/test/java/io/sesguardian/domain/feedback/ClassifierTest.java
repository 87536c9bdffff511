/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import static io.sesguardian.domain.feedback.BounceType.PERMANENT;
import static io.sesguardian.domain.feedback.BounceType.TRANSIENT;
import static io.sesguardian.domain.feedback.BounceType.UNDETERMINED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTest {

  @ParameterizedTest(name = "{0}/{1} simulator={2}")
  @CsvSource({
    // type, subtype, simulator, category, countsBounce, suppression, onAccountList, escalatable
    "PERMANENT, General, false, HARD_BOUNCE, true, BOUNCE, false, false",
    "PERMANENT, NoEmail, false, HARD_BOUNCE, true, BOUNCE, false, false",
    "PERMANENT, Suppressed, false, HARD_BOUNCE, true, BOUNCE, false, false",
    "PERMANENT, OnAccountSuppressionList, false, HARD_BOUNCE, false, BOUNCE, true, false",
    // The tenant-level list is the same case: SES did not send (tenant-level suppression list).
    "PERMANENT, OnTenantSuppressionList, false, HARD_BOUNCE, false, BOUNCE, true, false",
    "PERMANENT, General, true, HARD_BOUNCE, false, BOUNCE, false, false",
    "PERMANENT, SomethingNew, false, HARD_BOUNCE, true, BOUNCE, false, false",
    "TRANSIENT, General, false, SOFT_BOUNCE, false, , false, true",
    "TRANSIENT, MailboxFull, false, SOFT_BOUNCE, false, , false, true",
    "TRANSIENT, MessageTooLarge, false, SOFT_BOUNCE, false, , false, false",
    "TRANSIENT, ContentRejected, false, SOFT_BOUNCE, false, , false, false",
    "TRANSIENT, AttachmentRejected, false, SOFT_BOUNCE, false, , false, false",
    "TRANSIENT, SomethingNew, false, SOFT_BOUNCE, false, , false, false",
    "UNDETERMINED, Undetermined, false, UNDETERMINED_BOUNCE, false, , false, true",
  })
  void bounces_areClassifiedBySesCountingRules(
      BounceType type,
      String subType,
      boolean simulator,
      Category category,
      boolean countsBounce,
      SuppressionReason suppression,
      boolean onAccountList,
      boolean escalatable) {
    // A DSN typical of the subtype, so that no rule other than the subtype's applies.
    Dsn dsn =
        switch (type) {
          case PERMANENT -> new Dsn("5.1.1", "failed", "smtp; 550 5.1.1 user unknown");
          case TRANSIENT -> new Dsn("4.4.7", "failed", "smtp; 451 4.4.7 expired");
          case UNDETERMINED -> Dsn.NONE;
        };
    Classification c =
        Classifier.classify(FeedbackKind.BOUNCE, type, subType, dsn, null, null, simulator);
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.countsTowardBounceRate()).isEqualTo(countsBounce);
    assertThat(c.countsTowardComplaintRate()).isFalse();
    assertThat(c.suppressionReason()).isEqualTo(suppression);
    assertThat(c.alreadyOnAccountList()).isEqualTo(onAccountList);
    assertThat(c.escalatable()).isEqualTo(escalatable);
  }

  @Test
  void complaints_countUnlessOnAccountListOrSimulator_andAlwaysAskForSuppression() {
    assertThat(complaint("abuse", null, false))
        .isEqualTo(
            new Classification(
                Category.COMPLAINT,
                false,
                true,
                SuppressionReason.COMPLAINT,
                false,
                false,
                FeedbackClass.COMPLAINT));
    assertThat(complaint(null, null, false).feedbackClass()).isEqualTo(FeedbackClass.COMPLAINT);
    Classification onList = complaint(null, "OnAccountSuppressionList", false);
    assertThat(onList.countsTowardComplaintRate()).isFalse();
    assertThat(onList.feedbackClass()).isEqualTo(FeedbackClass.ON_ACCOUNT_LIST);
    assertThat(complaint("abuse", null, true).countsTowardComplaintRate()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = FeedbackKind.class,
      names = {"BOUNCE", "COMPLAINT"},
      mode = EnumSource.Mode.EXCLUDE)
  void otherKinds_neitherCountNorSuppress(FeedbackKind kind) {
    assertThat(Classifier.classify(kind, PERMANENT, "General", Dsn.NONE, "abuse", null, false))
        .isEqualTo(Classification.NONE);
  }

  @Test
  void bounceWithoutType_isUndeterminedNotHard() {
    assertThat(
            Classifier.classify(FeedbackKind.BOUNCE, null, null, null, null, null, false)
                .category())
        .isEqualTo(Category.UNDETERMINED_BOUNCE);
    assertThat(BounceType.fromWire("permanent")).isEqualTo(PERMANENT);
    assertThat(BounceType.fromWire("Temporary")).isEqualTo(UNDETERMINED);
    assertThat(BounceType.fromWire(" Transient ")).isEqualTo(TRANSIENT);
  }

  // ------------------------------------------------------------------ classes from the DSN

  @ParameterizedTest(name = "{0}/{1} status={2} action={3} diag={4} -> {5}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // type | subtype | status | action | diagnostic | class
        // RFC 3834 auto-replies: SES sends them as Transient/General without a DSN (ooto@).
        "TRANSIENT | General | - | - | - | AUTO_REPLY",
        "TRANSIENT | - | - | - | - | AUTO_REPLY",
        "TRANSIENT | General | '' | '' | '' | AUTO_REPLY",
        "TRANSIENT | General | 2.0.0 | delivered | - | AUTO_REPLY",
        "TRANSIENT | General | - | failed | - | SOFT",
        "TRANSIENT | General | 4.4.7 | - | - | SOFT",
        "TRANSIENT | General | - | - | smtp; 451 try later | SOFT",
        "TRANSIENT | MailboxFull | - | - | - | SOFT",
        "UNDETERMINED | Undetermined | - | - | - | UNDETERMINED",
        // RFC 3463 x.7.x: security or policy, the sender's problem (corpus 029, 053, 028).
        "TRANSIENT | General | 5.7.1 | failed | smtp;550 5.7.1 RESOLVER.RST.AuthRequired;"
            + " authentication required | SENDER_POLICY",
        "TRANSIENT | General | 5.7.1 | failed | smtp; 550-5.7.1 Unauthenticated email is not"
            + " accepted due to domain's DMARC policy | SENDER_POLICY",
        "PERMANENT | General | 5.7.1 | failed | smtp; 550 5.7.1 violates school policy"
            + " | SENDER_POLICY",
        "PERMANENT | General | 5.7.26 | failed | smtp; 550 5.7.26 DMARC | SENDER_POLICY",
        "UNDETERMINED | Undetermined | 5.7.1 | failed | - | SENDER_POLICY",
        "TRANSIENT | ContentRejected | 5.7.1 | failed | smtp; 554 5.7.1 content policy"
            + " | SENDER_POLICY",
        "TRANSIENT | AttachmentRejected | 5.7.0 | failed | smtp; 552 5.7.0 blocked"
            + " | SENDER_POLICY",
        "TRANSIENT | ContentRejected | 5.6.0 | failed | smtp; 554 5.6.0 rejected | SENDER_POLICY",
        // Blocked IPs (SES bounce FAQ Q3: they do not count).
        "PERMANENT | General | 5.7.1 | failed | smtp; 554 5.7.1 Service unavailable; Client host"
            + " [192.0.2.7] blocked using zen.spamhaus.org | SENDER_BLOCKED",
        "PERMANENT | General | 5.7.1 | failed | smtp; 550 5.7.1 part of their network is on our"
            + " block list (S3150) | SENDER_BLOCKED",
        "PERMANENT | General | 5.0.0 | failed | smtp; 550 5.0.0 your IP 192.0.2.7 is listed"
            + " | SENDER_BLOCKED",
        // The status missing, the diagnostic decides (its code, then its wording).
        "PERMANENT | General | - | failed | smtp; 550 5.7.1 Message rejected | SENDER_POLICY",
        "PERMANENT | General | 5.0.0 | failed | smtp; 550 SPF check failed | SENDER_POLICY",
        "TRANSIENT | General | - | failed | smtp; 421 rejected, DKIM signature invalid"
            + " | SENDER_POLICY",
        // A mailbox status is about the address, whatever else the text says (corpus 019).
        "PERMANENT | General | 5.1.1 | failed | smtp; 550 5.1.1 user unknown ( blacklisted"
            + " address ) | HARD",
        "PERMANENT | General | - | - | - | HARD",
        "PERMANENT | Suppressed | 5.1.1 | failed | Amazon SES has suppressed sending | HARD",
        "PERMANENT | OnAccountSuppressionList | 5.1.1 | failed | on the suppression list"
            + " | ON_ACCOUNT_LIST",
        "PERMANENT | OnTenantSuppressionList | 5.1.1 | failed | on the suppression list for"
            + " your tenant | ON_ACCOUNT_LIST",
        // Permanent (class 5) mailbox-level failures on a Transient bounce (RFC 3463 x.1.1, x.2.1;
        // RFC 7505 x.1.10; RFC 7293 x.7.17) escalate at once; class 4 ones and others stay soft.
        "TRANSIENT | General | 5.1.1 | failed | smtp; 550 5.1.1 user unknown | MAILBOX",
        "TRANSIENT | General | 5.1.10 | failed | smtp; 550 5.1.10 null MX | MAILBOX",
        "TRANSIENT | General | 5.2.1 | failed | smtp; 550 5.2.1 account disabled | MAILBOX",
        "TRANSIENT | General | 4.2.1 | failed | smtp; 450 4.2.1 mailbox disabled | SOFT",
        "TRANSIENT | General | 4.2.1 | failed | smtp; 450-4.2.1 The user you are trying to contact"
            + " is receiving mail at a rate that prevents additional messages from being delivered."
            + " Please resend your message at a later time. | SOFT",
        "TRANSIENT | General | 4.1.1 | failed | smtp; 450 4.1.1 Recipient address rejected:"
            + " unverified address | SOFT",
        "TRANSIENT | General | 4.7.17 | failed | smtp; 450 4.7.17 try later | SOFT",
        // Status and diagnostic disagree: any class 4 code means a temporary condition.
        "TRANSIENT | General | 5.2.1 | failed | smtp; 450-4.2.1 The user you are trying to"
            + " contact is receiving mail at a rate that prevents additional messages | SOFT",
        "TRANSIENT | General | 4.2.1 | failed | smtp; 550 5.2.1 account disabled | SOFT",
        "TRANSIENT | General | - | failed | smtp; 450 4.2.1 try again later | SOFT",
        "TRANSIENT | General | 5.7.17 | failed | smtp; 550 5.7.17 owner changed | MAILBOX",
        "TRANSIENT | General | - | failed | smtp; 550 5.1.1 no such user | MAILBOX",
        "TRANSIENT | MailboxFull | 4.2.2 | failed | smtp; 452 4.2.2 over quota | SOFT",
        "TRANSIENT | General | 5.1.2 | failed | smtp; 550 5.1.2 bad domain | SOFT",
        "TRANSIENT | MessageTooLarge | 5.3.4 | failed | smtp; 552 5.3.4 too big | SOFT_MESSAGE",
        "UNDETERMINED | Undetermined | 5.1.1 | failed | - | UNDETERMINED",
      })
  void bounceClass_followsTheDsn(
      BounceType type,
      String subType,
      String status,
      String action,
      String diagnostic,
      FeedbackClass expected) {
    assertThat(Classifier.bounceClass(type, subType, new Dsn(status, action, diagnostic)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = FeedbackClass.class,
      names = {"COMPLAINT", "NOT_SPAM", "NONE"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyBounceClass_hasOneOutcome(FeedbackClass wanted) {
    Classification c = bounceOf(wanted, false);
    assertThat(c.feedbackClass()).isEqualTo(wanted);
    boolean suppresses = wanted == FeedbackClass.HARD || wanted == FeedbackClass.ON_ACCOUNT_LIST;
    assertThat(c.suppression().isPresent()).as("suppresses").isEqualTo(suppresses);
    boolean escalates =
        wanted == FeedbackClass.MAILBOX
            || wanted == FeedbackClass.SOFT
            || wanted == FeedbackClass.UNDETERMINED;
    assertThat(c.escalatable()).as("escalatable").isEqualTo(escalates);
    assertThat(c.escalatesAtOnce()).isEqualTo(wanted == FeedbackClass.MAILBOX);
    assertThat(c.countsTowardComplaintRate()).isFalse();
    assertThat(bounceOf(wanted, true).countsTowardBounceRate()).as("simulator counts").isFalse();
  }

  @Test
  void permanentSenderSideBounces_countAsSesCountsThem_onlyWhenNoBlockedIp() {
    // SES bounce FAQ Q3: hard bounces count, "bounces due to blocked IP addresses" do not.
    assertThat(bounceOf(FeedbackClass.SENDER_POLICY, false).countsTowardBounceRate()).isTrue();
    assertThat(bounceOf(FeedbackClass.SENDER_BLOCKED, false).countsTowardBounceRate()).isFalse();
    assertThat(
            Classifier.classify(
                    FeedbackKind.BOUNCE,
                    TRANSIENT,
                    "General",
                    new Dsn("5.7.1", "failed", "smtp; 550 5.7.1 authentication required"),
                    null,
                    null,
                    false)
                .countsTowardBounceRate())
        .as("a Transient bounce never counts")
        .isFalse();
    assertThat(bounceOf(FeedbackClass.HARD, false).countsTowardBounceRate()).isTrue();
    assertThat(bounceOf(FeedbackClass.MAILBOX, false).countsTowardBounceRate()).isFalse();
    assertThat(bounceOf(FeedbackClass.AUTO_REPLY, false).countsTowardBounceRate()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-spam", "Not-Spam", " not-spam ", "not_spam"})
  void notSpam_isNeitherSuppressedNorCounted(String feedbackType) {
    Classification c = complaint(feedbackType, null, false);
    assertThat(c.feedbackClass()).isEqualTo(FeedbackClass.NOT_SPAM);
    assertThat(c.suppression()).isEmpty();
    assertThat(c.countsTowardComplaintRate()).isFalse();
    assertThat(c.category()).isEqualTo(Category.COMPLAINT);
    assertThat(complaint(feedbackType, "OnAccountSuppressionList", false).suppression()).isEmpty();
  }

  @Test
  void enhancedStatus_isReadFromTheStatusOrTheDiagnostic_notFromIpAddresses() {
    assertThat(new Dsn("5.1.10", null, null).enhancedStatus())
        .contains(new EnhancedStatus(5, 1, 10));
    assertThat(new Dsn(" 4.2.2 ", null, null).enhancedStatus())
        .contains(new EnhancedStatus(4, 2, 2));
    assertThat(new Dsn("bogus", null, "smtp; 550-5.7.26 Unauthenticated").enhancedStatus())
        .contains(new EnhancedStatus(5, 7, 26));
    assertThat(new Dsn(null, null, "smtp; 550 host 10.5.1.1 said no").enhancedStatus()).isEmpty();
    assertThat(new Dsn(null, null, "550 rejected by 5.1.1.3").enhancedStatus()).isEmpty();
    assertThat(new Dsn(null, null, "ends with 5.7.1.").enhancedStatus())
        .contains(new EnhancedStatus(5, 7, 1));
    assertThat(new Dsn("3.1.1", null, null).enhancedStatus()).isEmpty();
  }

  private static Classification complaint(String feedbackType, String subType, boolean simulator) {
    return Classifier.classify(
        FeedbackKind.COMPLAINT, null, null, Dsn.NONE, feedbackType, subType, simulator);
  }

  /** A bounce of the given class, from a DSN that shows it. */
  private static Classification bounceOf(FeedbackClass wanted, boolean simulator) {
    record Sample(BounceType type, String subType, Dsn dsn) {}
    Sample s =
        switch (wanted) {
          case HARD -> new Sample(PERMANENT, "General", new Dsn("5.1.1", "failed", "550 5.1.1"));
          case ON_ACCOUNT_LIST ->
              new Sample(PERMANENT, "OnAccountSuppressionList", new Dsn("5.1.1", "failed", "x"));
          case SENDER_POLICY ->
              new Sample(PERMANENT, "General", new Dsn("5.7.1", "failed", "550 5.7.1 policy"));
          case SENDER_BLOCKED ->
              new Sample(
                  PERMANENT, "General", new Dsn("5.7.1", "failed", "550 5.7.1 listed in an RBL"));
          case AUTO_REPLY -> new Sample(TRANSIENT, "General", Dsn.NONE);
          case MAILBOX ->
              new Sample(TRANSIENT, "General", new Dsn("5.1.1", "failed", "550 5.1.1 unknown"));
          case SOFT -> new Sample(TRANSIENT, "MailboxFull", new Dsn("4.2.2", "failed", "452"));
          case SOFT_MESSAGE ->
              new Sample(TRANSIENT, "MessageTooLarge", new Dsn("5.3.4", "failed", "552"));
          case UNDETERMINED -> new Sample(UNDETERMINED, "Undetermined", Dsn.NONE);
          case COMPLAINT, NOT_SPAM, NONE -> throw new IllegalArgumentException(wanted.name());
        };
    return Classifier.classify(
        FeedbackKind.BOUNCE, s.type(), s.subType(), s.dsn(), null, null, simulator);
  }
}
