/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

/**
 * What one bounced or complaining recipient means for the guardian, decided by {@link Classifier}
 * from SES's bounce type and subtype and the recipient's DSN fields ({@link Dsn}), or from the
 * complaint's feedback type. Each class fixes whether the record is suppressed, escalated and
 * counted; README's table "What happens to each bounce and complaint class" lists the same rules.
 *
 * <p>Sources: RFC 3463 (enhanced status codes), RFC 3464 (DSN fields), RFC 3834 (automatic
 * responses), RFC 5965 and the IANA feedback-type registry ({@code not-spam}), RFC 7293 (x.7.17,
 * x.7.18), and the SES Developer Guide: notification contents
 * (https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html), the mailbox simulator
 * (https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html), the bounce FAQ
 * (https://docs.aws.amazon.com/ses/latest/DeveloperGuide/e-faq-bn.html, Q3) and the suppression
 * list (https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html).
 */
public enum FeedbackClass {
  /**
   * A {@code Permanent} bounce about the address ({@code General}, {@code NoEmail}, {@code
   * Suppressed}, or a subtype SES adds later): suppressed at once; counts toward the bounce rate
   * (SES bounce FAQ Q3: "only hard bounces"; {@code Suppressed} counts too, per the
   * suppression-list page), except for the mailbox simulator.
   */
  HARD("hard"),
  /**
   * {@code Permanent/OnAccountSuppressionList} bounce or {@code complaintSubType
   * OnAccountSuppressionList} complaint: SES did not send because the address is already on the
   * account-level list. A {@code Permanent/OnTenantSuppressionList} bounce (the address is on the
   * sending tenant's list) is the same case and gets this class too. Kept on the guardian's list
   * (SES needs no update); never counted (SES: sends to account-suppressed addresses do not count
   * toward the rates).
   */
  ON_ACCOUNT_LIST("onAccountList"),
  /**
   * The receiving side refused the sender, not the address: enhanced status x.7.x "security or
   * policy" (RFC 3463 §3.8, extended by RFC 7372 for SPF/DKIM/DMARC and reverse DNS), an SES {@code
   * ContentRejected}/{@code AttachmentRejected} subtype, or a diagnostic naming authentication,
   * SPF, DKIM, DMARC, spam content or a policy violation. Never suppressed or escalated: the team
   * must fix its sending, the recipient can still receive mail. Counted per recipient domain
   * ({@code bounceSenderSide}). A {@code Permanent} one counts toward the bounce rate because SES
   * counts every hard bounce not caused by a blocked IP (bounce FAQ Q3).
   */
  SENDER_POLICY("senderPolicy"),
  /**
   * Like {@link #SENDER_POLICY}, but the diagnostic says the sending IP is blocked (a blocklist,
   * RBL/DNSBL, or the IP's reputation). Never counted toward the bounce rate: SES's bounce FAQ Q3
   * says "bounces due to blocked IP addresses do not count toward your bounce rate".
   */
  SENDER_BLOCKED("senderBlocked"),
  /**
   * A {@code Transient/General} bounce without any failure status, action or diagnostic: an
   * automatic reply (out of office, RFC 3834), which SES reports this way (the mailbox simulator's
   * {@code ooto@} address). The message was delivered. Recorded only: never escalated, never
   * counted as a bounce.
   */
  AUTO_REPLY("autoReply"),
  /**
   * A {@code Transient} bounce whose permanent (class 5) status says the mailbox itself is gone:
   * 5.1.1 bad destination mailbox address, 5.2.1 mailbox disabled (RFC 3463 §3.2, §3.3), 5.1.10
   * recipient address has null MX (RFC 7505 §4.2), 5.7.17/5.7.18 mailbox or domain owner has
   * changed (RFC 7293 §3.2), with no class 4 code in the diagnostic. Retrying cannot help, so it
   * escalates to suppression at once. Not counted toward the bounce rate (SES counts only {@code
   * Permanent} bounces).
   */
  MAILBOX("mailbox"),
  /**
   * An address-related soft bounce ({@code Transient/General} with a failure, {@code
   * Transient/MailboxFull}, no subtype, or a mailbox-level status of class 4 such as Gmail's 4.2.1
   * receiving-rate limit): escalates to suppression after repeated bounces within the window. Not
   * counted toward the bounce rate (bounce FAQ Q3: "mailbox full" does not count).
   */
  SOFT("soft"),
  /**
   * A soft bounce about the message, not the address ({@code Transient/MessageTooLarge}) or of a
   * {@code Transient} subtype SES does not document: recorded, never escalated, not counted.
   */
  SOFT_MESSAGE("softMessage"),
  /**
   * {@code Undetermined}: SES could not tell (notification contents). Escalates after repeats like
   * {@link #SOFT}; never counted.
   */
  UNDETERMINED("undetermined"),
  /**
   * A complaint (feedback type {@code abuse}, {@code auth-failure}, {@code fraud}, {@code other},
   * {@code virus}, or none): suppressed at once and counted toward the complaint rate, except for
   * the mailbox simulator.
   */
  COMPLAINT("complaint"),
  /**
   * A complaint with feedback type {@code not-spam}: the mailbox provider says the message is not
   * spam, correcting an earlier tag (RFC 5965 §7.3, IANA "Email Feedback Report Type Values").
   * Recorded only: never suppressed, never counted as a complaint.
   */
  NOT_SPAM("notSpam"),
  /** Not a bounce or complaint: sends, deliveries, rejects, delays, opens, clicks and others. */
  NONE("none");

  private final String jsonName;

  FeedbackClass(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in the guardian's JSON output, e.g. {@code senderPolicy}. */
  public String jsonName() {
    return jsonName;
  }

  /** Whether the receiving side refused the sender rather than the address. */
  public boolean senderSide() {
    return this == SENDER_POLICY || this == SENDER_BLOCKED;
  }
}
