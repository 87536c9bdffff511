/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.testkit.Fixtures;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guardian report} on the local store, and its HTML chart rendered by headless Chromium. */
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
    assertThat(CliRun.of("report", "--state", state, "--format", "pdf").exit()).isEqualTo(2);
  }

  @Test
  void htmlReport_drawsTheDailyRateChartInHeadlessChromium() throws Exception {
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
    String page = Files.readString(html);
    assertThat(page).contains("<svg id=\"bounce-chart\"").contains("<polyline class=\"rate\"");
    // No network needed: nothing is loaded from elsewhere.
    assertThat(page).doesNotContain("src=").doesNotContain("href=").doesNotContain("@import");

    String chromium = chromium();
    assumeTrue(
        chromium != null,
        "skipped: Chromium is not installed (.ci/run installs the Debian package 'chromium')");
    Path png = dir.resolve("report.png");
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=900,900",
                "--screenshot=" + png,
                html.toUri().toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(png).exists();
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
    // The two 30-day rate lines (3 px wide, ~650 px long each) are drawn in #1f5fbf.
    assertThat(rateLine).as("pixels of the rate lines").isGreaterThan(1000);
  }

  private static String chromium() {
    for (String candidate :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (new File(candidate).canExecute()) {
        return candidate;
      }
    }
    return null;
  }
}
