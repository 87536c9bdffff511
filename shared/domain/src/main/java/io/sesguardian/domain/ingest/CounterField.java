/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

/**
 * The hourly counters kept per scope. Kind counters count non-simulator recipient records;
 * simulator records only count in {@link #SIMULATOR}. The last four are operational and kept for
 * the account scope only, by processing hour.
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
  COMPLAINT("complaint"),
  /** Complaints SES counts toward the complaint rate. */
  COMPLAINT_COUNTED("complaintCounted"),
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
