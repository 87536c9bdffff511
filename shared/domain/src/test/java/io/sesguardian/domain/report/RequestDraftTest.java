/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.rates.WindowRates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDraftTest {

  private static WeeklyReport report() {
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
            150,
            2,
            150 / 33_200.0,
            2 / 33_200.0,
            Level.HEALTHY,
            Level.HEALTHY,
            Level.HEALTHY,
            false);
    ScopeRates account = new ScopeRates(Scope.ACCOUNT, Level.HEALTHY, List.of(thirty));
    WeeklyReport.Latency latency =
        new WeeklyReport.Latency(
            35, Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(40));
    return new WeeklyReport(
        1,
        "2026-W12",
        from,
        to,
        null,
        List.of(account),
        account,
        daily,
        new WeeklyReport.SuppressionChanges(Map.of("BOUNCE", 35L), 1, 0, 812),
        new WeeklyReport.Handling(20_000, 12, 0, latency, latency, 0, 0L),
        List.of(),
        List.of(),
        "none");
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
    assertThat(draft.command())
        .startsWith(
            "aws sesv2 put-account-details --production-access-enabled --mail-type 'TRANSACTIONAL'")
        .contains("--website-url 'https://shop.example'")
        .contains("Customers'\\''")
        .contains("--additional-contact-email-addresses 'ops@shop.example'");
    assertThat(RequestDraft.roundUp(3_943)).isEqualTo(4_000);
    assertThat(RequestDraft.roundUp(50)).isEqualTo(50);
  }
}
