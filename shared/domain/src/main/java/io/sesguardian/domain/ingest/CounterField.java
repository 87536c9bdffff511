/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

/**
 * The hourly counters kept per scope. Kind counters count non-simulator recipient records;
 * simulator records only count in {@link #SIMULATOR}. The suppression-list fields and the last four
 * (operational, by processing hour) are kept for the account scope only.
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
  /** Hard bounces SES counts toward the bounce rate (verified recipient domains left out). */
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
  /**
   * Complaints SES counts toward the complaint rate: one per feedback report (its first recipient),
   * however many recipients the report names.
   */
  COMPLAINT_COUNTED("complaintCounted"),
  /**
   * {@code not-spam} feedback ({@code FeedbackClass.NOT_SPAM}), a provider correcting a spam tag:
   * not in {@link #COMPLAINT}.
   */
  COMPLAINT_NOT_SPAM("complaintNotSpam"),
  REJECT("reject"),
  /*
   * The denominator fields below are subsets of the kind counters above, kept in the same bucket
   * (so they add no write request): the rate calculator subtracts them or picks a channel. A bucket
   * written before they existed simply has none, and then counts as it always did.
   */
  /**
   * {@code Complaint} feedback with {@code complaintSubType} {@code OnAccountSuppressionList}: SES
   * did not send (developer guide, "Event publishing contents": complaint object). Also counted in
   * {@link #COMPLAINT}, never in {@link #COMPLAINT_COUNTED}.
   */
  COMPLAINT_ON_ACCOUNT_LIST("complaintOnAccountList"),
  /** {@code Send} events to recipient domains that send SES no complaint feedback. */
  SEND_NON_FBL("sendNonFbl"),
  /** {@code Send} events to recipients in the account's verified domains. */
  SEND_VERIFIED("sendVerified"),
  /**
   * Sends SES published a {@code Send} event for but never attempted, through configuration sets:
   * {@code OnAccountSuppressionList} bounces and complaints, and rejects.
   */
  UNSENT("unsent"),
  /** {@link #UNSENT} to recipient domains without a feedback loop. */
  UNSENT_NON_FBL("unsentNonFbl"),
  /** {@link #UNSENT} to recipients in the account's verified domains. */
  UNSENT_VERIFIED("unsentVerified"),
  /** Attempted sends (deliveries and attempted bounces) to domains without a feedback loop. */
  ATTEMPTED_NON_FBL("attemptedNonFbl"),
  /** Attempted sends to recipients in the account's verified domains. */
  ATTEMPTED_VERIFIED("attemptedVerified"),
  /** Hard bounces to the account's verified domains: SES leaves them out of the bounce rate. */
  BOUNCE_VERIFIED("bounceVerified"),
  /**
   * Deliveries of traffic without a configuration set (identity notifications): the channel that
   * has no {@code Send} events and takes its denominator from deliveries plus bounces.
   */
  IDENTITY_DELIVERY("identityDelivery"),
  /** Attempted sends (deliveries and attempted bounces) without a configuration set. */
  IDENTITY_ATTEMPTED("identityAttempted"),
  /** {@link #IDENTITY_ATTEMPTED} to domains without a feedback loop. */
  IDENTITY_ATTEMPTED_NON_FBL("identityAttemptedNonFbl"),
  /** {@link #IDENTITY_ATTEMPTED} to the account's verified domains. */
  IDENTITY_ATTEMPTED_VERIFIED("identityAttemptedVerified"),
  /** {@link #BOUNCE_COUNTED} without a configuration set. */
  IDENTITY_BOUNCE_COUNTED("identityBounceCounted"),
  /** {@link #COMPLAINT_COUNTED} without a configuration set. */
  IDENTITY_COMPLAINT_COUNTED("identityComplaintCounted"),
  DELIVERY_DELAY("deliveryDelay"),
  /** Opens, clicks, rendering failures, subscriptions and unknown kinds. */
  OTHER("other"),
  SIMULATOR("simulator"),
  /*
   * Suppression-list counters (account scope only), written by the store together with the change
   * they count, so the weekly report reads its week's list changes from counters instead of the
   * list: entries added, by reason and origin, in the hour of their first event (SES's timestamp),
   * and the time to record them and to copy them to SES's list as a histogram of fixed buckets
   * (SuppressionCounts), in the same hour.
   */
  /** Entries created for hard bounces and escalated soft bounces ({@code BOUNCE}). */
  SUPPRESSED_BOUNCE("suppressedBounce"),
  /** Entries created for complaints. */
  SUPPRESSED_COMPLAINT("suppressedComplaint"),
  /** Of the {@link #SUPPRESSED_BOUNCE} entries, those added by soft-bounce escalation. */
  SUPPRESSED_ESCALATION("suppressedEscalation"),
  RECORDED_WITHIN_1S("recordedWithin1s"),
  RECORDED_WITHIN_5S("recordedWithin5s"),
  RECORDED_WITHIN_15S("recordedWithin15s"),
  RECORDED_WITHIN_1MIN("recordedWithin1min"),
  RECORDED_WITHIN_5MIN("recordedWithin5min"),
  RECORDED_WITHIN_15MIN("recordedWithin15min"),
  RECORDED_WITHIN_1H("recordedWithin1h"),
  RECORDED_WITHIN_6H("recordedWithin6h"),
  RECORDED_WITHIN_24H("recordedWithin24h"),
  RECORDED_AFTER_24H("recordedAfter24h"),
  SYNCED_WITHIN_1S("syncedWithin1s"),
  SYNCED_WITHIN_5S("syncedWithin5s"),
  SYNCED_WITHIN_15S("syncedWithin15s"),
  SYNCED_WITHIN_1MIN("syncedWithin1min"),
  SYNCED_WITHIN_5MIN("syncedWithin5min"),
  SYNCED_WITHIN_15MIN("syncedWithin15min"),
  SYNCED_WITHIN_1H("syncedWithin1h"),
  SYNCED_WITHIN_6H("syncedWithin6h"),
  SYNCED_WITHIN_24H("syncedWithin24h"),
  SYNCED_AFTER_24H("syncedAfter24h"),
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
