/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recipient of one SES notification or event, in one shape whatever format and envelope it
 * arrived in. Immutable.
 *
 * <p>Components documented as nullable are {@code null} when SES did not send the value; nothing is
 * invented.
 *
 * @param source where the item came from, e.g. {@code events/x.json#Records[0]}; for messages
 * @param format which SES format it was read from
 * @param kind what happened
 * @param sesType the {@code notificationType} / {@code eventType} exactly as received
 * @param recipient the recipient address exactly as received (may carry a display name); {@code
 *     null} only for {@link FeedbackKind#UNKNOWN} events without any recipient
 * @param address the recipient's plain address, lower-cased; {@code null} with {@code recipient}
 * @param simulator whether the recipient is the SES mailbox simulator
 * @param bounceType bounce type, for bounces (nullable)
 * @param bounceSubType {@code bounceSubType} as received, for bounces (nullable)
 * @param complaintFeedbackType {@code complaintFeedbackType}, e.g. {@code abuse} (nullable)
 * @param complaintSubType {@code complaintSubType}, {@code null} or {@code
 *     OnAccountSuppressionList}
 * @param sesMessageId {@code mail.messageId} (nullable only in hand-made samples)
 * @param feedbackId {@code bounce.feedbackId} / {@code complaint.feedbackId} (nullable)
 * @param snsMessageId the SNS {@code MessageId} when delivered through SNS (nullable)
 * @param eventTime when the event happened: the event's own timestamp, else {@code mail.timestamp},
 *     else the SNS timestamp
 * @param mailTime {@code mail.timestamp}, when the message was sent (nullable)
 * @param sender the sender's plain address from {@code mail.source} (nullable)
 * @param senderDomain the sender's domain, lower-cased (nullable)
 * @param configurationSet the configuration set the message was sent with (nullable)
 * @param tags {@code mail.tags}, name to values, in SES's order
 * @param diagnosticCode the recipient's {@code diagnosticCode} (or a delivery's {@code
 *     smtpResponse}) (nullable)
 * @param status the recipient's DSN {@code status}, e.g. {@code 5.1.1} (nullable)
 * @param classification the record seen through SES's counting rules
 */
public record FeedbackRecord(
    String source,
    WireFormat format,
    FeedbackKind kind,
    String sesType,
    String recipient,
    String address,
    boolean simulator,
    BounceType bounceType,
    String bounceSubType,
    String complaintFeedbackType,
    String complaintSubType,
    String sesMessageId,
    String feedbackId,
    String snsMessageId,
    Instant eventTime,
    Instant mailTime,
    String sender,
    String senderDomain,
    String configurationSet,
    Map<String, List<String>> tags,
    String diagnosticCode,
    String status,
    Classification classification) {

  public FeedbackRecord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sesType, "sesType");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(classification, "classification");
    if ((recipient == null) != (address == null)) {
      throw new IllegalArgumentException("recipient and address must both be set or both be null");
    }
    if (recipient == null && kind != FeedbackKind.UNKNOWN) {
      throw new IllegalArgumentException("only UNKNOWN records may lack a recipient");
    }
    tags = tags == null ? Map.of() : tags;
  }

  /**
   * The key that identifies this record across SNS retries and across SES's two channels: the
   * feedback id and recipient for bounces and complaints, otherwise the SES message id, kind and
   * recipient. Empty when the sample carries neither id. At most {@link #MAX_KEY_BYTES} bytes of
   * UTF-8: a longer key is replaced by its SHA-256, so every store can hold it.
   */
  public Optional<String> idempotencyKey() {
    String who = address == null ? "" : address;
    if ((kind == FeedbackKind.BOUNCE || kind == FeedbackKind.COMPLAINT) && feedbackId != null) {
      return Optional.of(bounded(kind.jsonName() + "#" + feedbackId + "#" + who));
    }
    if (sesMessageId != null) {
      return Optional.of(bounded(kind.jsonName() + "#" + sesMessageId + "#" + who));
    }
    return Optional.empty();
  }

  /**
   * The longest idempotency key kept as it is. DynamoDB limits a partition key to 2,048 bytes and a
   * sort key to 1,024 (developer guide, "Service, account, and table quotas": partition and sort
   * keys); the stores prefix keys with a few bytes, so 1,000 leaves room. Real SES ids are far
   * shorter, so real keys never change; only hostile or corrupt input is hashed.
   */
  public static final int MAX_KEY_BYTES = 1000;

  /** {@code key}, or {@code kind#sha256:HEX} of it when its UTF-8 form is over the limit. */
  public static String bounded(String key) {
    byte[] utf8 = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (utf8.length <= MAX_KEY_BYTES) {
      return key;
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(utf8);
      return key.substring(0, key.indexOf('#') + 1)
          + "sha256:"
          + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * The SES tenant the message was sent through: the {@code ses:tenant-name} tag SES adds to the
   * mail of bounce and complaint notifications and of event-publishing records sent through a
   * tenant (Developer Guide, "Tenant-level suppression list"). Matched ignoring case, as SES's
   * other tags are.
   */
  public java.util.Optional<String> tenant() {
    for (Map.Entry<String, List<String>> tag : tags.entrySet()) {
      if (tag.getKey().equalsIgnoreCase(TENANT_TAG)
          && !tag.getValue().isEmpty()
          && !tag.getValue().get(0).isBlank()) {
        return java.util.Optional.of(tag.getValue().get(0));
      }
    }
    return java.util.Optional.empty();
  }

  /** SES's tag naming the tenant a message was sent through. */
  public static final String TENANT_TAG = "ses:tenant-name";
}
