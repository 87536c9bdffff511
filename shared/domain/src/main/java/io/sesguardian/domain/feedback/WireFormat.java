/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

/** Which of SES's two feedback formats a record was read from. */
public enum WireFormat {
  /** Identity feedback notifications: top-level {@code notificationType}. */
  NOTIFICATION_TYPE("notificationType"),
  /** Configuration-set event publishing: top-level {@code eventType}. */
  EVENT_TYPE("eventType");

  private final String jsonName;

  WireFormat(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
