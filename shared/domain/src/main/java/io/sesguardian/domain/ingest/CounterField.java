/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

/**
 * The hourly counters kept per scope. Kind counters count non-simulator recipient records;
 * simulator records only count in {@link #SIMULATOR}. The last four are operational and kept for
 * the account scope only, by processing hour.
 *
 * <p>Stores keep every field under its {@link #attribute()} name, so a new field needs no adapter
 * change.
 */
public enum CounterField {
  SEND("send"),
  DELIVERY("delivery"),
  BOUNCE_PERMANENT("bouncePermanent"),
  BOUNCE_TRANSIENT("bounceTransient"),
  BOUNCE_UNDETERMINED("bounceUndetermined"),
  /** Hard bounces SES counts toward the bounce rate. */
  BOUNCE_COUNTED("bounceCounted"),
  /** {@code OnAccountSuppressionList} bounces: sends SES never attempted. */
  BOUNCE_ON_ACCOUNT_LIST("bounceOnAccountList"),
  /**
   * Bounces where the receiving side refused the sender ({@code FeedbackClass.SENDER_POLICY} and
   * {@code SENDER_BLOCKED}: authentication, SPF/DKIM/DMARC, blocklists, content policy), also kept
   * per recipient domain so a domain that starts refusing the account's mail can be named. They are
   * counted in their bounce-type field as well.
   */
  BOUNCE_SENDER_SIDE("bounceSenderSide"),
  /**
   * Automatic replies SES reports as {@code Transient} bounces ({@code FeedbackClass.AUTO_REPLY}).
   * Not in {@link #BOUNCE_TRANSIENT}: the message was delivered, so it is no bounce and no extra
   * attempted send.
   */
  AUTO_REPLY("autoReply"),
  COMPLAINT("complaint"),
  /** Complaints SES counts toward the complaint rate. */
  COMPLAINT_COUNTED("complaintCounted"),
  /**
   * {@code not-spam} feedback ({@code FeedbackClass.NOT_SPAM}), a provider correcting a spam tag:
   * not in {@link #COMPLAINT}.
   */
  COMPLAINT_NOT_SPAM("complaintNotSpam"),
  REJECT("reject"),
  DELIVERY_DELAY("deliveryDelay"),
  /** Opens, clicks, rendering failures, subscriptions and unknown kinds. */
  OTHER("other"),
  SIMULATOR("simulator"),
  ITEMS("items"),
  DUPLICATES("duplicates"),
  REJECTED("rejected"),
  IGNORED("ignored");

  private final String attribute;

  CounterField(String attribute) {
    this.attribute = attribute;
  }

  /** The stored attribute name. */
  public String attribute() {
    return attribute;
  }
}
