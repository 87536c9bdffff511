/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.report.ReportRenderer;
import io.sesguardian.domain.report.WeeklyReport;
import io.sesguardian.domain.report.WeeklyReports;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.SuppressionSync;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A scripted five-week scenario on an injected clock — steady traffic, a bounce spike in week 4
 * that reaches SES's review level and pauses the marketing configuration set, recovery in week 5 —
 * and the weekly report of week 4 compared with committed golden files (JSON and Markdown). Set
 * {@code UPDATE_GOLDEN=1} to rewrite them after an intended change, then review the diff.
 */
class WeeklyReportGoldenTest {

  private static final Instant START = Instant.parse("2026-02-02T00:00:00Z"); // Monday, 2026-W06
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void fiveWeekScenario_producesTheGoldenWeeklyReport_inAnyDefaultLocale() throws Exception {
    MutableClock clock = new MutableClock(START);
    InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
    InMemoryMonitorStore monitorStore = new InMemoryMonitorStore(feedback);
    List<Alert> alerts = new CopyOnWriteArrayList<>();
    StubSesAccount account = new StubSesAccount();
    MonitorPolicy policy =
        new MonitorPolicy(Thresholds.DEFAULT, Level.REVIEW, Set.of("marketing"), null, 0.8);
    ReputationMonitor monitor = new ReputationMonitor(monitorStore, alerts::add, account, policy);
    StubSesSuppressionList ses = new StubSesSuppressionList(clock).suppressedReasons();
    SuppressionSync sync =
        new SuppressionSync(
            feedback,
            feedback,
            ses,
            new Pacer(clock, clock.sleeper(), Duration.ofSeconds(1)),
            clock,
            SuppressionSync.Settings.DEFAULT.withoutImport());
    IngestService ingest = new IngestService(feedback, IngestPolicy.DEFAULT, clock);
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    Random random = new Random(5);

    for (int day = 0; day < 35; day++) {
      Instant midnight = START.plus(Duration.ofDays(day));
      boolean spike = day >= 22 && day <= 24; // week 4, Wednesday to Friday
      int sends = 400;
      int bounces = spike ? 36 : random.nextInt(4);
      int complaints = day == 33 ? 1 : 0; // one complaint, in week 5
      List<Normalized> docs = new ArrayList<>();
      for (int i = 0; i < sends; i++) {
        Instant t = midnight.plusSeconds(36_000 + i * 60L);
        String id = "d" + day + "m" + i;
        String to = (i < bounces ? "gone" : "user") + i + "-" + day + "@example.com";
        docs.add(normalizer.normalize(id, send(id, to, t)));
        if (i < bounces) {
          docs.add(normalizer.normalize(id, bounce(id, to, t.plusSeconds(5))));
        } else {
          docs.add(normalizer.normalize(id, delivery(id, to, t.plusSeconds(3))));
        }
        if (i >= bounces && i < bounces + complaints) {
          docs.add(normalizer.normalize(id, complaint(id, to, t.plusSeconds(900))));
        }
      }
      clock.set(midnight.plus(Duration.ofHours(23)));
      for (int from = 0; from < docs.size(); from += 50) {
        assertThat(ingest.ingest(docs.subList(from, Math.min(docs.size(), from + 50))).stored())
            .isTrue();
      }
      monitor.evaluate(clock.instant());
      try {
        sync.run(clock.instant().plus(Duration.ofMinutes(30)));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    WeeklyReport report =
        new WeeklyReports(feedback, monitorStore, monitor.reader(), Thresholds.DEFAULT)
            .build("2026-W09", account.status(), 0L, "none: canaries are not enabled");
    ReportRenderer renderer = new ReportRenderer(Thresholds.DEFAULT);
    assertThat(report.actions()).extracting(a -> a.target()).containsExactly("configset:marketing");
    // Two independent sources agree: suppression entries and the hourly counters' daily series.
    assertThat(report.suppressions().added().get("BOUNCE"))
        .isEqualTo(bouncesInWeek(report))
        .isGreaterThanOrEqualTo(108);
    assertThat(report.handling().toSes().count()).isPositive();
    golden("weekly-2026-W09.json", renderer.json(report));
    golden("weekly-2026-W09.md", renderer.markdown(report));
    // The CLI renders reports on its user's machine: neither Arabic-Indic digits nor a decimal
    // comma may leak in from the default locale.
    for (Locale locale : List.of(DefaultLocale.ARABIC_DIGITS, DefaultLocale.DECIMAL_COMMA)) {
      assertThat(DefaultLocale.during(locale, () -> renderer.json(report)))
          .as("JSON under " + locale)
          .isEqualTo(renderer.json(report));
      assertThat(DefaultLocale.during(locale, () -> renderer.markdown(report)))
          .as("Markdown under " + locale)
          .isEqualTo(renderer.markdown(report));
      assertThat(DefaultLocale.during(locale, () -> renderer.html(report)))
          .as("HTML under " + locale)
          .isEqualTo(renderer.html(report));
    }

    // The HTML page is checked for structure, not byte for byte (its chart coordinates are not
    // worth a golden file); it is left in target/ to open in a browser.
    String html = renderer.html(report);
    Files.writeString(Path.of("target/weekly-2026-W09.html"), html, StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<table class=\"alerts\">")
        .contains("<span class=\"level level-healthy\">healthy</span> → ")
        .contains("<td>configset:marketing</td>")
        .contains("@page{size:A4")
        .doesNotContain("<pre")
        .doesNotContain("=113}");
    assertThat(html.split("<svg class=\"rate-chart\"", -1)).hasSize(report.rates().size() + 1);
    assertThat(html.split("<tr class=\"alert\">", -1)).hasSize(report.alerts().size() + 1);
    assertThat(report.daily("configset:marketing")).hasSize(30);
  }

  @Test
  void weekIds_areAsciiInAnyDefaultLocale() throws Exception {
    // Week ids are keys (stored reports, the CLI's --week): Arabic-Indic digits would be a new key.
    assertThat(DefaultLocale.during(DefaultLocale.ARABIC_DIGITS, () -> WeeklyReports.weekOf(START)))
        .isEqualTo("2026-W06");
  }

  /** Counted hard bounces in the report's week, from the daily series. */
  private static long bouncesInWeek(WeeklyReport report) {
    return report.daily().stream()
        .filter(
            d ->
                !d.day().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().isBefore(report.from()))
        .filter(
            d -> d.day().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().isBefore(report.to()))
        .mapToLong(WeeklyReport.DailyRate::bounces)
        .sum();
  }

  private static void golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if ("1".equals(System.getenv("UPDATE_GOLDEN"))) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static String send(String id, String to, Instant t) {
    return ("{\"eventType\":\"Send\",\"send\":{},\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"%s\","
            + "\"source\":\"news@shop.example\",\"destination\":[\"%s\"],"
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}}")
        .formatted(t, id, to);
  }

  private static String delivery(String id, String to, Instant t) {
    return ("{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"%s\",\"recipients\":[\"%s\"]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"%s\",\"source\":\"news@shop.example\","
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}}")
        .formatted(t, to, t, id);
  }

  private static String bounce(String id, String to, Instant t) {
    return ("{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
            + "\"feedbackId\":\"fb-%s\",\"timestamp\":\"%s\",\"bouncedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"%s\",\"source\":\"news@shop.example\","
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}}")
        .formatted(id, t, to, t, id);
  }

  private static String complaint(String id, String to, Instant t) {
    return ("{\"eventType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"fc-%s\",\"timestamp\":\"%s\","
            + "\"complaintFeedbackType\":\"abuse\",\"complainedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"%s\",\"source\":\"news@shop.example\","
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}}")
        .formatted(id, t, to, t, id);
  }
}
