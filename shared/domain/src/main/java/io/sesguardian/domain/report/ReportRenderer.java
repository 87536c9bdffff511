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
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.rates.WindowRates;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The weekly report as JSON, Markdown and self-contained HTML (inline SVG chart, no network). */
public final class ReportRenderer {

  private final Thresholds thresholds;

  public ReportRenderer(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  // ------------------------------------------------------------------ JSON

  public String json(WeeklyReport r) {
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
      alerts
          .addObject()
          .put("at", a.at().toString())
          .put("kind", a.kind())
          .put("subject", a.subject())
          .put("resolved", a.subject().contains(" HEALTHY"));
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
   * report): window, eligibleSends, bounces, complaints, bounceRate, complaintRate, level,
   * lowVolume; rates as fractions.
   */
  public static ObjectNode window(ObjectNode node, WindowRates w) {
    return node.put("window", w.window().jsonName())
        .put("eligibleSends", w.eligibleSends())
        .put("bounces", w.bounces())
        .put("complaints", w.complaints())
        .put("bounceRate", w.bounceRate())
        .put("complaintRate", w.complaintRate())
        .put("level", w.level().jsonName())
        .put("lowVolume", w.lowVolume());
  }

  private static void latency(ObjectNode node, WeeklyReport.Latency l) {
    node.put("count", l.count())
        .put("p50", l.p50().toSeconds())
        .put("p95", l.p95().toSeconds())
        .put("max", l.max().toSeconds());
  }

  // ------------------------------------------------------------------ Markdown

  public String markdown(WeeklyReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# SES weekly status check — ").append(r.week()).append("\n\n");
    md.append("Period: ").append(r.from()).append(" to ").append(r.to()).append(" (UTC).\n\n");
    md.append("## Account\n\n");
    if (r.account() == null) {
      md.append("Snapshot not taken (local store; run with `--aws` for SES's `GetAccount`).\n\n");
    } else {
      md.append("| production access | sending | enforcement status | 24-hour quota used |\n")
          .append("|---|---|---|---|\n")
          .append(
              "| %s | %s | %s | %.0f of %.0f (%s) |\n\n"
                  .formatted(
                      r.account().productionAccess() ? "yes" : "no (sandbox)",
                      r.account().sendingEnabled() ? "enabled" : "DISABLED",
                      r.account().enforcementStatus(),
                      r.account().sentLast24Hours(),
                      r.account().max24HourSend(),
                      percent(r.account().quotaUse())));
    }
    md.append("## Bounce and complaint rates (as SES counts them)\n\n");
    md.append(
        "| scope | window | eligible sends | bounces | bounce rate | complaints | complaint rate | level |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
    for (ScopeRates s : r.rates()) {
      for (WindowRates w : s.windows()) {
        md.append(
            "| %s | %s | %d | %d | %s | %d | %s | %s%s |\n"
                .formatted(
                    s.scope().key(),
                    w.window().jsonName(),
                    w.eligibleSends(),
                    w.bounces(),
                    percent(w.bounceRate()),
                    w.complaints(),
                    percent(w.complaintRate()),
                    w.level().jsonName(),
                    w.lowVolume() ? " (low volume)" : ""));
      }
    }
    md.append("\nChange from the previous week (account): ");
    r.previous()
        .window(io.sesguardian.domain.rates.Window.D7)
        .ifPresent(
            p ->
                r.rates().stream()
                    .filter(s -> s.scope().key().equals("account"))
                    .findFirst()
                    .flatMap(s -> s.window(io.sesguardian.domain.rates.Window.D7))
                    .ifPresent(
                        w ->
                            md.append(
                                "7-day bounce rate %s → %s, complaint rate %s → %s.\n"
                                    .formatted(
                                        percent(p.bounceRate()),
                                        percent(w.bounceRate()),
                                        percent(p.complaintRate()),
                                        percent(w.complaintRate())))));
    md.append("\n## Suppression list\n\n");
    md.append(
        "Added this week: %s (of which %d for repeated soft bounces); removed: %d; on the list: %d.\n\n"
            .formatted(
                r.suppressions().added().isEmpty() ? "none" : r.suppressions().added().toString(),
                r.suppressions().escalations(),
                r.suppressions().removals(),
                r.suppressions().total()));
    WeeklyReport.Handling h = r.handling();
    md.append("## Handling\n\n");
    md.append("| measure | value |\n|---|---|\n");
    md.append("| notifications processed | %d |\n".formatted(h.notifications()));
    md.append("| duplicates dropped | %d |\n".formatted(h.duplicates()));
    md.append("| inputs rejected | %d |\n".formatted(h.rejected()));
    md.append(
        "| SES event → suppression recorded (p50 / p95 / max) | %s |\n"
            .formatted(latency(h.toRecorded())));
    md.append(
        "| SES event → SES account list updated (p50 / p95 / max) | %s |\n"
            .formatted(latency(h.toSes())));
    md.append("| outbox backlog at week end | %d |\n".formatted(h.outboxBacklog()));
    md.append(
        "| dead-letter queue depth | %s |\n\n"
            .formatted(h.deadLetterDepth() == null ? "not measured (local)" : h.deadLetterDepth()));
    md.append("## Alerts, pauses and canaries\n\n");
    if (r.alerts().isEmpty()) {
      md.append("No alerts this week.\n");
    }
    for (Alert a : r.alerts()) {
      md.append("- ").append(a.at()).append(" — ").append(a.subject()).append('\n');
    }
    if (r.actions().isEmpty()) {
      md.append("\nNo pauses or resumes.\n");
    }
    for (ActionRecord a : r.actions()) {
      md.append(
          "- %s — %s %s by %s: %s\n".formatted(a.at(), a.action(), a.target(), a.by(), a.reason()));
    }
    md.append("\nCanaries: ").append(r.canaries()).append('\n');
    return md.toString();
  }

  private static String latency(WeeklyReport.Latency l) {
    if (l.count() == 0) {
      return "none this week";
    }
    return "%s / %s / %s (%d)".formatted(human(l.p50()), human(l.p95()), human(l.max()), l.count());
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  // ------------------------------------------------------------------ HTML

  public String html(WeeklyReport r) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>SES weekly status check ")
        .append(escape(r.week()))
        .append("</title><style>body{font-family:sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}")
        .append("pre{white-space:pre-wrap}</style></head><body>\n");
    html.append("<h1>SES weekly status check — ").append(escape(r.week())).append("</h1>\n");
    html.append("<h2>Daily rates, last 30 days</h2>\n");
    html.append(chart("bounce", "Bounce rate", r.daily(), true));
    html.append(chart("complaint", "Complaint rate", r.daily(), false));
    html.append("<h2>Details</h2>\n<pre>").append(escape(markdown(r))).append("</pre>\n");
    html.append("</body></html>\n");
    return html.toString();
  }

  private String chart(String id, String title, List<WeeklyReport.DailyRate> days, boolean bounce) {
    int width = 720;
    int height = 240;
    int left = 60;
    int bottom = 30;
    double[] lines =
        bounce
            ? new double[] {
              thresholds.bounceWarning(),
              thresholds.bounceCritical(),
              thresholds.bounceReview(),
              thresholds.bouncePause()
            }
            : new double[] {
              thresholds.complaintWarning(), thresholds.complaintCritical(),
              thresholds.complaintReview(), thresholds.complaintPause()
            };
    double max = lines[3] * 1.2;
    for (WeeklyReport.DailyRate d : days) {
      max = Math.max(max, bounce ? d.bounceRate() : d.complaintRate());
    }
    double plotWidth = width - left - 10.0;
    double plotHeight = height - bottom - 10.0;
    StringBuilder svg = new StringBuilder();
    svg.append(
        "<svg id=\"%s-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">\n"
            .formatted(id, width, height, title));
    svg.append(
        "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n"
            .formatted(width, height));
    String[] names = {"warning", "critical", "review", "pause"};
    String[] colours = {"#d4a017", "#e67e22", "#c0392b", "#7b241c"};
    for (int i = 0; i < lines.length; i++) {
      double y = 10 + plotHeight * (1 - lines[i] / max);
      svg.append(
          "<line class=\"threshold\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>"
                  .formatted(left, width - 10, y, y, colours[i])
              + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%s %s</text>\n"
                  .formatted(width - 110, y - 2, colours[i], names[i], percent(lines[i])));
    }
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < days.size(); i++) {
      WeeklyReport.DailyRate d = days.get(i);
      double x = left + plotWidth * (days.size() == 1 ? 0 : i / (double) (days.size() - 1));
      double y = 10 + plotHeight * (1 - (bounce ? d.bounceRate() : d.complaintRate()) / max);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    svg.append(
        "<polyline class=\"rate\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"3\" points=\"%s\"/>\n"
            .formatted(points.toString().trim()));
    svg.append(
        "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#555\"/>\n"
            .formatted(left, width - 10, 10 + plotHeight, 10 + plotHeight));
    svg.append(
        "<text x=\"4\" y=\"14\" font-size=\"11\">%s (max %s)</text>\n"
            .formatted(title, percent(max)));
    if (!days.isEmpty()) {
      svg.append(
          "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>\n"
              .formatted(
                  left,
                  height - 8,
                  days.get(0).day(),
                  width - 80,
                  height - 8,
                  days.get(days.size() - 1).day()));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
