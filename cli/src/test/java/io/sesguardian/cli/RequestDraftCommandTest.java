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
  void withoutAnswers_printsTheDraftWithPlaceholders_saysWhichFileToCreate_andGivesNoCommand() {
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
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("1. How we build our list. <<TO FILL IN: how your list is built>>")
        .contains("2. How we handle bounces and complaints.")
        .doesNotContain("aws sesv2 put-account-details");
    assertThat(run.err())
        .contains("Create " + dir.resolve("none.json"))
        .contains("\"listBuilding\"")
        .contains("no submit command until the answers are complete");
  }

  @Test
  void withAnswers_anAccountAtSesReviewLevel_getsNoCommandUntilForced() throws Exception {
    // The sample events of 2026-W12 hold far more hard bounces than sends: review level.
    String state = dir.resolve("state").toString();
    CliRun.of("replay", "--state", state, Fixtures.repoRoot().resolve("events").toString());
    Path answers = dir.resolve("answers.json");
    Files.writeString(
        answers,
        "{\"mailType\":\"transactional\",\"websiteUrl\":\"https://shop.example\","
            + "\"listBuilding\":\"Customers only\",\"unsubscribe\":\"One-click link\","
            + "\"useCase\":\"Receipts\"}");
    String[] args = {
      "request-draft", "--state", state, "--week", "2026-W12", "--answers", answers.toString()
    };
    CliRun refused = CliRun.of(args);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).doesNotContain("aws sesv2");
    assertThat(refused.err())
        .contains("not ready for a request")
        .contains("bounce rate is")
        .contains("--force");
    String[] forcedArgs = java.util.Arrays.copyOf(args, args.length + 1);
    forcedArgs[args.length] = "--force";
    CliRun forced = CliRun.of(forcedArgs);
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forced.err()).contains("WARNING");
    assertThat(forced.out()).doesNotContain("TO FILL IN").contains("--mail-type 'TRANSACTIONAL'");
    Files.writeString(answers, "[1]");
    assertThat(CliRun.of("request-draft", "--state", state, "--answers", answers.toString()).exit())
        .isEqualTo(2);
  }
}
