/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestDraftCommandTest {

  @TempDir Path dir;

  @Test
  void withoutAnswers_printsTheDraftWithPlaceholders_andSaysWhichFileToCreate() {
    String state = dir.resolve("state").toString();
    CliRun.of("replay", "--state", state, Fixtures.repoRoot().resolve("events").toString());
    CliRun run =
        CliRun.of(
            "request-draft",
            "--state",
            state,
            "--week",
            "2026-W12",
            "--answers",
            dir.resolve("none.json").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("1. How we build our list. <<TO FILL IN: how your list is built>>")
        .contains("2. How we handle bounces and complaints.")
        .contains("aws sesv2 put-account-details --production-access-enabled");
    assertThat(run.err())
        .contains("Create " + dir.resolve("none.json"))
        .contains("\"listBuilding\"");
  }

  @Test
  void withAnswers_thereAreNoPlaceholders() throws Exception {
    String state = dir.resolve("state").toString();
    CliRun.of("replay", "--state", state, Fixtures.repoRoot().resolve("events").toString());
    Path answers = dir.resolve("answers.json");
    Files.writeString(
        answers,
        "{\"mailType\":\"TRANSACTIONAL\",\"websiteUrl\":\"https://shop.example\","
            + "\"listBuilding\":\"Customers only\",\"unsubscribe\":\"One-click link\","
            + "\"useCase\":\"Receipts\"}");
    CliRun run =
        CliRun.of(
            "request-draft",
            "--state",
            state,
            "--week",
            "2026-W12",
            "--answers",
            answers.toString());
    assertThat(run.out()).doesNotContain("TO FILL IN").contains("--mail-type 'TRANSACTIONAL'");
    assertThat(run.err()).isEmpty();
    Files.writeString(answers, "[1]");
    assertThat(CliRun.of("request-draft", "--state", state, "--answers", answers.toString()).exit())
        .isEqualTo(2);
  }
}
