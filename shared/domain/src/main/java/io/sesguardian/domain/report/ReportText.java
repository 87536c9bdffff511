/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.rates.WindowRates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Words and numbers shared by the Markdown and HTML forms, so both say the same thing the same way
 * (and neither prints a Java collection or record).
 */
final class ReportText {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReportText() {}

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  /** A change of a rate in percentage points, signed: {@code +3.50 pp}, {@code −0.10 pp}. */
  static String points(double change) {
    String s = String.format(Locale.ROOT, "%.2f", Math.abs(change) * 100);
    if (s.equals("0.00")) {
      return "0.00 pp";
    }
    return (change > 0 ? "+" : "−") + s + " pp";
  }

  /** A UTC time to the minute, e.g. {@code 2026-02-24 23:00}. */
  static String time(Instant t) {
    return MINUTE.format(t);
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
  }

  /**
   * One percentile as the report can state it: exact ({@code 42 s}), or from a histogram the
   * bucket's bound ({@code ≤ 5 min}, {@code > 24 h}).
   */
  static String value(WeeklyReport.Latency l, Duration d) {
    if (!l.atMost()) {
      return human(d);
    }
    return d.compareTo(WeeklyReport.Latency.OVER_LAST_BUCKET) >= 0 ? "> 24 h" : "≤ " + human(d);
  }

  /** p50 / p95 / max and the count, or a note when there was nothing to measure. */
  static String latency(WeeklyReport.Latency l) {
    if (l.count() == 0) {
      return "none this week";
    }
    return value(l, l.p50())
        + " / "
        + value(l, l.p95())
        + " / "
        + value(l, l.max())
        + " ("
        + l.count()
        + ")";
  }

  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** {@code 25 bounces, 2 complaints}: bounces and complaints always named, other reasons after. */
  static String added(Map<String, Long> added) {
    List<String> parts = new ArrayList<>();
    parts.add(count(added.getOrDefault("BOUNCE", 0L), "bounce", "bounces"));
    parts.add(count(added.getOrDefault("COMPLAINT", 0L), "complaint", "complaints"));
    added.entrySet().stream()
        .filter(e -> !e.getKey().equals("BOUNCE") && !e.getKey().equals("COMPLAINT"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> parts.add(e.getValue() + " " + e.getKey().toLowerCase(Locale.ROOT)));
    return String.join(", ", parts);
  }

  /** The sentence the Markdown form and the alert topic's summary use. */
  static String suppressionSentence(WeeklyReport.SuppressionChanges s) {
    return String.format(
        Locale.ROOT,
        "Added this week: %s (%s escalated from soft bounces); removed: %d; on the list: %d.",
        added(s.added()),
        s.escalations() == 0 ? "none" : String.valueOf(s.escalations()),
        s.removals(),
        s.total());
  }

  static String accountSending(boolean enabled) {
    return enabled ? "enabled" : "DISABLED";
  }

  static String productionAccess(boolean yes) {
    return yes ? "yes" : "no (sandbox)";
  }

  /** SES's latest production-access review ({@code Details.ReviewDetails}), or "none". */
  static String review(io.sesguardian.domain.monitor.AccountStatus a) {
    return a.review() == null ? "none reported" : a.review().describe();
  }

  static String quota(io.sesguardian.domain.monitor.AccountStatus a) {
    return String.format(
        Locale.ROOT,
        "%.0f of %.0f (%s)",
        a.sentLast24Hours(),
        a.max24HourSend(),
        percent(a.quotaUse()));
  }

  static final String SNAPSHOT_NOT_TAKEN =
      "Snapshot not taken: the report was built from the local store; run it with --aws to include"
          + " SES's GetAccount (production access, sending, enforcement status, quota).";

  static String level(WindowRates w) {
    return w.level().jsonName() + (w.lowVolume() ? " (low volume)" : "");
  }

  /** The account's rate over {@code w}'s window at the end of the previous week, if known. */
  static Optional<WindowRates> previous(WeeklyReport r, ScopeRates scope, WindowRates w) {
    return scope.scope().key().equals("account")
        ? r.previous().window(w.window())
        : Optional.empty();
  }

  /** The account's 7-day rates a week ago and now, in one sentence, if both are known. */
  static Optional<String> weekOnWeek(WeeklyReport r) {
    return r.rates().stream()
        .filter(s -> s.scope().key().equals("account"))
        .findFirst()
        .flatMap(s -> s.window(Window.D7))
        .flatMap(
            w ->
                r.previous()
                    .window(Window.D7)
                    .map(
                        p ->
                            String.format(
                                Locale.ROOT,
                                "7-day bounce rate %s → %s (%s), complaint rate %s → %s (%s).",
                                percent(p.bounceRate()),
                                percent(w.bounceRate()),
                                points(w.bounceRate() - p.bounceRate()),
                                percent(p.complaintRate()),
                                percent(w.complaintRate()),
                                points(w.complaintRate() - p.complaintRate()))));
  }

  static String action(ActionRecord.Action a) {
    return a == ActionRecord.Action.PAUSE ? "paused" : "resumed";
  }

  /** The alert's subject without the "SES guardian: " prefix every subject carries. */
  static String alertText(String subject) {
    return subject.startsWith("SES guardian: ")
        ? subject.substring("SES guardian: ".length())
        : subject;
  }

  /** A window's bounce rate, or {@code —} when it has no denominator. */
  static String bounceRate(WindowRates w) {
    return w.bounceLevel() == io.sesguardian.domain.rates.Level.UNKNOWN
        ? "—"
        : percent(w.bounceRate());
  }

  /** A window's complaint rate, or {@code —} when it has no denominator. */
  static String complaintRate(WindowRates w) {
    return w.complaintLevel() == io.sesguardian.domain.rates.Level.UNKNOWN
        ? "—"
        : percent(w.complaintRate());
  }

  /**
   * SES's own figures beside the guardian's, said once under the rates table: not read (a local
   * report), none published, or each scope's latest {@code Reputation.BounceRate} / {@code
   * Reputation.ComplaintRate}.
   */
  static String sesFigures(WeeklyReport r) {
    String what = "SES's own figures (CloudWatch Reputation.BounceRate / Reputation.ComplaintRate)";
    if (!r.ses().read()) {
      return what
          + ": not read (a local report has no CloudWatch; guardian report --aws and the weekly"
          + " report function read them).";
    }
    if (r.ses().byScope().isEmpty()) {
      return what + ": SES published none for these scopes.";
    }
    StringBuilder s = new StringBuilder(what).append(':');
    String separator = " ";
    for (var e : r.ses().byScope().entrySet()) {
      var f = e.getValue();
      s.append(separator)
          .append(e.getKey())
          .append(" bounce ")
          .append(f.bounceRate() == null ? "—" : percent(f.bounceRate()))
          .append(", complaint ")
          .append(f.complaintRate() == null ? "—" : percent(f.complaintRate()))
          .append(" (at ")
          .append(time(f.at()))
          .append(')');
      separator = "; ";
    }
    return s.append('.').toString();
  }

  /** What the two rates count, said once under each rates table. */
  static final String COUNTED =
      "Bounce rate: counted hard bounces ÷ eligible sends outside the account's verified domains."
          + " Complaint rate: complaints, one per feedback report ÷ eligible sends to feedback-loop"
          + " domains (\"FBL sends\"; Gmail sends none). Rejected, account-suppressed and mailbox"
          + "-simulator sends are not eligible. — : no Send or Delivery events, no rate.";
}
