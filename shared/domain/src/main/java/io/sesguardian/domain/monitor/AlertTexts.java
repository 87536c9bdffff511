/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.rates.WindowRates;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Subjects and bodies of the monitor's alerts: short subjects, bodies that read well in email. */
final class AlertTexts {

  private AlertTexts() {}

  static Alert levelChange(
      ScopeRates rates, Level from, Thresholds t, List<String> drivers, Instant at) {
    return levelChange(rates, rates.level(), from, t, drivers, null, 2.0, at);
  }

  /**
   * @param level the scope's level: the higher of the guardian's ({@code rates.level()}) and SES's
   * @param ses SES's own figures for the scope, or null when none were read
   * @param factor how far apart the two may be before the alert points it out
   */
  static Alert levelChange(
      ScopeRates rates,
      Level level,
      Level from,
      Thresholds t,
      List<String> drivers,
      SesFigures ses,
      double factor,
      Instant at) {
    WindowRates worst =
        rates.windows().stream()
            .filter(w -> w.level() == level)
            .findFirst()
            .orElse(rates.windows().get(0));
    boolean up = level.compareTo(from) > 0;
    boolean bounceWorse = worst.bounceLevel().compareTo(worst.complaintLevel()) >= 0;
    String metric =
        bounceWorse
            ? "bounce " + percent(worst.bounceRate())
            : "complaint " + percent(worst.complaintRate());
    String subject =
        level == Level.UNKNOWN
            ? String.format(
                Locale.ROOT,
                "SES guardian: %s rates cannot be computed (no Send or Delivery events)",
                rates.scope())
            : String.format(
                Locale.ROOT,
                "SES guardian: %s %s, %s (%s, was %s)",
                rates.scope(),
                level.jsonName().toUpperCase(Locale.ROOT),
                metric,
                worst.window().jsonName(),
                from.jsonName());
    StringBuilder body = new StringBuilder();
    body.append(
        String.format(
            Locale.ROOT,
            "The %s level of %s went %s from %s to %s at %s.%n%n",
            "reputation",
            rates.scope(),
            up ? "UP" : "down",
            from.jsonName(),
            level.jsonName(),
            at));
    body.append(
        "Rates as SES counts them (hard bounces / eligible sends outside verified domains;"
            + " complaints, one per report / eligible sends to feedback-loop domains):\n\n");
    body.append(
        String.format(
            Locale.ROOT,
            "  %-7s %10s %8s %11s %10s %10s %13s %9s  %s%n",
            "window",
            "sends",
            "bounces",
            "bounce rate",
            "fbl sends",
            "complaints",
            "complaint rate",
            "from",
            "level"));
    for (WindowRates w : rates.windows()) {
      body.append(
          String.format(
              Locale.ROOT,
              "  %-7s %10d %8d %11s %10d %10d %13s %9s  %s%s%n",
              w.window().jsonName(),
              w.eligibleSends(),
              w.bounces(),
              w.hasRates() ? percent(w.bounceRate()) : "-",
              w.complaintEligibleSends(),
              w.complaints(),
              w.hasRates() ? percent(w.complaintRate()) : "-",
              w.denominator().jsonName(),
              w.level().jsonName(),
              w.lowVolume() ? " (low volume: never pauses)" : ""));
    }
    body.append(
        String.format(
                Locale.ROOT,
                "%nThresholds: bounce %s warning, %s critical, %s SES review, %s SES may pause;",
                percent(t.bounceWarning()),
                percent(t.bounceCritical()),
                percent(t.bounceReview()),
                percent(t.bouncePause()))
            + String.format(
                Locale.ROOT,
                " complaint %s / %s / %s / %s.%n",
                percent(t.complaintWarning()),
                percent(t.complaintCritical()),
                percent(t.complaintReview()),
                percent(t.complaintPause())));
    if (!drivers.isEmpty()) {
      body.append("\nDriving it (counted bounces and complaints in the worst window):\n");
      drivers.forEach(d -> body.append("  - ").append(d).append('\n'));
    }
    if (ses != null) {
      body.append(sesLines(rates, level, ses, factor));
    }
    body.append("\nWhat to do next:\n").append(advice(level)).append('\n');
    LevelMove move =
        new LevelMove(
            rates.scope(),
            bounceWorse ? LevelMove.Metric.BOUNCE : LevelMove.Metric.COMPLAINT,
            from,
            level,
            worst.window());
    return new Alert("level", subject, body.toString(), at, java.util.Optional.of(move));
  }

  /**
   * SES's own figure beside the guardian's (the volume window: closest to SES's representative
   * volume), and the likely cause when they are more than {@code factor} apart.
   */
  static String sesLines(ScopeRates rates, Level level, SesFigures ses, double factor) {
    StringBuilder out = new StringBuilder();
    WindowRates volume =
        rates.window(io.sesguardian.domain.rates.Window.VOLUME).orElse(rates.windows().get(0));
    out.append(
        String.format(
                Locale.ROOT,
                "%nSES's own figures (CloudWatch Reputation.*, %s): bounce %s, complaint %s; the guardian's",
                ses.at(),
                ses.bounceRate() == null ? "-" : percent(ses.bounceRate()),
                ses.complaintRate() == null ? "-" : percent(ses.complaintRate()))
            + String.format(
                Locale.ROOT,
                " volume window: bounce %s, complaint %s.%n",
                volume.hasRates() ? percent(volume.bounceRate()) : "-",
                volume.hasRates() ? percent(volume.complaintRate()) : "-"));
    if (level.compareTo(rates.level()) > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "The level comes from SES's figure: SES counts more than the guardian sees.%n"));
    }
    String cause = disagreement(volume, ses, factor);
    if (cause != null) {
      out.append(cause);
    }
    return out.toString();
  }

  /** The likely cause when the two figures differ by more than {@code factor}, else null. */
  static String disagreement(WindowRates guardian, SesFigures ses, double factor) {
    if (!guardian.hasRates()) {
      return "The guardian has no denominator (no Send or Delivery events): only SES's figure"
          + String.format(Locale.ROOT, " tells the rate.%n");
    }
    StringBuilder out = new StringBuilder();
    if (ses.bounceRate() != null && apart(guardian.bounceRate(), ses.bounceRate(), factor)) {
      out.append(
          ses.bounceRate() > guardian.bounceRate()
              ? String.format(
                      Locale.ROOT,
                      "Bounce figures differ by more than %s×: SES sees bounces the guardian does not",
                      factor)
                  + " (a configuration set or identity without a destination to the guardian's"
                  + String.format(Locale.ROOT, " topic?).%n")
              : String.format(
                      Locale.ROOT,
                      "Bounce figures differ by more than %s×: the guardian counts bounces SES does not",
                      factor)
                  + String.format(
                      Locale.ROOT,
                      " (verified domains not configured, or SES's longer representative volume).%n"));
    }
    if (ses.complaintRate() != null
        && apart(guardian.complaintRate(), ses.complaintRate(), factor)) {
      out.append(
          String.format(
                  Locale.ROOT,
                  "Complaint figures differ by more than %s×: check the feedback-loop domain list",
                  factor)
              + String.format(
                  Locale.ROOT,
                  " (GUARDIAN_FEEDBACK_LOOP_DOMAINS) and that complaints reach the guardian.%n"));
    }
    return out.isEmpty() ? null : out.toString();
  }

  private static boolean apart(double a, double b, double factor) {
    double low = Math.min(a, b);
    double high = Math.max(a, b);
    return high > 0 && (low == 0 || high / low > factor);
  }

  static String advice(Level level) {
    return switch (level) {
      case UNKNOWN ->
          "  Publish Send or Delivery events so rates can be computed: add a configuration set with\n"
              + "  an event destination for Send (or Delivery) events to the guardian's topic, or turn\n"
              + "  on Delivery notifications for your identities (guardian readiness shows what is\n"
              + "  missing). Until then only SES's own figures tell the rates.";
      case HEALTHY -> "  Nothing: the rates are back under the warning thresholds.";
      case WARNING ->
          "  Check the recipient domains and configuration sets above; stop mailing addresses\n"
              + "  that were not recently engaged; confirm suppressions reach SES (outbox metrics).";
      case CRITICAL ->
          "  Pause bulk campaigns to the sources above now; review how those lists were built;\n"
              + "  SES puts accounts under review at 5% bounces or 0.1% complaints.";
      case REVIEW ->
          "  SES reviews accounts at this rate. Stop non-critical sending, remove the addresses\n"
              + "  behind the bounces and complaints, and prepare the corrective actions you will\n"
              + "  describe to AWS (the weekly report has the evidence).";
      case PAUSE ->
          "  SES may pause sending at this rate. Send only critical transactional mail, fix the\n"
              + "  source of the bad addresses, and contact AWS with your corrective actions.";
    };
  }

  static Alert account(String kind, String subject, String body, Instant at) {
    return new Alert(kind, subject, body, at);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.3f%%", fraction * 100)
        .replaceAll("0+%$", "%")
        .replace(".%", "%");
  }
}
