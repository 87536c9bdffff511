/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Locale;

/** SES's {@code bounceType}. */
public enum BounceType {
  PERMANENT("Permanent"),
  TRANSIENT("Transient"),
  UNDETERMINED("Undetermined");

  private final String wireName;

  BounceType(String wireName) {
    this.wireName = wireName;
  }

  /** The value exactly as SES writes it, e.g. {@code Permanent}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Reads SES's value case-insensitively. A value SES does not document is treated as {@link
   * #UNDETERMINED}: the guardian neither suppresses nor counts what it cannot classify.
   */
  public static BounceType fromWire(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "permanent" -> PERMANENT;
      case "transient" -> TRANSIENT;
      default -> UNDETERMINED;
    };
  }
}
