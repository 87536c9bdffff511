/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Locale;

/** What an SES notification or event reports about one recipient. */
public enum FeedbackKind {
  SEND("send"),
  DELIVERY("delivery"),
  BOUNCE("bounce"),
  COMPLAINT("complaint"),
  REJECT("reject"),
  DELIVERY_DELAY("deliveryDelay"),
  OPEN("open"),
  CLICK("click"),
  RENDERING_FAILURE("renderingFailure"),
  SUBSCRIPTION("subscription"),
  /** A type SES added after this code was written: kept and counted, never an error. */
  UNKNOWN("unknown");

  private final String jsonName;

  FeedbackKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in the guardian's JSON output, e.g. {@code deliveryDelay}. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Maps SES's {@code notificationType} / {@code eventType} value to a kind. Case, spaces, hyphens
   * and underscores are ignored, so {@code "Rendering Failure"} and {@code "DeliveryDelay"} both
   * match; anything else is {@link #UNKNOWN}.
   */
  public static FeedbackKind fromWire(String type) {
    StringBuilder key = new StringBuilder(type.length());
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (c != ' ' && c != '_' && c != '-') {
        key.append(c);
      }
    }
    return switch (key.toString().toLowerCase(Locale.ROOT)) {
      case "send" -> SEND;
      case "delivery" -> DELIVERY;
      case "bounce" -> BOUNCE;
      case "complaint" -> COMPLAINT;
      case "reject" -> REJECT;
      case "deliverydelay" -> DELIVERY_DELAY;
      case "open" -> OPEN;
      case "click" -> CLICK;
      case "renderingfailure" -> RENDERING_FAILURE;
      case "subscription" -> SUBSCRIPTION;
      default -> UNKNOWN;
    };
  }
}
