/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

/** How SES's counting rules see a record. */
public enum Category {
  HARD_BOUNCE("hardBounce"),
  SOFT_BOUNCE("softBounce"),
  UNDETERMINED_BOUNCE("undeterminedBounce"),
  COMPLAINT("complaint"),
  /** Sends, deliveries, delays, rejects, opens, clicks, rendering failures, subscriptions. */
  NONE("none");

  private final String jsonName;

  Category(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
