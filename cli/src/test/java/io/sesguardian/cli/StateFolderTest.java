/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state folder is the guardian's own: nothing else in it is ever deleted or misread. */
class StateFolderTest {

  @TempDir Path dir;

  private final String events = Fixtures.repoRoot().resolve("events").toString();

  @Test
  void freshOnAFolderHoldingOtherFiles_isRefused_andDeletesNothing() throws Exception {
    Path state = dir.resolve("work");
    assertThat(CliRun.of("replay", "--state", state.toString(), events).exit()).isZero();
    Path input = state.resolve("my-input.json");
    Files.writeString(input, "{\"keep\": true}");
    long before = Files.size(state.resolve("guardian.db"));

    CliRun run = CliRun.of("replay", "--json", "--fresh", "--state", state.toString(), events);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("--fresh refused, nothing deleted")
        .contains("my-input.json")
        .doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
    assertThat(input).hasContent("{\"keep\": true}");
    assertThat(Files.size(state.resolve("guardian.db"))).isEqualTo(before);
    assertThat(CliRun.of("suppressions", "--json", "--state", state.toString()).json())
        .isNotEmpty();
  }

  @Test
  void freshOnADatabaseThatIsNotTheGuardians_isRefused_andLeavesItAlone() throws Exception {
    Path state = Files.createDirectories(dir.resolve("other"));
    Path db = state.resolve("guardian.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE invoices (id INTEGER)");
    }
    byte[] before = Files.readAllBytes(db);

    CliRun fresh = CliRun.of("replay", "--fresh", "--state", state.toString(), events);
    CliRun plain = CliRun.of("replay", "--state", state.toString(), events);

    assertThat(fresh.exit()).isEqualTo(2);
    assertThat(fresh.err()).contains("is not a guardian store").hasLineCount(1);
    assertThat(plain.exit()).isEqualTo(2);
    assertThat(plain.err()).contains("is not a guardian store").hasLineCount(1);
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void freshOnTheGuardiansOwnFiles_startsEmpty_andKeepsTheFolder() throws Exception {
    Path state = dir.resolve("state");
    CliRun.of("replay", "--state", state.toString(), events);
    CliRun.of("status", "--at", "2026-03-21T00:00:00Z", "--state", state.toString());
    assertThat(state.resolve("alerts.jsonl")).exists();

    CliRun fresh = CliRun.of("replay", "--json", "--fresh", "--state", state.toString(), events);

    assertThat(fresh.exit()).as(fresh.err()).isZero();
    assertThat(fresh.json().get("duplicates").asInt()).isZero();
    assertThat(state.resolve("alerts.jsonl")).doesNotExist();
  }

  @Test
  void stateNamingAFile_isAUsageErrorOnOneLine_forEveryLocalCommand() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

    for (String[] args :
        new String[][] {
          {"replay", "--state", file.toString(), events},
          {"replay", "--fresh", "--state", file.toString(), events},
          {"status", "--state", file.toString()},
          {"suppressions", "--state", file.toString()},
          {"report", "--week", "2026-W12", "--state", file.toString()}
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err()).contains("is a file, not a folder").hasLineCount(1);
    }
    assertThat(file).hasContent("mine");
  }

  @Test
  void storeOfTheOldDynamoDbLocalLayout_saysHowToRebuild_andFreshRebuildsIt() throws Exception {
    Path state = dir.resolve(".guardian");
    Path old = Files.createDirectories(state.resolve("dynamodb"));
    Files.writeString(old.resolve("guardian.db"), "DynamoDB Local's data");

    CliRun status = CliRun.of("status", "--state", state.toString());

    assertThat(status.exit()).isEqualTo(2);
    assertThat(status.err())
        .contains("older guardian (DynamoDB Local")
        .contains("replay --fresh --state " + state)
        .hasLineCount(1);

    CliRun rebuilt = CliRun.of("replay", "--json", "--fresh", "--state", state.toString(), events);

    assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.json().get("items").asInt()).isEqualTo(71);
    assertThat(old).doesNotExist();
    assertThat(CliRun.of("status", "--state", state.toString()).exit()).isZero();
  }

  @Test
  void damagedStore_isNamedAsSuchOnOneLine() throws Exception {
    Path state = dir.resolve("state");
    CliRun.of("replay", "--state", state.toString(), events);
    Path db = state.resolve("guardian.db");
    byte[] bytes = Files.readAllBytes(db);
    // Keep SQLite's header (the guardian's mark), lose the pages behind it.
    Files.write(db, java.util.Arrays.copyOf(bytes, 100));

    CliRun status = CliRun.of("status", "--state", state.toString());

    assertThat(status.exit()).isEqualTo(2);
    assertThat(status.err()).contains(db.toString()).contains("damaged").hasLineCount(1);
  }

  @Test
  void roundTrip_whatReplayStoredIsWhatTheReadingCommandsSee() throws Exception {
    Path state = dir.resolve("state");
    CliRun replay = CliRun.of("replay", "--json", "--state", state.toString(), events);

    CliRun list = CliRun.of("suppressions", "--json", "--state", state.toString());
    CliRun report =
        CliRun.of("report", "--week", "2026-W12", "--format", "json", "--state", state.toString());

    assertThat(list.exit()).isZero();
    assertThat(list.json()).hasSize(replay.json().get("suppressed").size());
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.json().get("week").asText()).isEqualTo("2026-W12");
    assertThat(state.resolve("guardian.db")).isRegularFile();
  }
}
