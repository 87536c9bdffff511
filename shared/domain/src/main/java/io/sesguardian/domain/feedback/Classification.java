/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Objects;
import java.util.Optional;

/**
 * A record seen through SES's own counting rules.
 *
 * @param category hard, soft or undetermined bounce, complaint, or none
 * @param countsTowardBounceRate whether SES counts it in the bounce rate's numerator: hard bounces
 *     except {@code OnAccountSuppressionList} and mailbox-simulator recipients
 * @param countsTowardComplaintRate whether SES counts it in the complaint rate's numerator:
 *     complaints except {@code complaintSubType OnAccountSuppressionList} and simulator recipients
 * @param suppressionReason the reason to put the address on the suppression list, or {@code null}
 *     when this record alone does not ask for suppression
 * @param alreadyOnAccountList SES reported that the address is already on the account-level
 *     suppression list, so it need not be sent there again
 * @param escalatable a soft or undetermined bounce caused by the address (not the content or the
 *     sender), which counts toward repeated-soft-bounce escalation ({@link FeedbackClass#MAILBOX}
 *     escalates at its first occurrence)
 * @param feedbackClass what the record means for the guardian (see {@link FeedbackClass})
 */
public record Classification(
    Category category,
    boolean countsTowardBounceRate,
    boolean countsTowardComplaintRate,
    SuppressionReason suppressionReason,
    boolean alreadyOnAccountList,
    boolean escalatable,
    FeedbackClass feedbackClass) {

  public static final Classification NONE =
      new Classification(Category.NONE, false, false, null, false, false, FeedbackClass.NONE);

  public Classification {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(feedbackClass, "feedbackClass");
    if (suppressionReason == null && alreadyOnAccountList) {
      throw new IllegalArgumentException("alreadyOnAccountList needs a suppression reason");
    }
  }

  /** Whether this record alone suppresses the address by escalation, without earlier repeats. */
  public boolean escalatesAtOnce() {
    return feedbackClass == FeedbackClass.MAILBOX;
  }

  /** The suppression this record asks for, if any. */
  public Optional<SuppressionReason> suppression() {
    return Optional.ofNullable(suppressionReason);
  }
}
