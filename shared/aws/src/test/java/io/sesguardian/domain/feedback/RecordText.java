/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.ArrayList;
import java.util.List;

/** A one-line rendering of what a document normalised to, for readable golden expectations. */
final class RecordText {

  private RecordText() {}

  static List<String> render(Normalized result) {
    List<String> lines = new ArrayList<>();
    for (FeedbackRecord r : result.records()) {
      lines.add(render(r));
    }
    for (Ignored i : result.ignored()) {
      lines.add("ignored: " + i.what());
    }
    for (Rejection j : result.rejections()) {
      lines.add("rejected " + j.code() + ": " + j.reason());
    }
    return lines;
  }

  static String render(FeedbackRecord r) {
    StringBuilder s = new StringBuilder();
    s.append(r.kind().jsonName()).append(' ').append(r.address());
    if (r.bounceType() != null) {
      s.append(' ').append(r.bounceType().wireName()).append('/').append(r.bounceSubType());
    }
    if (r.complaintFeedbackType() != null) {
      s.append(" feedback=").append(r.complaintFeedbackType());
    }
    if (r.complaintSubType() != null) {
      s.append(" subType=").append(r.complaintSubType());
    }
    Classification c = r.classification();
    s.append(' ').append(c.category().jsonName());
    s.append(" class=").append(c.feedbackClass().jsonName());
    if (c.countsTowardBounceRate()) {
      s.append(" countsBounce");
    }
    if (c.countsTowardComplaintRate()) {
      s.append(" countsComplaint");
    }
    c.suppression().ifPresent(reason -> s.append(" suppress=").append(reason));
    if (c.alreadyOnAccountList()) {
      s.append(" onAccountList");
    }
    if (c.escalatable()) {
      s.append(" escalatable");
    }
    if (r.simulator()) {
      s.append(" simulator");
    }
    if (r.configurationSet() != null) {
      s.append(" configSet=").append(r.configurationSet());
    }
    s.append(" at=").append(r.eventTime());
    return s.toString();
  }
}
