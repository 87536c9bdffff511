/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the {@link FeedbackClass} of one recipient of one notification and, from it, what SES
 * counts and what the guardian suppresses (Developer Guide: notification contents, bounce FAQ,
 * suppression list; RFC 3463 for the DSN status). The rules, in the order they apply:
 *
 * <ol>
 *   <li>Complaints: {@code not-spam} is {@link FeedbackClass#NOT_SPAM}; {@code complaintSubType
 *       OnAccountSuppressionList} is {@link FeedbackClass#ON_ACCOUNT_LIST}; any other is {@link
 *       FeedbackClass#COMPLAINT}.
 *   <li>{@code Permanent/OnAccountSuppressionList}, {@code Permanent/OnTenantSuppressionList} (both
 *       {@link FeedbackClass#ON_ACCOUNT_LIST}) and {@code Permanent/Suppressed} are decided by
 *       SES's subtype alone (SES did not deliver; its diagnostic is its own).
 *   <li>{@code Transient/General} (or no subtype) without any failure status, action or diagnostic
 *       is an {@link FeedbackClass#AUTO_REPLY}.
 *   <li>A mailbox-level status (x.1.1, x.1.10, x.2.1, x.7.17, x.7.18) is about the address: {@link
 *       FeedbackClass#HARD} when {@code Permanent}, {@link FeedbackClass#MAILBOX} when {@code
 *       Transient} with a permanent (class 5) status and no class 4 code in the diagnostic, {@link
 *       FeedbackClass#SOFT} when {@code Transient} otherwise (RFC 3463 §2: a temporary condition,
 *       such as Gmail's 4.2.1 receiving-rate limit).
 *   <li>Otherwise a sender-side refusal — status x.7.x, subtype {@code ContentRejected} or {@code
 *       AttachmentRejected}, or a diagnostic naming authentication, SPF/DKIM/DMARC, spam content, a
 *       policy violation or a blocked IP — is {@link FeedbackClass#SENDER_BLOCKED} when the
 *       diagnostic names a blocked IP, else {@link FeedbackClass#SENDER_POLICY}.
 *   <li>Everything else as SES types it: {@code Permanent} is {@link FeedbackClass#HARD}, {@code
 *       Transient/General} and {@code MailboxFull} {@link FeedbackClass#SOFT}, other {@code
 *       Transient} subtypes {@link FeedbackClass#SOFT_MESSAGE}, {@code Undetermined} {@link
 *       FeedbackClass#UNDETERMINED}.
 * </ol>
 *
 * <p>The mailbox simulator's records get the same class but never count toward a rate (SES:
 * simulator mail does not affect reputation metrics).
 */
public final class Classifier {

  static final String ON_ACCOUNT_SUPPRESSION_LIST = "OnAccountSuppressionList";

  /**
   * {@code Permanent/OnTenantSuppressionList}: "SES did not send the message ... on the suppression
   * list for your tenant" (Developer Guide, "Tenant-level suppression list", identifying tenant
   * suppression bounces). A send SES never attempted, handled exactly like the account-level list.
   */
  static final String ON_TENANT_SUPPRESSION_LIST = "OnTenantSuppressionList";

  /**
   * Diagnostics that name a blocked sending IP (RBL/DNSBL lookups such as Postfix's "blocked using
   * zen.spamhaus.org", Microsoft's "on our block list (S3150)", "IP ... reputation"). SES's bounce
   * FAQ (Q3): "bounces due to blocked IP addresses do not count toward your bounce rate".
   */
  private static final Pattern IP_BLOCKED =
      Pattern.compile(
          "\\b(rbl|dnsbl|spamhaus|spamcop|barracuda\\w*|sorbs|uceprotect|abuseat)\\b"
              + "|block\\s?list|black\\s?list|deny\\s?list|blocked using"
              // "IP" and the verdict in one sentence; dots inside an IP address do not end it.
              + "|\\bip\\b(?:[^.;]|\\.(?=\\d)){0,60}\\b(blocked|listed|reputation|banned)\\b"
              + "|\\b(blocked|listed|reputation|banned)\\b(?:[^.;]|\\.(?=\\d)){0,30}\\bip\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Diagnostics that name a refusal of the sender or its content when the status is not x.7.x or
   * missing: authentication (Exchange's {@code RESOLVER.RST.AuthRequired}), SPF, DKIM, DMARC (RFC
   * 7372's x.7.20–x.7.26 subjects), spam or malware content, a policy violation.
   */
  private static final Pattern SENDER_REFUSED =
      Pattern.compile(
          "authentication required|authrequired|unauthenticated|not authenticated"
              + "|\\b(spf|dkim|dmarc)\\b|sender policy framework"
              + "|content polic|polic(y|ies) violation|violat\\w*[^.;]{0,60}\\bpolic"
              + "|\\bspam\\b|\\bmalware\\b|\\bphishing\\b|\\bvirus\\b",
          Pattern.CASE_INSENSITIVE);

  private Classifier() {}

  /**
   * Classifies one recipient record; never throws for any combination of values.
   *
   * @param kind what happened
   * @param bounceType for bounces (nullable: treated as {@code Undetermined})
   * @param bounceSubType for bounces, as received (nullable)
   * @param dsn the bounced recipient's DSN fields ({@link Dsn#NONE} when not a bounce)
   * @param complaintFeedbackType for complaints, e.g. {@code abuse} (nullable)
   * @param complaintSubType for complaints (nullable)
   * @param simulator whether the recipient is the SES mailbox simulator
   */
  public static Classification classify(
      FeedbackKind kind,
      BounceType bounceType,
      String bounceSubType,
      Dsn dsn,
      String complaintFeedbackType,
      String complaintSubType,
      boolean simulator) {
    return switch (kind) {
      case BOUNCE ->
          classifyBounce(bounceType, bounceSubType, dsn == null ? Dsn.NONE : dsn, simulator);
      case COMPLAINT -> classifyComplaint(complaintFeedbackType, complaintSubType, simulator);
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

  /** The class of one bounced recipient (see the class comment for the order of the rules). */
  public static FeedbackClass bounceClass(BounceType bounceType, String bounceSubType, Dsn dsn) {
    String subType = trim(bounceSubType);
    BounceType type = bounceType == null ? BounceType.UNDETERMINED : bounceType;
    if (type == BounceType.PERMANENT) {
      if (ON_ACCOUNT_SUPPRESSION_LIST.equalsIgnoreCase(subType)
          || ON_TENANT_SUPPRESSION_LIST.equalsIgnoreCase(subType)) {
        return FeedbackClass.ON_ACCOUNT_LIST;
      }
      if ("Suppressed".equalsIgnoreCase(subType)) {
        // SES's global suppression list: SES's own verdict on the address, and it counts.
        return FeedbackClass.HARD;
      }
    }
    boolean general = subType == null || subType.equalsIgnoreCase("General");
    if (type == BounceType.TRANSIENT && general && dsn.showsNoFailure()) {
      // SES reports automatic replies (RFC 3834) as Transient/General bounces without a DSN, as
      // the mailbox simulator's ooto@ address shows.
      return FeedbackClass.AUTO_REPLY;
    }
    Optional<EnhancedStatus> status = dsn.enhancedStatus();
    if (status.isPresent() && mailboxLevel(status.get())) {
      return switch (type) {
        case PERMANENT -> FeedbackClass.HARD;
        // Only a permanent (class 5) status, with no class 4 code in the diagnostic, says the
        // mailbox is gone. A class 4 one is RFC 3463's "persistent transient failure": Gmail's
        // 450 4.2.1 means the person is receiving mail too fast ("if the user is able to receive
        // mail at that time, your message will be delivered"), so it escalates by repetition
        // like any soft bounce.
        case TRANSIENT ->
            dsn.permanentFailure(status.get()) ? FeedbackClass.MAILBOX : FeedbackClass.SOFT;
        case UNDETERMINED -> FeedbackClass.UNDETERMINED;
      };
    }
    if (senderSide(subType, status, dsn.diagnosticCode())) {
      return blockedIp(dsn.diagnosticCode())
          ? FeedbackClass.SENDER_BLOCKED
          : FeedbackClass.SENDER_POLICY;
    }
    return switch (type) {
      case PERMANENT -> FeedbackClass.HARD;
      case TRANSIENT ->
          general || subType.equalsIgnoreCase("MailboxFull")
              ? FeedbackClass.SOFT
              : FeedbackClass.SOFT_MESSAGE;
      case UNDETERMINED -> FeedbackClass.UNDETERMINED;
    };
  }

  /**
   * RFC 3463 §3.2/§3.3: x.1.1 "bad destination mailbox address", x.2.1 "mailbox disabled, not
   * accepting messages"; RFC 7505 §4.2: x.1.10 "recipient address has null MX"; RFC 7293 §3.2:
   * x.7.17 "mailbox owner has changed", x.7.18 "domain owner has changed" (security subject, but
   * about the address, not the sender).
   */
  private static boolean mailboxLevel(EnhancedStatus s) {
    return s.is(1, 1) || s.is(1, 10) || s.is(2, 1) || s.is(7, 17) || s.is(7, 18);
  }

  /**
   * RFC 3463 §3.8: x.7.x "security or policy status" is the receiver refusing the sender (its
   * authentication, its IP, its content); SES's ContentRejected and AttachmentRejected subtypes say
   * the same about the content. Without such a status, the diagnostic decides — unless the status
   * names the address (x.1.x, x.2.x), which no diagnostic wording overrides.
   */
  private static boolean senderSide(
      String subType, Optional<EnhancedStatus> status, String diagnostic) {
    if (status.isPresent() && status.get().subject() == 7) {
      return true;
    }
    if ("ContentRejected".equalsIgnoreCase(subType)
        || "AttachmentRejected".equalsIgnoreCase(subType)) {
      return true;
    }
    if (status.isPresent() && (status.get().subject() == 1 || status.get().subject() == 2)) {
      return false;
    }
    return diagnostic != null
        && (SENDER_REFUSED.matcher(diagnostic).find() || IP_BLOCKED.matcher(diagnostic).find());
  }

  private static boolean blockedIp(String diagnostic) {
    return diagnostic != null && IP_BLOCKED.matcher(diagnostic).find();
  }

  private static Classification classifyBounce(
      BounceType bounceType, String bounceSubType, Dsn dsn, boolean simulator) {
    FeedbackClass c = bounceClass(bounceType, bounceSubType, dsn);
    BounceType type = bounceType == null ? BounceType.UNDETERMINED : bounceType;
    Category category =
        switch (type) {
          case PERMANENT -> Category.HARD_BOUNCE;
          case TRANSIENT -> Category.SOFT_BOUNCE;
          case UNDETERMINED -> Category.UNDETERMINED_BOUNCE;
        };
    return switch (c) {
      case HARD ->
          new Classification(
              category, !simulator, false, SuppressionReason.BOUNCE, false, false, c);
      case ON_ACCOUNT_LIST ->
          new Classification(category, false, false, SuppressionReason.BOUNCE, true, false, c);
      // SES counts every hard bounce except those caused by a blocked IP (bounce FAQ Q3).
      case SENDER_POLICY ->
          new Classification(
              category, type == BounceType.PERMANENT && !simulator, false, null, false, false, c);
      case SENDER_BLOCKED, AUTO_REPLY, SOFT_MESSAGE ->
          new Classification(category, false, false, null, false, false, c);
      case MAILBOX, SOFT, UNDETERMINED ->
          new Classification(category, false, false, null, false, true, c);
      case COMPLAINT, NOT_SPAM, NONE -> throw new IllegalStateException("not a bounce class: " + c);
    };
  }

  private static Classification classifyComplaint(
      String feedbackType, String subType, boolean simulator) {
    if ("not-spam".equals(normal(feedbackType))) {
      // RFC 5965 §7.3: "not-spam" corrects an earlier tag; it is not a complaint about the sender.
      return new Classification(
          Category.COMPLAINT, false, false, null, false, false, FeedbackClass.NOT_SPAM);
    }
    if (ON_ACCOUNT_SUPPRESSION_LIST.equalsIgnoreCase(trim(subType))) {
      return new Classification(
          Category.COMPLAINT,
          false,
          false,
          SuppressionReason.COMPLAINT,
          true,
          false,
          FeedbackClass.ON_ACCOUNT_LIST);
    }
    return new Classification(
        Category.COMPLAINT,
        false,
        !simulator,
        SuppressionReason.COMPLAINT,
        false,
        false,
        FeedbackClass.COMPLAINT);
  }

  /** Lower case without spaces or underscores: {@code Not_Spam} and {@code not-spam} are one. */
  private static String normal(String value) {
    return value == null
        ? null
        : value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
