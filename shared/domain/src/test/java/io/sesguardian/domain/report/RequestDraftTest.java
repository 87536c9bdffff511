/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.AccountStatus;
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
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDraftTest {

  private static WeeklyReport report() {
    return report(150, 2, Level.HEALTHY, Level.HEALTHY, null);
  }

  private static WeeklyReport report(
      long bounces,
      long complaints,
      Level bounceLevel,
      Level complaintLevel,
      AccountStatus account) {
    Instant from = Instant.parse("2026-03-16T00:00:00Z");
    List<WeeklyReport.DailyRate> daily = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long sends = i < 16 ? 1000 : i < 23 ? 1000 : 1200; // the last week grew by 20%
      if (i == 27) {
        sends = 2000; // the peak
      }
      daily.add(
          new WeeklyReport.DailyRate(
              LocalDate.parse("2026-02-21").plusDays(i), sends, 5, 0, 5.0 / sends, 0));
    }
    Instant to = from.plus(Duration.ofDays(7));
    WindowRates thirty =
        new WindowRates(
            Window.D30,
            to.minus(Duration.ofDays(30)),
            to,
            33_200,
            bounces,
            complaints,
            bounces / 33_200.0,
            complaints / 33_200.0,
            bounceLevel,
            complaintLevel,
            bounceLevel.compareTo(complaintLevel) >= 0 ? bounceLevel : complaintLevel,
            false,
            33_200,
            Denominator.SEND);
    ScopeRates accountRates = new ScopeRates(Scope.ACCOUNT, thirty.level(), List.of(thirty));
    WeeklyReport.Latency latency =
        new WeeklyReport.Latency(
            35, Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(40));
    return new WeeklyReport(
        1,
        "2026-W12",
        from,
        to,
        account,
        List.of(accountRates),
        accountRates,
        daily,
        new WeeklyReport.SuppressionChanges(Map.of("BOUNCE", 35L), 1, 0, 812),
        new WeeklyReport.Handling(20_000, 12, 0, latency, latency, 0, 0L),
        List.of(),
        List.of(),
        "none",
        List.of(),
        SesReading.NOT_READ);
  }

  @Test
  void withoutTeamAnswers_theDraftHasMeasuredFactsAndNamedPlaceholders() {
    RequestDraft draft = RequestDraft.write(report(), RequestDraft.TeamAnswers.NONE);
    assertThat(draft.missing())
        .containsExactly(
            "mail type (MARKETING or TRANSACTIONAL)",
            "website URL",
            "how your list is built",
            "how recipients unsubscribe",
            "what you send and to whom");
    assertThat(draft.text())
        .contains("<<TO FILL IN: how your list is built>>")
        .contains("35 addresses were suppressed")
        .contains("median time from SES's event to the suppression being recorded was 2 s")
        .contains("bounce rate was 0.45%")
        .contains("Suppressed addresses on our list: 812");
    // Peak 2,000 a day, growth 1,314/1,000 (the last 7 days include the peak), 50% headroom.
    assertThat(draft.requestedQuota()).isEqualTo(4000);
    assertThat(draft.text()).contains("busiest day in the last 30 days had 2000 eligible sends");
  }

  @Test
  void teamAnswers_fillTheDraft_andTheCommandIsShellQuotedButNeverRun() {
    RequestDraft draft =
        RequestDraft.write(
            report(),
            new RequestDraft.TeamAnswers(
                "TRANSACTIONAL",
                "https://shop.example",
                "Customers' own addresses, confirmed by double opt-in.",
                "Every message has a one-click unsubscribe link (RFC 8058).",
                "Order confirmations and shipping notices for shop.example.",
                "ops@shop.example"));
    assertThat(draft.missing()).isEmpty();
    assertThat(draft.verdict()).isEqualTo(RequestDraft.Verdict.READY);
    assertThat(draft.channel()).isEqualTo(RequestDraft.Channel.PRODUCTION_ACCESS);
    assertThat(draft.commands())
        .singleElement()
        .asString()
        .startsWith(
            "aws sesv2 put-account-details --production-access-enabled --mail-type 'TRANSACTIONAL'")
        .contains("--website-url 'https://shop.example'")
        .contains("Customers'\\''")
        .contains("--additional-contact-email-addresses 'ops@shop.example'");
    assertThat(RequestDraft.roundUp(3_943)).isEqualTo(4_000);
    assertThat(RequestDraft.roundUp(50)).isEqualTo(50);
  }

  @Test
  void theDraft_readsTheSameInAnyDefaultLocale() {
    // `guardian request-draft` writes it on its user's machine, for a request to AWS in English:
    // no Arabic-Indic digits (ar-EG) and no decimal commas (de-DE). The domain module cannot use
    // the test kit's DefaultLocale (the kit depends on it), hence the local switch.
    String expected = RequestDraft.write(report(), COMPLETE, LIVE).text();
    assertThat(expected).contains("0.45%").contains("a day against");
    Locale saved = Locale.getDefault();
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    try {
      for (Locale locale : List.of(Locale.forLanguageTag("ar-EG"), Locale.GERMANY)) {
        Locale.setDefault(locale);
        assertThat(RequestDraft.write(report(), COMPLETE, LIVE).text())
            .as(locale.toString())
            .isEqualTo(expected);
      }
    } finally {
      Locale.setDefault(saved);
      Locale.setDefault(Locale.Category.FORMAT, format);
    }
  }

  private static final RequestDraft.TeamAnswers COMPLETE =
      new RequestDraft.TeamAnswers(
          "marketing",
          "https://shop.example",
          "Double opt-in sign-up form.",
          "One-click unsubscribe link.",
          "Weekly newsletter for shop.example customers.",
          null,
          20.0);

  private static final RequestDraft.Context LIVE =
      new RequestDraft.Context(Thresholds.DEFAULT, true, false);

  @Test
  void atTheReviewLevel_theDraftSaysWhatToFixFirst_andGivesNoCommand() {
    // 5.06% bounces and 0.51% complaints over 30 days: SES's review and pause levels.
    RequestDraft draft =
        RequestDraft.write(report(1_680, 170, Level.REVIEW, Level.PAUSE, null), COMPLETE, LIVE);
    assertThat(draft.verdict()).isEqualTo(RequestDraft.Verdict.NOT_HEALTHY);
    assertThat(draft.commands()).isEmpty();
    assertThat(draft.problems())
        .hasSize(2)
        .anySatisfy(
            p -> assertThat(p).contains("30d bounce rate is 5.06%").contains("fix it first"))
        .anySatisfy(p -> assertThat(p).contains("30d complaint rate is 0.51%"));
    assertThat(draft.text()).doesNotContain("well before");
  }

  @Test
  void force_givesTheCommandAnyway_markedForced() {
    RequestDraft draft =
        RequestDraft.write(
            report(1_680, 2, Level.REVIEW, Level.HEALTHY, null),
            COMPLETE,
            new RequestDraft.Context(Thresholds.DEFAULT, true, true));
    assertThat(draft.verdict()).isEqualTo(RequestDraft.Verdict.FORCED);
    assertThat(draft.commands())
        .singleElement()
        .asString()
        .startsWith("aws sesv2 put-account-details");
    assertThat(draft.problems()).singleElement().asString().contains("bounce rate is 5.06%");
  }

  @Test
  void placeholders_giveTheDraftAndWhatToFillIn_butNoCommand() {
    RequestDraft draft = RequestDraft.write(report(), RequestDraft.TeamAnswers.NONE, LIVE);
    assertThat(draft.verdict()).isEqualTo(RequestDraft.Verdict.INCOMPLETE);
    assertThat(draft.commands()).isEmpty();
    assertThat(draft.missing()).hasSize(5);
    assertThat(draft.text()).contains("<<TO FILL IN: how your list is built>>");
  }

  @Test
  void mailTypeIsUpperCased_andAnUnknownOneOrAPlainHttpSiteIsRefused() {
    RequestDraft draft = RequestDraft.write(report(), COMPLETE, LIVE);
    assertThat(draft.commands()).singleElement().asString().contains("--mail-type 'MARKETING'");
    RequestDraft bad =
        RequestDraft.write(
            report(),
            new RequestDraft.TeamAnswers(
                "newsletters", "http://shop.example", "a", "b", "c", null, null),
            LIVE);
    assertThat(bad.verdict()).isEqualTo(RequestDraft.Verdict.INCOMPLETE);
    assertThat(bad.commands()).isEmpty();
    assertThat(bad.problems())
        .anySatisfy(p -> assertThat(p).contains("mailType \"newsletters\""))
        .anySatisfy(p -> assertThat(p).contains("https://"));
  }

  @Test
  void withProductionAccess_theRequestGoesThroughServiceQuotas() {
    AccountStatus production = new AccountStatus("HEALTHY", true, true, 50_000, 1_000);
    RequestDraft draft =
        RequestDraft.write(
            report(150, 2, Level.HEALTHY, Level.HEALTHY, production), COMPLETE, LIVE);
    assertThat(draft.channel()).isEqualTo(RequestDraft.Channel.SERVICE_QUOTAS);
    assertThat(draft.commands())
        .containsExactly(
            "aws service-quotas request-service-quota-increase --service-code ses --quota-code"
                + " L-804C8AE8 --desired-value 4000",
            "aws service-quotas request-service-quota-increase --service-code ses --quota-code"
                + " L-CDEF9B6B --desired-value 20");
  }

  @Test
  void whileAReviewIsPending_thereIsNoDraft() {
    AccountStatus pending =
        new AccountStatus(
            "HEALTHY", true, false, 200, 10, new AccountStatus.Review("PENDING", "17700000001"));
    RequestDraft draft =
        RequestDraft.write(report(150, 2, Level.HEALTHY, Level.HEALTHY, pending), COMPLETE, LIVE);
    assertThat(draft.verdict()).isEqualTo(RequestDraft.Verdict.REVIEW_PENDING);
    assertThat(draft.text()).isEmpty();
    assertThat(draft.commands()).isEmpty();
    assertThat(draft.problems()).singleElement().asString().contains("PENDING (case 17700000001)");
  }

  @Test
  void replayedEvents_areNotCitedAsHandlingTimes() {
    RequestDraft draft =
        RequestDraft.write(
            report(), COMPLETE, new RequestDraft.Context(Thresholds.DEFAULT, false, false));
    assertThat(draft.text())
        .contains("not measured, these events were replayed")
        .doesNotContain("median time");
  }
}
