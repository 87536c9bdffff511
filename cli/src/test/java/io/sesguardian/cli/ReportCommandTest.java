/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.testkit.Fixtures;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guardian report} on the local store; its HTML page and PDF through headless Chromium. */
class ReportCommandTest {

  @TempDir Path dir;
  private String state;

  @BeforeEach
  void replay() {
    state = dir.resolve("state").toString();
    CliRun.of("replay", "--state", state, Fixtures.repoRoot().resolve("events").toString());
  }

  @Test
  void jsonReport_isOneVersionedDocumentSayingTheSnapshotWasNotTaken() throws Exception {
    CliRun run = CliRun.of("report", "--state", state, "--week", "2026-W12", "--format", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode doc = run.json();
    assertThat(doc.get("version").asInt()).isEqualTo(1);
    assertThat(doc.get("week").asText()).isEqualTo("2026-W12");
    assertThat(doc.at("/account/taken").asBoolean()).isFalse();
    assertThat(doc.get("daily")).hasSize(30);
    assertThat(doc.at("/suppressions/added/BOUNCE").asInt()).isPositive();
    assertThat(doc.get("rates").get(0).get("scope").asText()).isEqualTo("account");
  }

  @Test
  void badWeekOrFormat_isAUsageError() {
    assertThat(CliRun.of("report", "--state", state, "--week", "2026-12").err())
        .contains("not an ISO week such as 2026-W12");
    assertThat(CliRun.of("report", "--state", state, "--format", "docx").exit()).isEqualTo(2);
    CliRun pdf = CliRun.of("report", "--state", state, "--format", "pdf");
    assertThat(pdf.exit()).isEqualTo(2);
    assertThat(pdf.err()).contains("--format pdf needs --output FILE");
  }

  @Test
  void outputIntoAMissingFolderOrOntoAFolder_isAOneLineUsageError_andWritesNothing() {
    Path missing = dir.resolve("no-such-folder").resolve("report.html");
    CliRun run =
        CliRun.of("report", "--state", state, "--format", "html", "--output", missing.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("does not exist; create it first").doesNotContain("Exception");
    assertThat(missing.getParent()).doesNotExist();
    CliRun folder = CliRun.of("report", "--state", state, "--output", dir.toString());
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err()).contains("is a folder");
  }

  @Test
  void htmlReport_isTablesAndOneChartPerScope_withoutRawMarkdownOrToString() throws Exception {
    evaluateDuringWeek12();
    JsonNode doc =
        CliRun.of("report", "--state", state, "--week", "2026-W12", "--format", "json").json();
    assertThat(doc.get("alerts")).isNotEmpty();
    String page = html();

    assertThat(count(page, "<table")).isGreaterThanOrEqualTo(doc.get("rates").size() + 4);
    assertThat(count(page, "<svg class=\"rate-chart\"")).isEqualTo(doc.get("rates").size());
    for (JsonNode scope : doc.get("rates")) {
      assertThat(page).contains("data-scope=\"" + scope.get("scope").asText() + "\"");
    }
    assertThat(count(page, "<tr class=\"alert\">")).isEqualTo(doc.get("alerts").size());
    JsonNode first = doc.get("alerts").get(0);
    assertThat(page)
        .contains("<td>" + first.get("scope").asText() + "</td>")
        .contains(
            "<span class=\"level level-%s\">%s</span> → <span class=\"level level-%s\">"
                .formatted(
                    first.get("fromLevel").asText(),
                    first.get("fromLevel").asText(),
                    first.get("toLevel").asText()));
    assertThat(page).contains("@page{size:A4").contains("Snapshot not taken");
    // Self-contained: nothing is loaded from elsewhere, nothing needs a script.
    assertThat(page)
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("@import")
        .doesNotContain("<script")
        .doesNotContain("<pre");
    assertNoRawMarkdown(visibleText(page));
  }

  @Test
  void htmlReport_rendersInHeadlessChromium_withTablesChartsAndNoRawMarkdown() throws Exception {
    evaluateDuringWeek12();
    String page = html();
    Path chromium = chromiumOrSkip();
    Path file = dir.resolve("report.html");

    // The DOM as Chromium parsed it: the tables and charts are real elements, not text.
    String dom = run(chromium, "--dump-dom", file.toUri().toString());
    assertThat(count(dom, "<table")).isEqualTo(count(page, "<table"));
    assertThat(count(dom, "<svg class=\"rate-chart\""))
        .isEqualTo(count(page, "<svg class=\"rate-chart\""));
    assertThat(count(dom, "<tr class=\"alert\">")).isPositive();
    assertNoRawMarkdown(visibleText(dom));

    Path png = dir.resolve("report.png");
    run(chromium, "--window-size=1200,5000", "--screenshot=" + png, file.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    int rateLine = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.abs(r - 0x1f) < 40 && Math.abs(g - 0x5f) < 40 && Math.abs(b - 0xbf) < 40) {
          rateLine++;
        }
      }
    }
    // The daily rate lines and their day markers are drawn in #1f5fbf, nothing else is.
    assertThat(rateLine).as("pixels of the rate lines").isGreaterThan(1000);
  }

  @Test
  void pdfReport_isPrintedOnA4ByHeadlessChromium() throws Exception {
    evaluateDuringWeek12();
    chromiumOrSkip();
    Path pdf = dir.resolve("report.pdf");
    CliRun run =
        CliRun.of(
            "report",
            "--state",
            state,
            "--week",
            "2026-W12",
            "--format",
            "pdf",
            "--output",
            pdf.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("wrote " + pdf.toAbsolutePath());
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(bytes.length).as("PDF size").isGreaterThan(30_000);
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    // Every page is A4 (595 × 842 pt), as the page's @page rule asks, and the week needs several.
    Matcher boxes = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(raw);
    int pages = 0;
    while (boxes.find()) {
      pages++;
      assertThat(Double.parseDouble(boxes.group(1))).isCloseTo(595, within(1.0));
      assertThat(Double.parseDouble(boxes.group(2))).isCloseTo(842, within(1.0));
    }
    assertThat(pages).isGreaterThanOrEqualTo(2);
  }

  /** Evaluates the monitor during 2026-W12 as the deployed schedule would, so alerts exist. */
  private void evaluateDuringWeek12() {
    for (String at : List.of("2026-03-16T12:00:00Z", "2026-03-19T12:00:00Z")) {
      CliRun status = CliRun.of("status", "--state", state, "--at", at);
      assertThat(status.exit()).as(status.err()).isIn(0, 1);
    }
  }

  private String html() throws Exception {
    Path html = dir.resolve("report.html");
    CliRun run =
        CliRun.of(
            "report",
            "--state",
            state,
            "--week",
            "2026-W12",
            "--format",
            "html",
            "--output",
            html.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    return Files.readString(html);
  }

  /** The page's text as a reader sees it: no style sheet, tags as line breaks, entities decoded. */
  static List<String> visibleText(String html) {
    String text =
        html.replaceAll("(?s)<style.*?</style>", "")
            .replaceAll("(?s)<title>.*?</title>", "")
            .replaceAll("<[^>]*>", "\n")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static void assertNoRawMarkdown(List<String> lines) {
    assertThat(lines).isNotEmpty().contains("Alerts", "Suppression list", "Handling");
    assertThat(lines)
        .as("visible text")
        .noneMatch(l -> l.startsWith("|") || l.startsWith("#") || l.startsWith("- "))
        .noneMatch(l -> l.matches(".*\\{[^}]*=[^}]*\\}.*"))
        .noneMatch(l -> l.contains("---"));
  }

  private static int count(String s, String what) {
    return s.split(Pattern.quote(what), -1).length - 1;
  }

  private Path chromiumOrSkip() {
    try {
      return ChromiumPdf.locate(System.getenv());
    } catch (ChromiumPdf.ChromiumException e) {
      // A browser named explicitly but unusable is a broken setup, not an absent browser.
      assertThat(System.getenv(ChromiumPdf.ENV)).as(e.getMessage()).isNull();
      assumeTrue(
          false,
          "skipped: Chromium is not installed (.ci/run installs the Debian package 'chromium'): "
              + e.getMessage());
      throw new AssertionError(e);
    }
  }

  /** Runs headless Chromium on its own profile; returns what it printed on stdout. */
  private String run(Path chromium, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    return Files.readString(out);
  }
}
