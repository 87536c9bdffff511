/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.BounceType;
import io.sesguardian.domain.feedback.FeedbackRecord;

/** What kind of recipient record an ingest call counted, in output order. */
public enum Bucket {
  SEND("send"),
  DELIVERY("delivery"),
  BOUNCE_PERMANENT("bounce.permanent"),
  BOUNCE_TRANSIENT("bounce.transient"),
  BOUNCE_UNDETERMINED("bounce.undetermined"),
  COMPLAINT("complaint"),
  REJECT("reject"),
  DELIVERY_DELAY("deliveryDelay"),
  OTHER("other");

  private final String jsonName;

  Bucket(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name reports and JSON output use ({@code bounce.permanent} …); never change one in use. */
  public String jsonName() {
    return jsonName;
  }

  @Override
  public String toString() {
    return jsonName;
  }

  /** The bucket a record counts in. */
  public static Bucket of(FeedbackRecord r) {
    return switch (r.kind()) {
      case SEND -> SEND;
      case DELIVERY -> DELIVERY;
      case BOUNCE -> {
        BounceType type = r.bounceType() == null ? BounceType.UNDETERMINED : r.bounceType();
        yield switch (type) {
          case PERMANENT -> BOUNCE_PERMANENT;
          case TRANSIENT -> BOUNCE_TRANSIENT;
          case UNDETERMINED -> BOUNCE_UNDETERMINED;
        };
      }
      case COMPLAINT -> COMPLAINT;
      case REJECT -> REJECT;
      case DELIVERY_DELAY -> DELIVERY_DELAY;
      case OPEN, CLICK, RENDERING_FAILURE, SUBSCRIPTION, UNKNOWN -> OTHER;
    };
  }
}
