/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import static io.sesguardian.domain.report.ReportText.percent;
import static io.sesguardian.domain.report.ReportText.time;

import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.rates.WindowRates;
import java.util.Optional;

/**
 * The weekly report as Markdown (stored with the report and sent to the alert topic): headings,
 * tables and sentences; pipes in cells escaped so a subject or reason cannot break a table.
 */
final class ReportMarkdown {

  private ReportMarkdown() {}

  static String render(WeeklyReport r, Thresholds t) {
    StringBuilder md = new StringBuilder();
    md.append("# SES weekly status check — ").append(text(r.week())).append("\n\n");
    md.append("Period: ")
        .append(time(r.from()))
        .append(" to ")
        .append(time(r.to()))
        .append(" UTC (Monday to Monday).\n\n");

    md.append("## Account\n\n");
    AccountStatus a = r.account();
    if (a == null) {
      md.append(ReportText.SNAPSHOT_NOT_TAKEN).append("\n\n");
    } else {
      md.append(
              "| production access | review | sending | enforcement status | 24-hour quota used"
                  + " |\n")
          .append("|---|---|---|---|---|\n");
      row(
          md,
          ReportText.productionAccess(a.productionAccess()),
          ReportText.review(a),
          ReportText.accountSending(a.sendingEnabled()),
          a.enforcementStatus(),
          ReportText.quota(a));
      md.append('\n');
    }

    md.append("## Bounce and complaint rates (as SES counts them)\n\n");
    md.append(
        "| scope | window | eligible sends | bounces | bounce rate | FBL sends | complaints |"
            + " complaint rate | level | change from last week |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (ScopeRates s : r.rates()) {
      for (WindowRates w : s.windows()) {
        Optional<WindowRates> p = ReportText.previous(r, s, w);
        row(
            md,
            s.scope().key(),
            w.window().jsonName(),
            String.valueOf(w.eligibleSends()),
            String.valueOf(w.bounces()),
            ReportText.bounceRate(w),
            String.valueOf(w.complaintEligibleSends()),
            String.valueOf(w.complaints()),
            ReportText.complaintRate(w),
            ReportText.level(w),
            p.map(
                    x ->
                        "bounce "
                            + ReportText.points(w.bounceRate() - x.bounceRate())
                            + ", complaint "
                            + ReportText.points(w.complaintRate() - x.complaintRate()))
                .orElse("—"));
      }
    }
    md.append('\n').append(ReportText.COUNTED).append("\n\n");
    md.append(ReportText.sesFigures(r)).append("\n\n");
    ReportText.weekOnWeek(r)
        .ifPresent(s -> md.append("Change from the previous week (account): ").append(s));
    md.append("\n\nThresholds (warning / critical / SES review / SES may pause): bounce ")
        .append(percent(t.bounceWarning()))
        .append(" / ")
        .append(percent(t.bounceCritical()))
        .append(" / ")
        .append(percent(t.bounceReview()))
        .append(" / ")
        .append(percent(t.bouncePause()))
        .append("; complaint ")
        .append(percent(t.complaintWarning()))
        .append(" / ")
        .append(percent(t.complaintCritical()))
        .append(" / ")
        .append(percent(t.complaintReview()))
        .append(" / ")
        .append(percent(t.complaintPause()))
        .append(".\n\n");

    md.append("## Suppression list\n\n");
    md.append(ReportText.suppressionSentence(r.suppressions())).append("\n\n");

    WeeklyReport.Handling h = r.handling();
    md.append("## Handling\n\n");
    md.append("| measure | value |\n|---|---|\n");
    row(md, "notifications processed", String.valueOf(h.notifications()));
    row(md, "duplicates dropped", String.valueOf(h.duplicates()));
    row(md, "inputs rejected", String.valueOf(h.rejected()));
    row(
        md,
        "SES event → suppression recorded (p50 / p95 / max, count)",
        ReportText.latency(h.toRecorded()));
    row(
        md,
        "SES event → SES account list updated (p50 / p95 / max, count)",
        ReportText.latency(h.toSes()));
    row(md, "outbox backlog at week end", String.valueOf(h.outboxBacklog()));
    row(
        md,
        "dead-letter queue depth",
        h.deadLetterDepth() == null
            ? "not measured (its alarm watches it)"
            : h.deadLetterDepth().toString());
    md.append('\n');

    md.append("## Alerts\n\n");
    if (r.alerts().isEmpty()) {
      md.append("No alerts this week.\n\n");
    } else {
      md.append("| time (UTC) | kind | scope | level change | window | alert |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (Alert al : r.alerts()) {
        Optional<AlertMove> m = AlertMove.of(al);
        row(
            md,
            time(al.at()),
            al.kind(),
            m.map(AlertMove::scope).orElse("—"),
            m.map(x -> x.from() + " → " + x.to()).orElse("—"),
            m.map(AlertMove::window).filter(w -> !w.isEmpty()).orElse("—"),
            ReportText.alertText(al.subject()));
      }
      md.append('\n');
    }

    md.append("## Pauses and resumes\n\n");
    if (r.actions().isEmpty()) {
      md.append("No pauses or resumes this week.\n\n");
    } else {
      md.append("| time (UTC) | action | target | by | reason |\n");
      md.append("|---|---|---|---|---|\n");
      for (ActionRecord ac : r.actions()) {
        row(md, time(ac.at()), ReportText.action(ac.action()), ac.target(), ac.by(), ac.reason());
      }
      md.append('\n');
    }

    md.append("## Canaries\n\n").append(text(r.canaries())).append('\n');
    return md.toString();
  }

  private static void row(StringBuilder md, String... cells) {
    md.append('|');
    for (String c : cells) {
      md.append(' ').append(cell(c)).append(" |");
    }
    md.append('\n');
  }

  /** A table cell: pipes escaped, line breaks flattened (a cell is one line). */
  static String cell(String s) {
    return text(s).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  /**
   * Free text. Left as written: the Markdown is also the plain-text summary mailed to the alert
   * topic, where entities would show; the HTML form is the one that escapes.
   */
  static String text(String s) {
    return s;
  }
}
