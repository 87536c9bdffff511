/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void demo_thenStatusAndReport_showRatesTheIncidentAndItsAlerts() throws Exception {
    String state = dir.resolve("state").toString();
    CliRun demo =
        CliRun.of(
            "demo", "--state", state, "--days", "14", "--sends-per-hour", "15", "--seed", "3");
    assertThat(demo.exit()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("Next:").contains("./guardian status --state " + state);
    // The bought list crosses SES's review level on the marketing set, and the monitor says so.
    assertThat(demo.err()).contains("ALERT").contains("configset:marketing REVIEW");
    assertThat(Files.readAllLines(dir.resolve("state").resolve("alerts.jsonl"))).isNotEmpty();

    JsonNode status = CliRun.of("status", "--json", "--state", state).json();
    JsonNode account = status.get("scopes").get(0);
    assertThat(account.get("scope").asText()).isEqualTo("account");
    JsonNode sevenDays = account.get("windows").get(1);
    assertThat(sevenDays.get("window").asText()).isEqualTo("7d");
    assertThat(sevenDays.get("eligibleSends").asLong()).isGreaterThan(1000);
    assertThat(status.get("scopes")).hasSize(5);

    Path html = dir.resolve("report.html");
    CliRun report =
        CliRun.of("report", "--state", state, "--format", "html", "--output", html.toString());
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(Files.readString(html))
        .contains("<table")
        .contains("<svg")
        .contains("configset:marketing")
        .contains("review");

    CliRun again = CliRun.of("demo", "--state", state);
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already holds a store").contains("--fresh");
  }

  @Test
  void theIncident_fallsInTheLastCompleteWeek_soTheDefaultReportShowsIt() {
    Instant wednesday = DemoCommand.incidentStart(Instant.parse("2026-12-02T02:00:00Z"));
    assertThat(wednesday).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(DemoCommand.incidentStart(Instant.parse("2026-11-30T00:00:01Z")))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
  }
}
