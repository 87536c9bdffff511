/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Hand-built SES feedback JSON for cases the sample files do not cover. */
final class SesJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Which of SES's two formats to write. */
  enum Format {
    /** Identity notifications. */
    NOTIFICATION("notificationType"),
    /** Configuration-set event publishing. */
    EVENT("eventType");

    final String typeField;

    Format(String typeField) {
      this.typeField = typeField;
    }
  }

  private SesJson() {}

  /** A bounce of {@code recipients}, as SES sends it. */
  static String bounce(
      Format format,
      String feedbackId,
      String bounceType,
      String bounceSubType,
      Instant time,
      String... recipients) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put(format.typeField, "Bounce");
    ObjectNode bounce = root.putObject("bounce");
    bounce.put("feedbackId", feedbackId);
    bounce.put("bounceType", bounceType);
    bounce.put("bounceSubType", bounceSubType);
    ArrayNode list = bounce.putArray("bouncedRecipients");
    for (String r : recipients) {
      ObjectNode entry = list.addObject();
      entry.put("emailAddress", r);
      entry.put("action", "failed");
      entry.put("status", bounceType.equals("Permanent") ? "5.1.1" : "4.4.7");
      entry.put("diagnosticCode", "smtp; " + bounceType + " " + bounceSubType + " for " + r);
    }
    bounce.put("timestamp", time.toString());
    bounce.put("reportingMTA", "dns; amazonses.com");
    mail(root, format, "msg-" + feedbackId, time, recipients);
    return write(root);
  }

  /**
   * A bounce of {@code recipients} that all carry the given DSN fields; a {@code null} field is
   * left out, as SES does when the receiving server sent no DSN (auto-replies).
   */
  static String bounceWithDsn(
      Format format,
      String feedbackId,
      String bounceType,
      String bounceSubType,
      Instant time,
      String status,
      String action,
      String diagnosticCode,
      String... recipients) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put(format.typeField, "Bounce");
    ObjectNode bounce = root.putObject("bounce");
    bounce.put("feedbackId", feedbackId);
    bounce.put("bounceType", bounceType);
    bounce.put("bounceSubType", bounceSubType);
    ArrayNode list = bounce.putArray("bouncedRecipients");
    for (String r : recipients) {
      ObjectNode entry = list.addObject();
      entry.put("emailAddress", r);
      if (action != null) {
        entry.put("action", action);
      }
      if (status != null) {
        entry.put("status", status);
      }
      if (diagnosticCode != null) {
        entry.put("diagnosticCode", diagnosticCode);
      }
    }
    bounce.put("timestamp", time.toString());
    mail(root, format, "msg-" + feedbackId, time, recipients);
    return write(root);
  }

  /** A complaint by {@code recipient} with the given {@code complaintFeedbackType}. */
  static String complaint(
      Format format, String feedbackId, Instant time, String recipient, String feedbackType) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put(format.typeField, "Complaint");
    ObjectNode complaint = root.putObject("complaint");
    complaint.put("feedbackId", feedbackId);
    complaint.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
    complaint.put("timestamp", time.toString());
    complaint.put("complaintFeedbackType", feedbackType);
    mail(root, format, "msg-" + feedbackId, time, recipient);
    return write(root);
  }

  /** A complaint by {@code recipient}. */
  static String complaint(Format format, String feedbackId, Instant time, String recipient) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put(format.typeField, "Complaint");
    ObjectNode complaint = root.putObject("complaint");
    complaint.put("feedbackId", feedbackId);
    complaint.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
    complaint.put("timestamp", time.toString());
    complaint.put("complaintFeedbackType", "abuse");
    mail(root, format, "msg-" + feedbackId, time, recipient);
    return write(root);
  }

  private static void mail(
      ObjectNode root, Format format, String messageId, Instant time, String... recipients) {
    ObjectNode mail = root.putObject("mail");
    mail.put("timestamp", time.minusSeconds(1).toString());
    mail.put("source", "orders@example.com");
    mail.put("sendingAccountId", "123456789012");
    mail.put("messageId", messageId);
    ArrayNode destination = mail.putArray("destination");
    for (String r : recipients) {
      destination.add(r);
    }
    if (format == Format.EVENT) {
      ObjectNode tags = mail.putObject("tags");
      tags.putArray("ses:configuration-set").add("transactional");
      tags.putArray("ses:from-domain").add("example.com");
    }
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
