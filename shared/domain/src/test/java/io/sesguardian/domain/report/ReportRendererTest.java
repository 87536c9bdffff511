/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.LevelMove;
import io.sesguardian.domain.monitor.SesFigures;
import io.sesguardian.domain.rates.Denominator;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.rates.WindowRates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three forms of the weekly report, on a hand-built report with awkward text in it. */
class ReportRendererTest {

  private static final Instant FROM = Instant.parse("2026-03-16T00:00:00Z");
  private static final Instant TO = FROM.plus(Duration.ofDays(7));
  private final ReportRenderer renderer = new ReportRenderer(Thresholds.DEFAULT);

  private static WindowRates window(Window w, long sends, long bounces, Level level) {
    return new WindowRates(
        w,
        TO.minus(Duration.ofDays(7)),
        TO,
        sends,
        bounces,
        0,
        bounces / (double) sends,
        0,
        level,
        Level.HEALTHY,
        level,
        false,
        sends,
        Denominator.SEND);
  }

  /** 30 days: day 5 without sends, day 27 at 60% bounces (far above the pause line). */
  private static List<WeeklyReport.DailyRate> days() {
    List<WeeklyReport.DailyRate> days = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long sends = i == 5 ? 0 : 1000;
      long bounces = i == 27 ? 600 : i == 5 ? 0 : 10;
      days.add(
          new WeeklyReport.DailyRate(
              LocalDate.parse("2026-02-21").plusDays(i),
              sends,
              bounces,
              0,
              sends == 0 ? 0 : bounces / (double) sends,
              0));
    }
    return days;
  }

  private static WeeklyReport report(List<Alert> alerts, List<ActionRecord> actions) {
    return report(alerts, actions, null);
  }

  private static WeeklyReport report(
      List<Alert> alerts,
      List<ActionRecord> actions,
      io.sesguardian.domain.monitor.AccountStatus snapshot) {
    ScopeRates account =
        new ScopeRates(
            Scope.ACCOUNT, Level.REVIEW, List.of(window(Window.D7, 7000, 420, Level.REVIEW)));
    ScopeRates marketing =
        new ScopeRates(
            Scope.configurationSet("news<b>"),
            Level.HEALTHY,
            List.of(window(Window.D7, 1000, 1, Level.HEALTHY)));
    ScopeRates before =
        new ScopeRates(
            Scope.ACCOUNT, Level.HEALTHY, List.of(window(Window.D7, 7000, 70, Level.HEALTHY)));
    WeeklyReport.Latency none =
        new WeeklyReport.Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    return new WeeklyReport(
        1,
        "2026-W12",
        FROM,
        TO,
        snapshot,
        List.of(account, marketing),
        before,
        days(),
        new WeeklyReport.SuppressionChanges(Map.of("BOUNCE", 25L, "COMPLAINT", 2L), 3, 0, 812),
        new WeeklyReport.Handling(20_000, 12, 1, none, none, 4, null),
        alerts,
        actions,
        "none: canaries are not enabled",
        List.of(
            new WeeklyReport.ScopeDaily("account", days()),
            new WeeklyReport.ScopeDaily("configset:news<b>", List.of())),
        SesReading.NOT_READ);
  }

  private static final Alert LEVEL_ALERT =
      new Alert(
          "level",
          "SES guardian: account REVIEW, bounce 6% (7d, was healthy)",
          "The reputation level of account went UP from healthy to review at 2026-03-18T10:00:00Z.",
          Instant.parse("2026-03-18T10:00:00Z"));

  private static final ActionRecord HOSTILE_RESUME =
      new ActionRecord(
          "configset:news<b>",
          ActionRecord.Action.RESUME,
          Instant.parse("2026-03-19T08:30:00Z"),
          "O'Brien & \"ops\"",
          "<script>alert(1)</script> | list cleaned");

  @Test
  void html_escapesEveryText_soNothingFromTheStoreBecomesMarkup() {
    String html = renderer.html(report(List.of(LEVEL_ALERT), List.of(HOSTILE_RESUME)));
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("news<b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; | list cleaned")
        .contains("O&#39;Brien &amp; &quot;ops&quot;")
        .contains("data-scope=\"configset:news&lt;b&gt;\"");
  }

  @Test
  void html_hasATablePerSection_andAlertsWithTheLevelsTheyMovedBetween() {
    String html = renderer.html(report(List.of(LEVEL_ALERT), List.of(HOSTILE_RESUME)));
    assertThat(html)
        .contains("<section id=\"account\">")
        .contains("Snapshot not taken")
        .contains("<table class=\"rates\">")
        .contains("<table class=\"thresholds\">")
        .contains("<table class=\"alerts\">")
        .contains("<table class=\"actions\">")
        .contains("<th scope=\"row\">Added for bounces</th><td>25</td>")
        .contains("<th scope=\"row\">Added for complaints</th><td>2</td>")
        .contains(
            "<th scope=\"row\">Dead-letter queue depth</th><td>not measured (its alarm watches it)</td>")
        .contains(
            "<td class=\"move\"><span class=\"level level-healthy\">healthy</span> → "
                + "<span class=\"level level-review\">review</span></td>")
        .contains("<td class=\"time\">2026-03-18 10:00</td>")
        // The account's 7-day bounce rate went from 1% to 6%.
        .contains("<td class=\"num\">+5.00 pp</td>")
        .doesNotContain("<pre");
  }

  @Test
  void chart_breaksTheLineOnDaysWithoutSends_andMarksDaysAboveTheScale() {
    String html = renderer.html(report(List.of(), List.of()));
    String account =
        html.substring(
            html.indexOf("<svg class=\"rate-chart\" data-scope=\"account\""),
            html.indexOf("</svg>"));
    String bounce = account.substring(0, account.indexOf("Complaint rate per day"));
    // The line restarts after the day without sends: two segments, each starting with M.
    String path = bounce.replaceAll("(?s).*<path class=\"rate\"[^>]* d=\"([^\"]*)\".*", "$1");
    assertThat(path.split("M", -1)).hasSize(3);
    // 60% is far above 1.5 × the 10% pause line: drawn as a triangle on the top edge.
    assertThat(bounce)
        .contains("class=\"above-scale\"")
        .contains("15.00%")
        .contains("pause 10.00%");
    // A scope without a daily series still has its chart, saying so.
    assertThat(html).contains("no eligible sends in these 30 days");
    assertThat(html.split("<svg class=\"rate-chart\"", -1)).hasSize(3);
  }

  @Test
  void markdown_usesSentencesAndTables_neverJavaToString() {
    String md = renderer.markdown(report(List.of(LEVEL_ALERT), List.of(HOSTILE_RESUME)));
    assertThat(md)
        .contains("Added this week: 25 bounces, 2 complaints (3 escalated from soft bounces)")
        .contains(
            "| 2026-03-18 10:00 | level | account | healthy → review | 7d |"
                + " account REVIEW, bounce 6% (7d, was healthy) |")
        // A pipe inside a cell is escaped so the row keeps its columns.
        .contains("<script>alert(1)</script> \\| list cleaned |")
        .contains("| dead-letter queue depth | not measured (its alarm watches it) |")
        .doesNotContain("{")
        .doesNotContain("=");
  }

  @Test
  void sesOwnFigures_standBesideTheGuardians_orSayTheyWereNotRead() {
    WeeklyReport local = report(List.of(), List.of());
    WeeklyReport read =
        new WeeklyReport(
            local.version(),
            local.week(),
            local.from(),
            local.to(),
            local.account(),
            local.rates(),
            local.previous(),
            local.daily(),
            local.suppressions(),
            local.handling(),
            local.alerts(),
            local.actions(),
            local.canaries(),
            local.scopeDaily(),
            new SesReading(
                true,
                Map.of(
                    "account",
                    new SesFigures(0.012, 0.0004, Instant.parse("2026-03-22T23:00:00Z")))));

    assertThat(renderer.markdown(local)).contains("Reputation.ComplaintRate): not read");
    assertThat(renderer.json(local)).contains("\"read\" : false");
    assertThat(renderer.markdown(read))
        .contains("account bounce 1.20%, complaint 0.04% (at 2026-03-22 23:00)")
        .doesNotContain("not read");
    assertThat(renderer.json(read))
        .contains("\"read\" : true")
        .contains("\"bounceRate\" : 0.012")
        .contains("\"complaintRate\" : 4.0E-4");
    assertThat(renderer.html(read)).contains("account bounce 1.20%");
  }

  @Test
  void json_takesTheLevelsFromTheAlertsMove_notFromItsText() {
    // Text the old parser cannot read: the levels can only come from the move itself.
    Alert resolved =
        new Alert(
            "level",
            "SES guardian: reworded subject",
            "Reworded body.",
            Instant.parse("2026-03-19T10:00:00Z"),
            Optional.of(
                new LevelMove(
                    Scope.configurationSet("news"),
                    LevelMove.Metric.COMPLAINT,
                    Level.CRITICAL,
                    Level.HEALTHY,
                    Window.D30)));

    String json = renderer.json(report(List.of(resolved), List.of()));

    assertThat(json)
        .contains("\"scope\" : \"configset:news\"")
        .contains("\"fromLevel\" : \"critical\"")
        .contains("\"toLevel\" : \"healthy\"")
        .contains("\"window\" : \"30d\"")
        .contains("\"resolved\" : true");
  }

  @Test
  void json_addsTheAlertsLevels_andKeepsItsShape() {
    String json = renderer.json(report(List.of(LEVEL_ALERT), List.of()));
    assertThat(json)
        .contains("\"subject\" : \"SES guardian: account REVIEW, bounce 6% (7d, was healthy)\"")
        .contains("\"fromLevel\" : \"healthy\"")
        .contains("\"toLevel\" : \"review\"")
        .contains("\"window\" : \"7d\"")
        .contains("\"added\" : {")
        .contains("\"deadLetterDepth\" : null");
  }

  @Test
  void theAccountSnapshot_showsSesProductionAccessReviewAndItsCase() {
    WeeklyReport r =
        report(
            List.of(),
            List.of(),
            new io.sesguardian.domain.monitor.AccountStatus(
                "HEALTHY",
                true,
                false,
                200,
                12,
                new io.sesguardian.domain.monitor.AccountStatus.Review("PENDING", "17700000001")));
    ReportRenderer renderer = new ReportRenderer(Thresholds.DEFAULT);
    assertThat(renderer.html(r))
        .contains("Production-access review")
        .contains("PENDING (case 17700000001)");
    assertThat(renderer.markdown(r)).contains("| no (sandbox) | PENDING (case 17700000001) |");
    assertThat(renderer.json(r)).contains("\"caseId\" : \"17700000001\"");
  }
}
