/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds SES feedback JSON in bulk for counting scenarios: event-publishing records through a
 * configuration set ({@code eventType}, with {@code ses:configuration-set}) or identity
 * notifications without one ({@code notificationType}). Every message gets its own id.
 */
public final class SesEvents {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();
  private final List<String> documents = new ArrayList<>();
  private String tenant;

  /**
   * Messages added from now on are sent through SES tenant {@code name} (null: none): their mail
   * carries the {@code ses:tenant-name} tag.
   */
  public SesEvents tenant(String name) {
    this.tenant = name;
    return this;
  }

  /** The documents built so far, one SES JSON message each. */
  public List<String> documents() {
    return List.copyOf(documents);
  }

  /** The documents as JSON Lines (one per line), as {@code guardian replay} reads them. */
  public String jsonLines() {
    return String.join("\n", documents) + "\n";
  }

  /**
   * {@code n} messages through configuration set {@code set} (null: identity notifications) to
   * {@code user-K@domain}, each with a Send event (when {@code set} is not null) and a Delivery.
   */
  public SesEvents delivered(String set, String domain, int n, Instant at) {
    for (int i = 0; i < n; i++) {
      String id = nextId();
      String to = "user-" + id + "@" + domain;
      if (set != null) {
        documents.add(event(set, "Send", id, at, to, null));
      }
      documents.add(event(set, "Delivery", id, at, to, null));
    }
    return this;
  }

  /** {@code n} messages with a Send event only (no Delivery destination). */
  public SesEvents sent(String set, String domain, int n, Instant at) {
    for (int i = 0; i < n; i++) {
      String id = nextId();
      documents.add(event(set, "Send", id, at, "user-" + id + "@" + domain, null));
    }
    return this;
  }

  /**
   * {@code n} messages that hard-bounced ({@code Permanent/General}), each with a Send event when
   * {@code set} is not null.
   */
  public SesEvents hardBounced(String set, String domain, int n, Instant at) {
    return bounced(set, domain, n, at, "Permanent", "General", true);
  }

  /** {@code n} soft bounces ({@code Transient/MailboxFull}). */
  public SesEvents softBounced(String set, String domain, int n, Instant at) {
    return bounced(set, domain, n, at, "Transient", "MailboxFull", true);
  }

  /** A bounce without its Send event: for traffic that publishes bounces only. */
  public SesEvents bounceOnly(String set, String domain, String type, String subType, Instant at) {
    return bounced(set, domain, 1, at, type, subType, false);
  }

  /**
   * {@code n} sends SES never attempted because the address is on the account-level suppression
   * list: a Send event and a {@code Permanent/OnAccountSuppressionList} bounce.
   */
  public SesEvents onAccountList(String set, String domain, int n, Instant at) {
    return bounced(set, domain, n, at, "Permanent", "OnAccountSuppressionList", true);
  }

  /**
   * {@code n} sends SES never attempted because the address is on the tenant's suppression list: a
   * Send event and a {@code Permanent/OnTenantSuppressionList} bounce.
   */
  public SesEvents onTenantList(String set, String domain, int n, Instant at) {
    return bounced(set, domain, n, at, "Permanent", "OnTenantSuppressionList", true);
  }

  /** {@code n} rejected messages (a virus): a Send event and a Reject event. */
  public SesEvents rejected(String set, String domain, int n, Instant at) {
    for (int i = 0; i < n; i++) {
      String id = nextId();
      String to = "user-" + id + "@" + domain;
      documents.add(event(set, "Send", id, at, to, null));
      ObjectNode root = root(set, "Reject", id, at, to);
      root.putObject("reject").put("reason", "Bad content");
      documents.add(write(root));
    }
    return this;
  }

  /**
   * One message to every recipient (all on {@code domain}), delivered, then one complaint report
   * naming them all ({@code complaintSubType} as given, null for an ordinary complaint).
   */
  public SesEvents complaintReport(
      String set, String domain, int recipients, String subType, Instant at) {
    String id = nextId();
    List<String> to = new ArrayList<>();
    for (int i = 0; i < recipients; i++) {
      to.add("user-" + id + "-" + i + "@" + domain);
    }
    for (String r : to) {
      if (set != null) {
        documents.add(event(set, "Send", id, at, r, null));
      }
      if (subType == null) {
        documents.add(event(set, "Delivery", id, at, r, null));
      }
    }
    ObjectNode root = root(set, "Complaint", id, at, to.toArray(String[]::new));
    ObjectNode complaint = root.putObject("complaint");
    complaint.put("feedbackId", "fb-" + id);
    ArrayNode list = complaint.putArray("complainedRecipients");
    to.forEach(r -> list.addObject().put("emailAddress", r));
    complaint.put("timestamp", at.toString());
    complaint.put("complaintFeedbackType", "abuse");
    if (subType != null) {
      complaint.put("complaintSubType", subType);
    }
    documents.add(write(root));
    return this;
  }

  private SesEvents bounced(
      String set, String domain, int n, Instant at, String type, String subType, boolean send) {
    for (int i = 0; i < n; i++) {
      String id = nextId();
      String to = "user-" + id + "@" + domain;
      if (send && set != null) {
        documents.add(event(set, "Send", id, at, to, null));
      }
      ObjectNode root = root(set, "Bounce", id, at, to);
      ObjectNode bounce = root.putObject("bounce");
      bounce.put("feedbackId", "fb-" + id);
      bounce.put("bounceType", type);
      bounce.put("bounceSubType", subType);
      ObjectNode r = bounce.putArray("bouncedRecipients").addObject();
      r.put("emailAddress", to);
      if (!subType.startsWith("On")) { // OnAccount/OnTenantSuppressionList: SES sent nothing
        r.put("action", "failed");
        r.put("status", type.equals("Permanent") ? "5.1.1" : "4.2.2");
        r.put(
            "diagnosticCode",
            type.equals("Permanent") ? "smtp; 550 5.1.1 user unknown" : "smtp; 452 4.2.2 full");
      }
      bounce.put("timestamp", at.toString());
      documents.add(write(root));
    }
    return this;
  }

  private String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  private String event(String set, String type, String id, Instant at, String to, String x) {
    ObjectNode root = root(set, type, id, at, to);
    switch (type) {
      case "Send" -> root.putObject("send");
      case "Delivery" -> {
        ObjectNode d = root.putObject("delivery");
        d.put("timestamp", at.toString());
        d.putArray("recipients").add(to);
        d.put("smtpResponse", "250 ok");
      }
      default -> throw new IllegalArgumentException(type);
    }
    return write(root);
  }

  private ObjectNode root(String set, String type, String id, Instant at, String... to) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put(set == null ? "notificationType" : "eventType", type);
    ObjectNode mail = root.putObject("mail");
    mail.put("timestamp", at.toString());
    mail.put("source", "news@example.com");
    mail.put("sendingAccountId", "123456789012");
    mail.put("messageId", "msg-" + id);
    ArrayNode destination = mail.putArray("destination");
    for (String r : to) {
      destination.add(r);
    }
    if (set != null || tenant != null) {
      ObjectNode tags = mail.putObject("tags");
      if (set != null) {
        tags.putArray("ses:configuration-set").add(set);
        tags.putArray("ses:from-domain").add("example.com");
      }
      if (tenant != null) {
        tags.putArray("ses:tenant-name").add(tenant);
      }
    }
    return root;
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
