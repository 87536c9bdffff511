/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.Effect;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Effects of real normalised SES notifications, for the contract suites. */
final class Effects {

  private Effects() {}

  /** A permanent (hard) bounce of {@code address}: a suppression and counters. */
  static Effect hardBounce(String feedbackId, String address, Instant at) {
    return bounce(feedbackId, "Permanent", "General", address, at).get(0);
  }

  /** An address-related soft bounce: a soft-bounce history entry. */
  static Effect softBounce(String feedbackId, String address, Instant at) {
    return bounce(feedbackId, "Transient", "MailboxFull", address, at).get(0);
  }

  /** A hard bounce of mail sent with the configuration set {@code set} (event publishing). */
  static Effect hardBounceVia(String feedbackId, String address, Instant at, String set) {
    String json =
        String.format(
            Locale.ROOT,
            """
        {"eventType":"Bounce", \
         "bounce":{"feedbackId":"%1$s","bounceType":"Permanent","bounceSubType":"General", \
           "bouncedRecipients":[{"emailAddress":"%2$s","action":"failed","status":"5.1.1", \
             "diagnosticCode":"smtp; 550 5.1.1 user unknown"}], \
           "timestamp":"%3$s","reportingMTA":"dns; amazonses.com"}, \
         "mail":{"timestamp":"%4$s","source":"orders@example.com", \
           "sendingAccountId":"123456789012","messageId":"msg-%1$s","destination":["%2$s"], \
           "tags":{"ses:configuration-set":["%5$s"]}}}\
        """,
            feedbackId,
            address,
            at,
            at.minusSeconds(1),
            set);
    return Effect.of(new FeedbackNormalizer().normalize(feedbackId, json).records().get(0));
  }

  private static List<Effect> bounce(
      String feedbackId, String type, String subType, String address, Instant at) {
    String json =
        String.format(
            Locale.ROOT,
            """
        {"notificationType":"Bounce", \
         "bounce":{"feedbackId":"%1$s","bounceType":"%2$s","bounceSubType":"%3$s", \
           "bouncedRecipients":[{"emailAddress":"%4$s","action":"failed","status":"%5$s", \
             "diagnosticCode":"smtp; %2$s %3$s"}], \
           "timestamp":"%6$s","reportingMTA":"dns; amazonses.com"}, \
         "mail":{"timestamp":"%7$s","source":"orders@example.com", \
           "sendingAccountId":"123456789012","messageId":"msg-%1$s","destination":["%4$s"]}}\
        """,
            feedbackId,
            type,
            subType,
            address,
            type.equals("Permanent") ? "5.1.1" : "4.2.2",
            at,
            at.minusSeconds(1));
    return new FeedbackNormalizer()
        .normalize(feedbackId, json).records().stream().map(Effect::of).toList();
  }
}
