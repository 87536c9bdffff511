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

class ClassifierTest {

  @ParameterizedTest(name = "{0}/{1} simulator={2}")
  @CsvSource({
    // type, subtype, simulator, category, countsBounce, suppression, onAccountList, escalatable
    "PERMANENT, General, false, HARD_BOUNCE, true, BOUNCE, false, false",
    "PERMANENT, NoEmail, false, HARD_BOUNCE, true, BOUNCE, false, false",
    "PERMANENT, Suppressed, false, HARD_BOUNCE, true, BOUNCE, false, false",
    "PERMANENT, OnAccountSuppressionList, false, HARD_BOUNCE, false, BOUNCE, true, false",
    "PERMANENT, General, true, HARD_BOUNCE, false, BOUNCE, false, false",
    "PERMANENT, SomethingNew, false, HARD_BOUNCE, true, BOUNCE, false, false",
    "TRANSIENT, General, false, SOFT_BOUNCE, false, , false, true",
    "TRANSIENT, MailboxFull, false, SOFT_BOUNCE, false, , false, true",
    "TRANSIENT, MessageTooLarge, false, SOFT_BOUNCE, false, , false, false",
    "TRANSIENT, ContentRejected, false, SOFT_BOUNCE, false, , false, false",
    "TRANSIENT, AttachmentRejected, false, SOFT_BOUNCE, false, , false, false",
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
    Classification c = Classifier.classify(FeedbackKind.BOUNCE, type, subType, null, simulator);
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.countsTowardBounceRate()).isEqualTo(countsBounce);
    assertThat(c.countsTowardComplaintRate()).isFalse();
    assertThat(c.suppressionReason()).isEqualTo(suppression);
    assertThat(c.alreadyOnAccountList()).isEqualTo(onAccountList);
    assertThat(c.escalatable()).isEqualTo(escalatable);
  }

  @Test
  void complaints_countUnlessOnAccountListOrSimulator_andAlwaysAskForSuppression() {
    assertThat(Classifier.classify(FeedbackKind.COMPLAINT, null, null, null, false))
        .isEqualTo(
            new Classification(
                Category.COMPLAINT, false, true, SuppressionReason.COMPLAINT, false, false));
    assertThat(
            Classifier.classify(
                    FeedbackKind.COMPLAINT, null, null, "OnAccountSuppressionList", false)
                .countsTowardComplaintRate())
        .isFalse();
    assertThat(
            Classifier.classify(FeedbackKind.COMPLAINT, null, null, null, true)
                .countsTowardComplaintRate())
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = FeedbackKind.class,
      names = {"BOUNCE", "COMPLAINT"},
      mode = EnumSource.Mode.EXCLUDE)
  void otherKinds_neitherCountNorSuppress(FeedbackKind kind) {
    assertThat(Classifier.classify(kind, PERMANENT, "General", null, false))
        .isEqualTo(Classification.NONE);
  }

  @Test
  void bounceWithoutType_isUndeterminedNotHard() {
    assertThat(Classifier.classify(FeedbackKind.BOUNCE, null, null, null, false).category())
        .isEqualTo(Category.UNDETERMINED_BOUNCE);
    assertThat(BounceType.fromWire("permanent")).isEqualTo(PERMANENT);
    assertThat(BounceType.fromWire("Temporary")).isEqualTo(UNDETERMINED);
    assertThat(BounceType.fromWire(" Transient ")).isEqualTo(TRANSIENT);
  }
}
