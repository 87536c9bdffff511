/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.rates.WindowRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A production-access or limit-increase request written from measured facts (a weekly report) and
 * the team's own answers. It answers the four things AWS asks — how the list is built, how bounces
 * and complaints are handled, how recipients unsubscribe, how the requested quota was chosen — and
 * gives the command that would submit it through the right channel. It never submits anything, and
 * it gives no command while the facts or the answers would not stand up to a reviewer.
 *
 * @param verdict whether the draft may be submitted, and if not why
 * @param text the request, ready to paste (empty while a review is pending)
 * @param channel where the request goes
 * @param commands the CLI commands that would submit it (printed, never run); empty unless {@code
 *     verdict} allows submitting
 * @param missing the team's answers that are still placeholders
 * @param problems what is wrong and what to fix first, one sentence each
 * @param requestedQuota the daily quota the draft asks for
 */
public record RequestDraft(
    Verdict verdict,
    String text,
    Channel channel,
    List<String> commands,
    List<String> missing,
    List<String> problems,
    long requestedQuota) {

  public RequestDraft {
    commands = List.copyOf(commands);
    missing = List.copyOf(missing);
    problems = List.copyOf(problems);
  }

  /** Marks an answer only the team can give. */
  public static final String PLACEHOLDER = "<<TO FILL IN: %s>>";

  /**
   * Service Quotas codes for SES (service code {@code ses}): the daily sending quota and the
   * maximum sending rate. Once an account has production access, increases are requested through
   * Service Quotas, not {@code PutAccountDetails} (SES developer guide, "Increasing your Amazon SES
   * sending quotas"; the codes as the Service Quotas console lists them for SES — check with {@code
   * aws service-quotas list-service-quotas --service-code ses}).
   */
  public static final String DAILY_QUOTA_CODE = "L-804C8AE8";

  public static final String SEND_RATE_CODE = "L-CDEF9B6B";

  /** Whether the draft may be submitted. */
  public enum Verdict {
    /** Facts healthy, answers complete: the commands are given. */
    READY,
    /** Some account window is at or above SES's review level, submitted anyway on request. */
    FORCED,
    /** Some account window is at or above SES's review level: fix that first; no command. */
    NOT_HEALTHY,
    /** Answers still missing or invalid: the draft is shown, no command. */
    INCOMPLETE,
    /** SES is reviewing an earlier request, and refuses edits until it answers: no draft. */
    REVIEW_PENDING;

    /** Whether the submit commands are given. */
    public boolean submittable() {
      return this == READY || this == FORCED;
    }
  }

  /** Where a request goes (SES developer guide, request-production-access and quotas pages). */
  public enum Channel {
    /** In the sandbox: {@code aws sesv2 put-account-details --production-access-enabled}. */
    PRODUCTION_ACCESS,
    /** Already in production: {@code aws service-quotas request-service-quota-increase}. */
    SERVICE_QUOTAS
  }

  /**
   * The team's answers; any may be null, and then the draft shows a placeholder.
   *
   * @param mailType {@code MARKETING} or {@code TRANSACTIONAL} (any case)
   * @param websiteUrl the sender's website, an {@code https://} URL
   * @param listBuilding how addresses are collected (sign-up, double opt-in, …)
   * @param unsubscribe how recipients opt out
   * @param useCase what the mail is, in one or two sentences
   * @param contactEmail an extra contact address for AWS (optional)
   * @param maxSendRate the maximum sending rate to ask for, messages per second (optional; only in
   *     production, through Service Quotas)
   */
  public record TeamAnswers(
      String mailType,
      String websiteUrl,
      String listBuilding,
      String unsubscribe,
      String useCase,
      String contactEmail,
      Double maxSendRate) {
    public static final TeamAnswers NONE =
        new TeamAnswers(null, null, null, null, null, null, null);

    /** Answers without a sending-rate request. */
    public TeamAnswers(
        String mailType,
        String websiteUrl,
        String listBuilding,
        String unsubscribe,
        String useCase,
        String contactEmail) {
      this(mailType, websiteUrl, listBuilding, unsubscribe, useCase, contactEmail, null);
    }
  }

  /**
   * What the draft is measured against.
   *
   * @param thresholds the levels the guardian alerts at (the deployed configuration)
   * @param handlingMeasuredLive whether the report's handling times come from live ingestion (the
   *     deployed pipeline); replayed events have meaningless times and are not cited
   * @param force give the commands even when an account window is at or above review
   */
  public record Context(Thresholds thresholds, boolean handlingMeasuredLive, boolean force) {
    public Context {
      Objects.requireNonNull(thresholds, "thresholds");
    }
  }

  /** Writes the draft with the default thresholds, live handling times and no force. */
  public static RequestDraft write(WeeklyReport report, TeamAnswers answers) {
    return write(report, answers, new Context(Thresholds.DEFAULT, true, false));
  }

  /** Writes the draft. */
  public static RequestDraft write(WeeklyReport report, TeamAnswers answers, Context context) {
    AccountStatus account = report.account();
    if (account != null && account.review() != null && account.review().pending()) {
      return new RequestDraft(
          Verdict.REVIEW_PENDING,
          "",
          Channel.PRODUCTION_ACCESS,
          List.of(),
          List.of(),
          List.of(
              "SES is reviewing an earlier request ("
                  + account.review().describe()
                  + "), and accepts no new details until it answers: wait for the answer"
                  + " ('aws sesv2 get-account' shows Details.ReviewDetails)."),
          0);
    }
    List<String> missing = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    String mailType =
        mailType(
            answer(answers.mailType(), "mail type (MARKETING or TRANSACTIONAL)", missing), invalid);
    String website = website(answer(answers.websiteUrl(), "website URL", missing), invalid);
    String listBuilding = answer(answers.listBuilding(), "how your list is built", missing);
    String unsubscribe = answer(answers.unsubscribe(), "how recipients unsubscribe", missing);
    String useCase = answer(answers.useCase(), "what you send and to whom", missing);
    if (answers.maxSendRate() != null && !(answers.maxSendRate() > 0)) {
      invalid.add("maxSendRate must be a positive number of messages per second");
    }

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

    Thresholds th = context.thresholds();
    List<String> unhealthy = unhealthy(report, th);
    Optional<WindowRates> thirty = account(report).flatMap(s -> s.window(Window.D30));
    WeeklyReport.Handling h = report.handling();
    StringBuilder t = new StringBuilder();
    t.append(useCase).append("\n\n");
    t.append("1. How we build our list. ").append(listBuilding).append("\n\n");
    t.append("2. How we handle bounces and complaints. Every SES bounce and complaint notification")
        .append(
            " reaches an automated pipeline (SES → SNS → AWS Lambda → DynamoDB) that records it")
        .append(" exactly once and suppresses the address at once for hard bounces and complaints,")
        .append(" and after repeated soft bounces (or one whose permanent status says the mailbox")
        .append(" is gone); suppressions are also pushed to the SES")
        .append(" account-level suppression list.");
    if (h.toRecorded().count() > 0) {
      t.append(
          String.format(
              Locale.ROOT,
              " In %s, %d addresses were suppressed",
              report.week(),
              h.toRecorded().count()));
      if (context.handlingMeasuredLive()) {
        t.append(
            String.format(
                    Locale.ROOT,
                    "; the median time from SES's event to the suppression being recorded was %s (95th",
                    ReportText.value(h.toRecorded(), h.toRecorded().p50()))
                + String.format(
                    Locale.ROOT,
                    " percentile %s).",
                    ReportText.value(h.toRecorded(), h.toRecorded().p95())));
      } else {
        // Replayed events carry SES's old times: the gap to "recorded now" says nothing about the
        // pipeline, so it is not cited.
        t.append(
            " (time from SES's event to suppression: not measured, these events were replayed).");
      }
    }
    thirty.ifPresent(
        w ->
            t.append(
                String.format(
                        Locale.ROOT,
                        " Over the last 30 days our bounce rate was %s and our complaint rate %s, counted",
                        percent(w.bounceRate()),
                        percent(w.complaintRate()))
                    + String.format(
                        Locale.ROOT,
                        " as SES counts them over %d eligible sends. Our monitor alerts us at %s",
                        w.eligibleSends(),
                        percent(th.bounceWarning()))
                    + String.format(
                        Locale.ROOT,
                        " bounces or %s complaints; SES reviews accounts at %s and %s.",
                        percent(th.complaintWarning()),
                        percent(th.bounceReview()),
                        percent(th.complaintReview()))));
    t.append(
        String.format(
            Locale.ROOT,
            " Suppressed addresses on our list: %d.\n\n",
            report.suppressions().total()));
    t.append("3. How recipients unsubscribe. ").append(unsubscribe).append("\n\n");
    t.append(
        String.format(
                Locale.ROOT,
                "4. How we chose the quota we ask for. Our busiest day in the last 30 days had %d eligible",
                peak)
            + String.format(
                Locale.ROOT,
                " sends; the last 7 days averaged %.1f a day against %.1f the week before (growth",
                lastWeek,
                weekBefore)
            + String.format(
                Locale.ROOT,
                " ×%.2f). We ask for %d messages a day: the peak, times the growth, with 50%%",
                growth,
                requested)
            + " headroom.\n\n");
    t.append("Website: ").append(website).append('\n');

    String description = t.toString().trim();
    if (description.length() > 5000) {
      description = description.substring(0, 4997) + "...";
    }
    Channel channel =
        account != null && account.productionAccess()
            ? Channel.SERVICE_QUOTAS
            : Channel.PRODUCTION_ACCESS;
    List<String> problems = new ArrayList<>(invalid);
    Verdict verdict;
    if (!missing.isEmpty() || !invalid.isEmpty()) {
      verdict = Verdict.INCOMPLETE;
    } else if (!unhealthy.isEmpty()) {
      verdict = context.force() ? Verdict.FORCED : Verdict.NOT_HEALTHY;
    } else {
      verdict = Verdict.READY;
    }
    problems.addAll(unhealthy);
    List<String> commands =
        !verdict.submittable()
            ? List.of()
            : channel == Channel.SERVICE_QUOTAS
                ? quotaCommands(requested, answers.maxSendRate())
                : List.of(putAccountDetails(mailType, website, description, answers));
    return new RequestDraft(verdict, description, channel, commands, missing, problems, requested);
  }

  /** One sentence per account window at or above SES's review level, with what to fix first. */
  private static List<String> unhealthy(WeeklyReport report, Thresholds th) {
    List<String> out = new ArrayList<>();
    for (WindowRates w : account(report).map(ScopeRates::windows).orElse(List.of())) {
      if (w.bounceLevel().compareTo(Level.REVIEW) >= 0) {
        out.add(
            String.format(
                Locale.ROOT,
                ("The %s bounce rate is %s, at or above SES's review level (%s): fix it first —"
                    + " stop sending to addresses that have not engaged recently, make sure every"
                    + " send skips the suppression list, and wait until the rate is back under %s."),
                w.window().jsonName(),
                percent(w.bounceRate()),
                percent(th.bounceReview()),
                percent(th.bounceWarning())));
      }
      if (w.complaintLevel().compareTo(Level.REVIEW) >= 0) {
        out.add(
            String.format(
                Locale.ROOT,
                ("The %s complaint rate is %s, at or above SES's review level (%s): fix it first —"
                    + " send only to recipients who asked for the mail, offer one-click"
                    + " unsubscribe (RFC 8058), and wait until the rate is back under %s."),
                w.window().jsonName(),
                percent(w.complaintRate()),
                percent(th.complaintReview()),
                percent(th.complaintWarning())));
      }
    }
    return out;
  }

  private static String putAccountDetails(
      String mailType, String website, String description, TeamAnswers answers) {
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
          .append(shell(answers.contactEmail().trim()));
    }
    return command.toString();
  }

  private static List<String> quotaCommands(long dailyQuota, Double maxSendRate) {
    List<String> out = new ArrayList<>();
    out.add(
        "aws service-quotas request-service-quota-increase --service-code ses --quota-code "
            + DAILY_QUOTA_CODE
            + " --desired-value "
            + dailyQuota);
    if (maxSendRate != null) {
      out.add(
          "aws service-quotas request-service-quota-increase --service-code ses --quota-code "
              + SEND_RATE_CODE
              + " --desired-value "
              + String.format(Locale.ROOT, "%.0f", Math.ceil(maxSendRate)));
    }
    return out;
  }

  /** {@code MARKETING} or {@code TRANSACTIONAL}, as SES's API takes it (any case accepted). */
  private static String mailType(String value, List<String> invalid) {
    if (value.startsWith("<<")) {
      return value;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if (!upper.equals("MARKETING") && !upper.equals("TRANSACTIONAL")) {
      invalid.add(
          String.format(
              Locale.ROOT,
              "mailType \"%s\" is not one SES takes: use MARKETING or TRANSACTIONAL",
              value));
    }
    return upper;
  }

  /** An {@code https://} URL with a host (what a reviewer opens). */
  private static String website(String value, List<String> invalid) {
    if (value.startsWith("<<")) {
      return value;
    }
    try {
      java.net.URI uri = new java.net.URI(value);
      if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return value;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    invalid.add(
        String.format(
            Locale.ROOT,
            "websiteUrl \"%s\" must be an https:// URL of your site, e.g. https://www.example.com",
            value));
    return value;
  }

  private static Optional<ScopeRates> account(WeeklyReport report) {
    return report.rates().stream().filter(s -> s.scope().key().equals("account")).findFirst();
  }

  private static String answer(String value, String what, List<String> missing) {
    if (value == null || value.isBlank()) {
      missing.add(what);
      return String.format(Locale.ROOT, PLACEHOLDER, what);
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
