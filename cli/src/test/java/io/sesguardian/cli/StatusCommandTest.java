/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guardian status} on the local store. */
class StatusCommandTest {

  @TempDir Path dir;

  @Test
  void statusAfterReplay_printsOneDocumentWithEveryScopeAndWindow_andWritesAlertsLocally()
      throws Exception {
    String state = dir.resolve("state").toString();
    CliRun.of("replay", "--state", state, Fixtures.repoRoot().resolve("events").toString());
    CliRun run = CliRun.of("status", "--json", "--state", state, "--at", "2026-03-21T00:00:00Z");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode doc = run.json();
    assertThat(doc.get("level").asText()).isEqualTo("pause");
    List<String> scopes = new ArrayList<>();
    doc.get("scopes").forEach(s -> scopes.add(s.get("scope").asText()));
    assertThat(scopes.get(0)).isEqualTo("account");
    assertThat(scopes).contains("configset:marketing", "domain:example.com");
    assertThat(scopes).noneMatch(s -> s.startsWith("recipient:"));
    JsonNode account = doc.get("scopes").get(0);
    List<String> windows = new ArrayList<>();
    account.get("windows").forEach(w -> windows.add(w.get("window").asText()));
    assertThat(windows).containsExactly("24h", "7d", "30d", "volume");
    JsonNode day = account.get("windows").get(0);
    assertThat(day.fieldNames())
        .toIterable()
        .containsExactly(
            "window",
            "eligibleSends",
            "complaintEligibleSends",
            "denominator",
            "bounces",
            "complaints",
            "bounceRate",
            "complaintRate",
            "level",
            "lowVolume");
    // The sample events' last day holds bounces but no Send or Delivery event: no denominator,
    // so the bounces are shown and not turned into a rate (issue 11).
    assertThat(day.get("denominator").asText()).isEqualTo("none");
    assertThat(day.get("bounces").asLong()).isPositive();
    assertThat(day.get("bounceRate").isNull()).isTrue();
    assertThat(day.get("level").asText()).isEqualTo("unknown");
    assertThat(day.get("lowVolume").asBoolean()).isTrue();

    // One alert per scope that left healthy for a rated level; a scope without a denominator
    // (unknown) is announced only for the account.
    long rated = 0;
    for (JsonNode s : doc.get("scopes")) {
      String level = s.get("level").asText();
      rated += level.equals("healthy") || level.equals("unknown") ? 0 : 1;
    }
    assertThat(rated).isPositive();
    Path alerts = Path.of(state, "alerts.jsonl");
    assertThat(Files.readAllLines(alerts)).hasSize((int) rated);
    assertThat(run.err()).contains("ALERT SES guardian: account PAUSE");

    // The same evaluation again announces nothing new.
    CliRun.of("status", "--state", state, "--at", "2026-03-21T00:00:00Z");
    assertThat(Files.readAllLines(alerts)).hasSize((int) rated);
  }

  @Test
  void badInstant_isAUsageErrorNamingTheFormat() {
    CliRun.of(
        "replay", "--state", dir.toString(), Fixtures.repoRoot().resolve("events/sqs").toString());
    CliRun run = CliRun.of("status", "--state", dir.toString(), "--at", "yesterday");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--at yesterday is not an ISO-8601 instant");
  }

  @Test
  void resumeWithoutAws_isAUsageErrorThatSaysWhy() {
    CliRun run = CliRun.of("resume", "configset:marketing", "--by", "ana", "--reason", "fixed");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("resume acts on SES");
  }

  @Test
  void readinessWithoutAws_isAUsageErrorThatSaysWhatItReads() {
    CliRun run = CliRun.of("readiness", "--domain", "example.com", "--topic", "arn:x");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("readiness reads SES and the deployed stack");
  }
}
