/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import static io.sesguardian.domain.report.ReportText.percent;
import static io.sesguardian.domain.report.ReportText.points;
import static io.sesguardian.domain.report.ReportText.time;

import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.rates.WindowRates;
import java.util.Optional;

/**
 * The weekly report as one self-contained HTML page — the one a team attaches to a support case:
 * headings, tables, a chart per scope, and a print stylesheet for A4. Nothing is loaded from
 * elsewhere and nothing needs a script; every text from the report is escaped.
 */
final class ReportHtml {

  private static final String STYLE =
      """
      :root{color-scheme:light}
      body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:2em auto;max-width:60em;
        padding:0 1em;color:#222;line-height:1.4}
      h1{font-size:1.6em;margin-bottom:.2em}
      h2{font-size:1.25em;margin-top:1.6em;border-bottom:2px solid #dde3ec;padding-bottom:.2em}
      h3{font-size:1.05em;margin:1.2em 0 .4em}
      p.period{color:#555;margin-top:0}
      p.summary{font-size:1.05em;background:#f4f6f9;padding:.5em .8em;border-radius:4px}
      table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
      caption{text-align:left;font-weight:bold;padding:.2em 0}
      th,td{border:1px solid #c9d1dc;padding:.25em .6em;vertical-align:top;text-align:left}
      thead th{background:#eef2f7}
      tbody th{background:#f7f9fb;font-weight:normal}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      td.time,td.move,td.level-cell{white-space:nowrap}
      .level{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.9em;white-space:nowrap}
      .level-healthy{background:#e3f4e8;color:#1d6b34}
      .level-warning{background:#fdf3d4;color:#7a5a00}
      .level-critical{background:#fde3cf;color:#8a3d00}
      .level-review{background:#f8d4d0;color:#8e1f14}
      .level-pause{background:#7b241c;color:#fff}
      .note{background:#f4f6f9;border-left:4px solid #9aa8bb;padding:.5em .8em}
      .muted{color:#666}
      figure.chart{margin:.6em 0 1.4em}
      .chart-block{break-inside:avoid;page-break-inside:avoid}
      figure.chart svg{display:block;width:100%;max-width:760px;height:auto}
      figcaption{font-size:.9em;color:#444}
      footer{margin-top:2em;font-size:.85em;color:#666}
      @page{size:A4;margin:14mm 12mm 16mm}
      @media print{
        body{margin:0;max-width:none;padding:0;font-size:9.5pt}
        h2{break-after:avoid;page-break-after:avoid}
        h3{break-after:avoid;page-break-after:avoid}
        table{width:100%;font-size:8.5pt}
        thead{display:table-header-group}
        tr,.chart-block{break-inside:avoid;page-break-inside:avoid}
        #charts{break-before:page;page-break-before:always}
        p{orphans:3;widows:3}
        figure.chart svg{max-width:100%;max-height:120mm}
        .level{border:1px solid #999}
      }
      """;

  private ReportHtml() {}

  static String render(WeeklyReport r, Thresholds t) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>SES weekly status check ")
        .append(escape(r.week()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    h.append("<header>\n<h1>SES weekly status check — ")
        .append(escape(r.week()))
        .append("</h1>\n<p class=\"period\">")
        .append(escape(time(r.from())))
        .append(" to ")
        .append(escape(time(r.to())))
        .append(" UTC (Monday to Monday). Rates are counted as SES counts them: hard bounces and")
        .append(" complaints over eligible sends.</p>\n</header>\n<main>\n");
    summary(h, r);
    account(h, r.account());
    rates(h, r, t);
    alerts(h, r);
    actions(h, r);
    charts(h, r, t);
    suppressions(h, r.suppressions());
    handling(h, r.handling());
    h.append("<section id=\"canaries\">\n<h2>Canaries</h2>\n<p>")
        .append(escape(r.canaries()))
        .append("</p>\n</section>\n</main>\n");
    h.append("<footer>Weekly report format version ")
        .append(r.version())
        .append(". Built by SES Reputation Guardian.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, WeeklyReport r) {
    h.append("<p class=\"summary\">Account level at the week's end: ")
        .append(
            r.rates().stream()
                .filter(s -> s.scope().key().equals("account"))
                .findFirst()
                .map(s -> level(s.level()))
                .orElse("not measured"))
        .append(". ")
        .append(escape(ReportText.count(r.alerts().size(), "alert", "alerts")))
        .append(", ")
        .append(
            escape(
                ReportText.count(
                    r.actions().stream()
                        .filter(a -> a.action() == ActionRecord.Action.PAUSE)
                        .count(),
                    "pause",
                    "pauses")))
        .append(" and ")
        .append(
            escape(
                ReportText.count(
                    r.actions().stream()
                        .filter(a -> a.action() == ActionRecord.Action.RESUME)
                        .count(),
                    "resume",
                    "resumes")))
        .append(" this week; ")
        .append(escape(ReportText.added(r.suppressions().added())))
        .append(" added to the suppression list.</p>\n");
  }

  private static void account(StringBuilder h, AccountStatus a) {
    h.append("<section id=\"account\">\n<h2>Account snapshot</h2>\n");
    if (a == null) {
      h.append("<p class=\"note\">").append(escape(ReportText.SNAPSHOT_NOT_TAKEN)).append("</p>\n");
    } else {
      h.append("<table>\n<tbody>\n");
      headerRow(h, "Production access", ReportText.productionAccess(a.productionAccess()));
      headerRow(h, "Production-access review", ReportText.review(a));
      headerRow(h, "Sending", ReportText.accountSending(a.sendingEnabled()));
      headerRow(h, "Enforcement status", a.enforcementStatus());
      headerRow(h, "24-hour quota used", ReportText.quota(a));
      h.append("</tbody>\n</table>\n");
    }
    h.append("</section>\n");
  }

  private static void rates(StringBuilder h, WeeklyReport r, Thresholds t) {
    h.append("<section id=\"rates\">\n<h2>Bounce and complaint rates</h2>\n");
    ReportText.weekOnWeek(r)
        .ifPresent(
            s ->
                h.append("<p>Change from the previous week (account): ")
                    .append(escape(s))
                    .append("</p>\n"));
    for (ScopeRates s : r.rates()) {
      h.append("<h3>")
          .append(escape(s.scope().key()))
          .append(" ")
          .append(level(s.level()))
          .append("</h3>\n<table class=\"rates\">\n<thead><tr><th>Window</th>")
          .append("<th>Eligible sends</th><th>Bounces</th><th>Bounce rate</th>")
          .append("<th>FBL sends</th><th>Complaints</th><th>Complaint rate</th><th>Level</th>");
      boolean account = s.scope().key().equals("account");
      if (account) {
        h.append("<th>Bounce rate change</th><th>Complaint rate change</th>");
      }
      h.append("</tr></thead>\n<tbody>\n");
      for (WindowRates w : s.windows()) {
        h.append("<tr><th scope=\"row\">")
            .append(escape(w.window().jsonName()))
            .append("</th>")
            .append(num(String.valueOf(w.eligibleSends())))
            .append(num(String.valueOf(w.bounces())))
            .append(num(ReportText.bounceRate(w)))
            .append(num(String.valueOf(w.complaintEligibleSends())))
            .append(num(String.valueOf(w.complaints())))
            .append(num(ReportText.complaintRate(w)))
            .append("<td class=\"level-cell\">")
            .append(level(w.level()))
            .append(w.lowVolume() ? " <span class=\"muted\">low volume</span>" : "")
            .append("</td>");
        if (account) {
          Optional<WindowRates> p = ReportText.previous(r, s, w);
          h.append(num(p.map(x -> points(w.bounceRate() - x.bounceRate())).orElse("—")))
              .append(num(p.map(x -> points(w.complaintRate() - x.complaintRate())).orElse("—")));
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    h.append("<p class=\"muted\">").append(escape(ReportText.COUNTED)).append("</p>\n");
    h.append("<p class=\"ses-figures\">").append(escape(ReportText.sesFigures(r))).append("</p>\n");
    h.append("<h3>Thresholds</h3>\n<table class=\"thresholds\">\n<thead><tr><th>Metric</th>")
        .append("<th>Warning</th><th>Critical</th><th>SES review</th><th>SES may pause</th>")
        .append("</tr></thead>\n<tbody>\n<tr><th scope=\"row\">Bounce rate</th>")
        .append(num(percent(t.bounceWarning())))
        .append(num(percent(t.bounceCritical())))
        .append(num(percent(t.bounceReview())))
        .append(num(percent(t.bouncePause())))
        .append("</tr>\n<tr><th scope=\"row\">Complaint rate</th>")
        .append(num(percent(t.complaintWarning())))
        .append(num(percent(t.complaintCritical())))
        .append(num(percent(t.complaintReview())))
        .append(num(percent(t.complaintPause())))
        .append("</tr>\n</tbody>\n</table>\n</section>\n");
  }

  private static void charts(StringBuilder h, WeeklyReport r, Thresholds t) {
    h.append("<section id=\"charts\" class=\"charts\">\n<h2>Daily rates, last 30 days</h2>\n")
        .append("<p>Each day's counted bounces and complaints over its eligible sends, against the")
        .append(
            " thresholds (dashed). The shaded band is the report's week; a gap is a day without")
        .append(" eligible sends.</p>\n");
    for (ScopeRates s : r.rates()) {
      String scope = s.scope().key();
      h.append("<div class=\"chart-block\">\n<h3>")
          .append(escape(scope))
          .append("</h3>\n<figure class=\"chart\">\n")
          .append(RateChart.svg(scope, r.daily(scope), r.from(), t))
          .append("<figcaption>")
          .append(escape(scope))
          .append(": daily bounce rate (top) and complaint rate (bottom).</figcaption>\n")
          .append("</figure>\n</div>\n");
    }
    h.append("</section>\n");
  }

  private static void suppressions(StringBuilder h, WeeklyReport.SuppressionChanges s) {
    h.append("<section id=\"suppressions\">\n<h2>Suppression list</h2>\n<table>\n<tbody>\n");
    headerRow(h, "Added for bounces", String.valueOf(s.added().getOrDefault("BOUNCE", 0L)));
    headerRow(h, "of which escalated from soft bounces", String.valueOf(s.escalations()));
    headerRow(h, "Added for complaints", String.valueOf(s.added().getOrDefault("COMPLAINT", 0L)));
    s.added().entrySet().stream()
        .filter(e -> !e.getKey().equals("BOUNCE") && !e.getKey().equals("COMPLAINT"))
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(
            e ->
                headerRow(
                    h,
                    "Added: " + e.getKey().toLowerCase(java.util.Locale.ROOT),
                    String.valueOf(e.getValue())));
    headerRow(h, "Removed", String.valueOf(s.removals()));
    headerRow(h, "On the list when the report was built", String.valueOf(s.total()));
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void handling(StringBuilder h, WeeklyReport.Handling x) {
    h.append("<section id=\"handling\">\n<h2>Handling</h2>\n<table>\n<tbody>\n");
    headerRow(h, "Notifications processed", String.valueOf(x.notifications()));
    headerRow(h, "Duplicates dropped", String.valueOf(x.duplicates()));
    headerRow(h, "Inputs rejected", String.valueOf(x.rejected()));
    h.append("</tbody>\n</table>\n");
    h.append("<table class=\"latency\">\n<thead><tr><th>From SES's event to</th><th>p50</th>")
        .append("<th>p95</th><th>max</th><th>count</th></tr></thead>\n<tbody>\n");
    latencyRow(h, "the suppression being recorded", x.toRecorded());
    latencyRow(h, "SES's account list being updated", x.toSes());
    h.append("</tbody>\n</table>\n<table>\n<tbody>\n");
    headerRow(h, "Outbox backlog at week end", String.valueOf(x.outboxBacklog()));
    headerRow(
        h,
        "Dead-letter queue depth",
        x.deadLetterDepth() == null
            ? "not measured (its alarm watches it)"
            : x.deadLetterDepth().toString());
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void latencyRow(StringBuilder h, String what, WeeklyReport.Latency l) {
    h.append("<tr><th scope=\"row\">").append(escape(what)).append("</th>");
    if (l.count() == 0) {
      h.append("<td colspan=\"4\" class=\"muted\">none this week</td>");
    } else {
      h.append(num(ReportText.value(l, l.p50())))
          .append(num(ReportText.value(l, l.p95())))
          .append(num(ReportText.value(l, l.max())))
          .append(num(String.valueOf(l.count())));
    }
    h.append("</tr>\n");
  }

  private static void alerts(StringBuilder h, WeeklyReport r) {
    h.append("<section id=\"alerts\">\n<h2>Alerts</h2>\n");
    if (r.alerts().isEmpty()) {
      h.append("<p>No alerts this week.</p>\n</section>\n");
      return;
    }
    h.append("<table class=\"alerts\">\n<thead><tr><th>Time (UTC)</th><th>Kind</th><th>Scope</th>")
        .append("<th>Level change</th><th>Window</th><th>Alert</th></tr></thead>\n<tbody>\n");
    for (Alert a : r.alerts()) {
      Optional<AlertMove> m = AlertMove.of(a);
      h.append("<tr class=\"alert\"><td class=\"time\">")
          .append(escape(time(a.at())))
          .append("</td><td>")
          .append(escape(a.kind()))
          .append("</td><td>")
          .append(escape(m.map(AlertMove::scope).orElse("—")))
          .append("</td><td class=\"move\">")
          .append(m.map(x -> levelWord(x.from()) + " → " + levelWord(x.to())).orElse("—"))
          .append("</td><td>")
          .append(escape(m.map(AlertMove::window).filter(w -> !w.isEmpty()).orElse("—")))
          .append("</td><td>")
          .append(escape(ReportText.alertText(a.subject())))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void actions(StringBuilder h, WeeklyReport r) {
    h.append("<section id=\"actions\">\n<h2>Pauses and resumes</h2>\n");
    if (r.actions().isEmpty()) {
      h.append("<p>No pauses or resumes this week.</p>\n</section>\n");
      return;
    }
    h.append("<table class=\"actions\">\n<thead><tr><th>Time (UTC)</th><th>Action</th>")
        .append("<th>Target</th><th>By</th><th>Reason</th></tr></thead>\n<tbody>\n");
    for (ActionRecord a : r.actions()) {
      h.append("<tr class=\"action\"><td class=\"time\">")
          .append(escape(time(a.at())))
          .append("</td><td>")
          .append(escape(ReportText.action(a.action())))
          .append("</td><td>")
          .append(escape(a.target()))
          .append("</td><td>")
          .append(escape(a.by()))
          .append("</td><td>")
          .append(escape(a.reason()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void headerRow(StringBuilder h, String name, String value) {
    h.append("<tr><th scope=\"row\">")
        .append(escape(name))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>\n");
  }

  private static String num(String s) {
    return "<td class=\"num\">" + escape(s) + "</td>";
  }

  private static String level(Level l) {
    return levelWord(l.jsonName());
  }

  /** A level as a coloured badge; an unknown word is shown plainly (escaped). */
  private static String levelWord(String name) {
    String safe = escape(name);
    for (Level l : Level.values()) {
      if (l.jsonName().equals(name)) {
        return "<span class=\"level level-" + safe + "\">" + safe + "</span>";
      }
    }
    return safe;
  }

  /** Text and attribute values alike: the five characters HTML gives meaning to. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
