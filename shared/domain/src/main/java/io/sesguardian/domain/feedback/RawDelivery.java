/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Objects;

/**
 * One delivery as an envelope adapter hands it over: the SES message text an SNS notification, an
 * SQS message or a file carried, named by the delivery's own id (an SQS message id, an SNS message
 * id, a file and position). The domain parses SES messages only; envelopes (Lambda SNS and SQS
 * events, SNS HTTP bodies) are opened by adapters, which can also decide a delivery without its
 * message: an SNS subscription notice is {@linkplain #ignored ignored}, an envelope without a
 * message {@linkplain #rejected rejected}.
 *
 * @param id names the delivery in outcomes, records and rejections; unique within one call
 * @param message the SES message text, or {@code null} when the adapter decided already
 * @param snsMessageId the SNS envelope's {@code MessageId} when there was one (nullable)
 * @param snsTimestamp the SNS envelope's {@code Timestamp}, a fallback event time (nullable)
 * @param ignored the adapter's reason to skip it (nullable)
 * @param rejection the adapter's reason to refuse it (nullable)
 */
public record RawDelivery(
    String id,
    String message,
    String snsMessageId,
    String snsTimestamp,
    Ignored ignored,
    Rejection rejection) {

  public RawDelivery {
    Objects.requireNonNull(id, "id");
    int decided =
        (message != null ? 1 : 0) + (ignored != null ? 1 : 0) + (rejection != null ? 1 : 0);
    if (decided != 1) {
      throw new IllegalArgumentException(
          "a delivery has exactly one of a message, an ignore reason or a rejection: " + id);
    }
  }

  /** A bare SES message (raw SQS delivery, a line of a file). */
  public static RawDelivery of(String id, String message) {
    return new RawDelivery(id, message, null, null, null, null);
  }

  /** An SES message an SNS notification carried. */
  public static RawDelivery viaSns(
      String id, String message, String snsMessageId, String snsTimestamp) {
    return new RawDelivery(id, message, snsMessageId, snsTimestamp, null, null);
  }

  /** A delivery that carries no feedback (e.g. an SNS subscription confirmation). */
  public static RawDelivery ignored(String id, String what) {
    return new RawDelivery(id, null, null, null, new Ignored(id, what), null);
  }

  /** A delivery whose envelope is unusable. */
  public static RawDelivery rejected(String id, Rejection.Code code, String reason) {
    return new RawDelivery(id, null, null, null, null, new Rejection(id, code, reason));
  }
}
