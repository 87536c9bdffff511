/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

/**
 * SES's counting rules (Developer Guide: notification contents, reputation metrics, suppression
 * list), applied to one recipient of one notification.
 *
 * <ul>
 *   <li>Every {@code Permanent} bounce is hard and asks for suppression; it counts toward the
 *       bounce rate unless SES did not even try ({@code OnAccountSuppressionList}) or the recipient
 *       is the mailbox simulator. {@code Suppressed} (SES's global list) does count.
 *   <li>{@code Transient} bounces are soft; {@code General} and {@code MailboxFull} are about the
 *       address and count toward escalation, content problems ({@code MessageTooLarge}, {@code
 *       ContentRejected}, {@code AttachmentRejected}) never do.
 *   <li>{@code Undetermined} bounces count toward escalation only.
 *   <li>Every complaint asks for suppression and counts toward the complaint rate, except when SES
 *       reports the address was already on the account list or the recipient is the simulator.
 * </ul>
 */
public final class Classifier {

  static final String ON_ACCOUNT_SUPPRESSION_LIST = "OnAccountSuppressionList";

  private Classifier() {}

  /** Classifies one recipient record; never throws for any combination of values. */
  public static Classification classify(
      FeedbackKind kind,
      BounceType bounceType,
      String bounceSubType,
      String complaintSubType,
      boolean simulator) {
    return switch (kind) {
      case BOUNCE -> classifyBounce(bounceType, bounceSubType, simulator);
      case COMPLAINT -> {
        boolean onAccountList =
            ON_ACCOUNT_SUPPRESSION_LIST.equalsIgnoreCase(trim(complaintSubType));
        yield new Classification(
            Category.COMPLAINT,
            false,
            !onAccountList && !simulator,
            SuppressionReason.COMPLAINT,
            onAccountList,
            false);
      }
      case SEND,
          DELIVERY,
          REJECT,
          DELIVERY_DELAY,
          OPEN,
          CLICK,
          RENDERING_FAILURE,
          SUBSCRIPTION,
          UNKNOWN ->
          Classification.NONE;
    };
  }

  private static Classification classifyBounce(
      BounceType bounceType, String bounceSubType, boolean simulator) {
    String subType = trim(bounceSubType);
    BounceType type = bounceType == null ? BounceType.UNDETERMINED : bounceType;
    return switch (type) {
      case PERMANENT -> {
        boolean onAccountList = ON_ACCOUNT_SUPPRESSION_LIST.equalsIgnoreCase(subType);
        yield new Classification(
            Category.HARD_BOUNCE,
            !onAccountList && !simulator,
            false,
            SuppressionReason.BOUNCE,
            onAccountList,
            false);
      }
      case TRANSIENT ->
          new Classification(
              Category.SOFT_BOUNCE, false, false, null, false, isAddressRelatedSoft(subType));
      case UNDETERMINED ->
          new Classification(Category.UNDETERMINED_BOUNCE, false, false, null, false, true);
    };
  }

  private static boolean isAddressRelatedSoft(String subType) {
    return subType == null
        || subType.equalsIgnoreCase("General")
        || subType.equalsIgnoreCase("MailboxFull");
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
