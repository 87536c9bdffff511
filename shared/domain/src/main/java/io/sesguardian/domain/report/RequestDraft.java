/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.rates.WindowRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A production-access or limit-increase request written from measured facts (a weekly report) and
 * the team's own answers. It answers the four things AWS asks — how the list is built, how bounces
 * and complaints are handled, how recipients unsubscribe, how the requested quota was chosen — and
 * ends with the ready {@code aws sesv2 put-account-details} command. It never submits anything.
 *
 * @param text the request, ready to paste
 * @param command the CLI command that would submit it (printed, never run)
 * @param missing the team's answers that are still placeholders
 * @param requestedQuota the daily quota the draft asks for
 */
public record RequestDraft(String text, String command, List<String> missing, long requestedQuota) {

  /** Marks an answer only the team can give. */
  public static final String PLACEHOLDER = "<<TO FILL IN: %s>>";

  /**
   * The team's answers; any may be null, and then the draft shows a placeholder.
   *
   * @param mailType {@code MARKETING} or {@code TRANSACTIONAL}
   * @param websiteUrl the sender's website
   * @param listBuilding how addresses are collected (sign-up, double opt-in, …)
   * @param unsubscribe how recipients opt out
   * @param useCase what the mail is, in one or two sentences
   * @param contactEmail an extra contact address for AWS (optional)
   */
  public record TeamAnswers(
      String mailType,
      String websiteUrl,
      String listBuilding,
      String unsubscribe,
      String useCase,
      String contactEmail) {
    public static final TeamAnswers NONE = new TeamAnswers(null, null, null, null, null, null);
  }

  /** Writes the draft. */
  public static RequestDraft write(WeeklyReport report, TeamAnswers answers) {
    List<String> missing = new ArrayList<>();
    String mailType = answer(answers.mailType(), "mail type (MARKETING or TRANSACTIONAL)", missing);
    String website = answer(answers.websiteUrl(), "website URL", missing);
    String listBuilding = answer(answers.listBuilding(), "how your list is built", missing);
    String unsubscribe = answer(answers.unsubscribe(), "how recipients unsubscribe", missing);
    String useCase = answer(answers.useCase(), "what you send and to whom", missing);

    long peak = 0;
    double lastWeek = 0;
    double weekBefore = 0;
    List<WeeklyReport.DailyRate> daily = report.daily();
    for (int i = 0; i < daily.size(); i++) {
      long sends = daily.get(i).eligibleSends();
      peak = Math.max(peak, sends);
      if (i >= daily.size() - 7) {
        lastWeek += sends / 7.0;
      } else if (i >= daily.size() - 14) {
        weekBefore += sends / 7.0;
      }
    }
    double growth = weekBefore > 0 ? lastWeek / weekBefore : 1.0;
    double factor = Math.max(1.0, growth) * 1.5;
    long requested = roundUp((long) Math.ceil(Math.max(peak, 200) * factor));

    Optional<WindowRates> thirty = account(report).flatMap(s -> s.window(Window.D30));
    WeeklyReport.Handling h = report.handling();
    StringBuilder t = new StringBuilder();
    t.append(useCase).append("\n\n");
    t.append("1. How we build our list. ").append(listBuilding).append("\n\n");
    t.append("2. How we handle bounces and complaints. Every SES bounce and complaint notification")
        .append(
            " reaches an automated pipeline (SES → SNS → AWS Lambda → DynamoDB) that records it")
        .append(" exactly once and suppresses the address at once for hard bounces and complaints,")
        .append(" and after repeated soft bounces; suppressions are also pushed to the SES")
        .append(" account-level suppression list.");
    if (h.toRecorded().count() > 0) {
      t.append(
          " In %s, %d addresses were suppressed; the median time from SES's event to the"
                  .formatted(report.week(), h.toRecorded().count())
              + " suppression being recorded was %d s (95th percentile %d s)."
                  .formatted(h.toRecorded().p50().toSeconds(), h.toRecorded().p95().toSeconds()));
    }
    thirty.ifPresent(
        w ->
            t.append(
                " Over the last 30 days our bounce rate was %s and our complaint rate %s, counted"
                        .formatted(percent(w.bounceRate()), percent(w.complaintRate()))
                    + " as SES counts them over %d eligible sends; we are alerted at 2%% bounces or"
                        .formatted(w.eligibleSends())
                    + " 0.04% complaints, well before SES's review thresholds."));
    t.append(" Suppressed addresses on our list: %d.\n\n".formatted(report.suppressions().total()));
    t.append("3. How recipients unsubscribe. ").append(unsubscribe).append("\n\n");
    t.append(
        "4. How we chose the quota we ask for. Our busiest day in the last 30 days had %d eligible"
                .formatted(peak)
            + " sends; the last 7 days averaged %.1f a day against %.1f the week before (growth"
                .formatted(lastWeek, weekBefore)
            + " ×%.2f). We ask for %d messages a day: the peak, times the growth, with 50%%"
                .formatted(growth, requested)
            + " headroom.\n\n");
    t.append("Website: ").append(website).append('\n');

    String description = t.toString().trim();
    if (description.length() > 5000) {
      description = description.substring(0, 4997) + "...";
    }
    StringBuilder command =
        new StringBuilder("aws sesv2 put-account-details --production-access-enabled")
            .append(" --mail-type ")
            .append(shell(mailType))
            .append(" --website-url ")
            .append(shell(website))
            .append(" --contact-language EN --use-case-description ")
            .append(shell(description));
    if (answers.contactEmail() != null && !answers.contactEmail().isBlank()) {
      command
          .append(" --additional-contact-email-addresses ")
          .append(shell(answers.contactEmail()));
    }
    return new RequestDraft(description, command.toString(), List.copyOf(missing), requested);
  }

  private static Optional<ScopeRates> account(WeeklyReport report) {
    return report.rates().stream().filter(s -> s.scope().key().equals("account")).findFirst();
  }

  private static String answer(String value, String what, List<String> missing) {
    if (value == null || value.isBlank()) {
      missing.add(what);
      return PLACEHOLDER.formatted(what);
    }
    return value.trim();
  }

  /** Rounds a quota up to two significant figures (a number a reviewer reads at a glance). */
  static long roundUp(long n) {
    long scale = 1;
    while (n / scale >= 100) {
      scale *= 10;
    }
    return ((n + scale - 1) / scale) * scale;
  }

  /** Single-quotes for POSIX shells; a single quote inside becomes '\''. */
  static String shell(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String percent(double f) {
    return String.format(Locale.ROOT, "%.2f%%", f * 100);
  }
}
