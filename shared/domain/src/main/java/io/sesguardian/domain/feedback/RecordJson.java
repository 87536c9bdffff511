/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The guardian's JSON form of a record, shared by the CLI and the functions' logs. Logs use {@link
 * AddressForm#PRIVATE}: the recipient is masked and hashed, and neither the sender, the tags nor
 * the diagnostic text (which often quotes the address) are written.
 */
public final class RecordJson {

  private RecordJson() {}

  /** How recipient addresses are written. */
  public enum AddressForm {
    /** The normalised address, for the operator's own terminal and suppression records. */
    FULL,
    /** Masked and hashed, for logs and metrics. */
    PRIVATE
  }

  public static ObjectNode toJson(FeedbackRecord r, AddressForm form) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("source", r.source());
    o.put("kind", r.kind().jsonName());
    o.put("format", r.format().jsonName());
    o.put("sesType", r.sesType());
    if (r.address() == null) {
      o.putNull("address");
    } else if (form == AddressForm.FULL) {
      o.put("address", r.address());
    } else {
      o.put("addressMasked", Addresses.mask(r.address()));
      o.put("addressHash", Addresses.hash(r.address()));
    }
    o.put("simulator", r.simulator());
    o.put("bounceType", r.bounceType() == null ? null : r.bounceType().wireName());
    o.put("bounceSubType", r.bounceSubType());
    o.put("complaintFeedbackType", r.complaintFeedbackType());
    o.put("complaintSubType", r.complaintSubType());
    o.put("sesMessageId", r.sesMessageId());
    o.put("feedbackId", r.feedbackId());
    o.put("snsMessageId", r.snsMessageId());
    o.put("eventTime", instant(r.eventTime()));
    o.put("mailTime", instant(r.mailTime()));
    o.put("senderDomain", r.senderDomain());
    o.put("configurationSet", r.configurationSet());
    if (form == AddressForm.FULL) {
      o.put("sender", r.sender());
      ObjectNode tags = o.putObject("tags");
      for (Map.Entry<String, List<String>> tag : r.tags().entrySet()) {
        tag.getValue().forEach(tags.withArray(tag.getKey())::add);
      }
      o.put("diagnosticCode", r.diagnosticCode());
    }
    o.put("status", r.status());
    Classification c = r.classification();
    o.put("category", c.category().jsonName());
    o.put("class", c.feedbackClass().jsonName());
    o.put("countsTowardBounceRate", c.countsTowardBounceRate());
    o.put("countsTowardComplaintRate", c.countsTowardComplaintRate());
    o.put("suppression", c.suppressionReason() == null ? null : c.suppressionReason().name());
    o.put("alreadyOnAccountList", c.alreadyOnAccountList());
    o.put("escalatable", c.escalatable());
    return o;
  }

  private static String instant(Instant t) {
    return t == null ? null : t.toString();
  }
}
