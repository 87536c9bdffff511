/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.WindowRates;
import java.util.Optional;

/** The weekly report as one versioned JSON document (the shape the README documents). */
final class ReportJson {

  private ReportJson() {}

  static String render(WeeklyReport r) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", r.version());
    root.put("week", r.week());
    root.put("from", r.from().toString());
    root.put("to", r.to().toString());
    ObjectNode account = root.putObject("account");
    if (r.account() == null) {
      account.put("taken", false).put("note", "not taken: local store (run with --aws for SES)");
    } else {
      account
          .put("taken", true)
          .put("enforcementStatus", r.account().enforcementStatus())
          .put("sendingEnabled", r.account().sendingEnabled())
          .put("productionAccess", r.account().productionAccess())
          .put("max24HourSend", r.account().max24HourSend())
          .put("sentLast24Hours", r.account().sentLast24Hours());
      if (r.account().review() != null) {
        account
            .putObject("review")
            .put("status", r.account().review().status())
            .put("caseId", r.account().review().caseId());
      }
    }
    ArrayNode scopes = root.putArray("rates");
    for (ScopeRates s : r.rates()) {
      ObjectNode scope = scopes.addObject().put("scope", s.scope().key());
      scope.put("level", s.level().jsonName());
      ArrayNode windows = scope.putArray("windows");
      for (WindowRates w : s.windows()) {
        ObjectNode o = window(windows.addObject(), w);
        if (s.scope().key().equals("account")) {
          r.previous()
              .window(w.window())
              .ifPresent(
                  p ->
                      o.put("bounceRateChange", w.bounceRate() - p.bounceRate())
                          .put("complaintRateChange", w.complaintRate() - p.complaintRate()));
        }
      }
    }
    // SES's own figures beside the guardian's: "read": false for a local report.
    ObjectNode ses = root.putObject("ses").put("read", r.ses().read());
    ObjectNode sesScopes = ses.putObject("scopes");
    r.ses()
        .byScope()
        .forEach(
            (scope, f) -> {
              ObjectNode o = sesScopes.putObject(scope);
              if (f.bounceRate() == null) {
                o.putNull("bounceRate");
              } else {
                o.put("bounceRate", f.bounceRate());
              }
              if (f.complaintRate() == null) {
                o.putNull("complaintRate");
              } else {
                o.put("complaintRate", f.complaintRate());
              }
              o.put("at", f.at().toString());
            });
    ArrayNode daily = root.putArray("daily");
    for (WeeklyReport.DailyRate d : r.daily()) {
      daily
          .addObject()
          .put("day", d.day().toString())
          .put("eligibleSends", d.eligibleSends())
          .put("bounces", d.bounces())
          .put("complaints", d.complaints())
          .put("bounceRate", d.bounceRate())
          .put("complaintRate", d.complaintRate());
    }
    ObjectNode supp = root.putObject("suppressions");
    r.suppressions().added().forEach(supp.putObject("added")::put);
    supp.put("escalations", r.suppressions().escalations());
    supp.put("removals", r.suppressions().removals());
    supp.put("total", r.suppressions().total());
    WeeklyReport.Handling h = r.handling();
    ObjectNode handling = root.putObject("handling");
    handling.put("notifications", h.notifications());
    handling.put("duplicates", h.duplicates());
    handling.put("rejected", h.rejected());
    latency(handling.putObject("eventToRecordedSeconds"), h.toRecorded());
    latency(handling.putObject("eventToSesListSeconds"), h.toSes());
    handling.put("outboxBacklog", h.outboxBacklog());
    if (h.deadLetterDepth() == null) {
      handling.putNull("deadLetterDepth");
    } else {
      handling.put("deadLetterDepth", h.deadLetterDepth());
    }
    ArrayNode alerts = root.putArray("alerts");
    for (Alert a : r.alerts()) {
      Optional<AlertMove> move = AlertMove.of(a);
      ObjectNode alert =
          alerts
              .addObject()
              .put("at", a.at().toString())
              .put("kind", a.kind())
              .put("subject", a.subject())
              .put("resolved", move.map(AlertMove::resolved).orElse(false));
      // So readers need not parse the subject: which scope moved between which levels.
      move.ifPresent(
          m -> {
            alert.put("scope", m.scope()).put("fromLevel", m.from()).put("toLevel", m.to());
            if (!m.window().isEmpty()) {
              alert.put("window", m.window());
            }
          });
    }
    ArrayNode actions = root.putArray("actions");
    for (ActionRecord a : r.actions()) {
      actions
          .addObject()
          .put("at", a.at().toString())
          .put("action", a.action().name())
          .put("target", a.target())
          .put("by", a.by())
          .put("reason", a.reason());
    }
    root.put("canaries", r.canaries());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Jackson tree always serialises", e);
    }
  }

  /**
   * A window's rates in the guardian's JSON shape (shared by {@code guardian status --json} and the
   * report): window, eligibleSends (the bounce rate's denominator), complaintEligibleSends (the
   * complaint rate's), denominator ({@code send}, {@code delivery}, {@code mixed}, {@code none}),
   * bounces, complaints, bounceRate, complaintRate ({@code null} without a denominator), level (may
   * be {@code unknown}), lowVolume; rates as fractions.
   */
  static ObjectNode window(ObjectNode node, WindowRates w) {
    node.put("window", w.window().jsonName())
        .put("eligibleSends", w.eligibleSends())
        .put("complaintEligibleSends", w.complaintEligibleSends())
        .put("denominator", w.denominator().jsonName())
        .put("bounces", w.bounces())
        .put("complaints", w.complaints());
    // No denominator, no rate: null rather than a 0 that reads as "healthy".
    if (w.hasRates() && w.bounceLevel() != io.sesguardian.domain.rates.Level.UNKNOWN) {
      node.put("bounceRate", w.bounceRate());
    } else {
      node.putNull("bounceRate");
    }
    if (w.hasRates() && w.complaintLevel() != io.sesguardian.domain.rates.Level.UNKNOWN) {
      node.put("complaintRate", w.complaintRate());
    } else {
      node.putNull("complaintRate");
    }
    return node.put("level", w.level().jsonName()).put("lowVolume", w.lowVolume());
  }

  private static void latency(ObjectNode node, WeeklyReport.Latency l) {
    node.put("count", l.count())
        .put("p50", l.p50().toSeconds())
        .put("p95", l.p95().toSeconds())
        .put("max", l.max().toSeconds())
        // true: each value is the upper bound of its histogram bucket; 86401 = more than 24 h
        .put("atMost", l.atMost());
  }
}
