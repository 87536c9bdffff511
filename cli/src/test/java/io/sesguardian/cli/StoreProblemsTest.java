/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only, damaged or deleted store, through the real launcher in a JVM of its own: named as
 * such on one line saying what to do, exit 2, never a stack trace, never "healthy".
 */
class StoreProblemsTest {

  @TempDir Path dir;

  private final String events = Fixtures.repoRoot().resolve("events").toString();
  private final List<Path> immutable = new ArrayList<>();

  @AfterEach
  void writableAgain() throws Exception {
    for (Path p : immutable) {
      new ProcessBuilder("chattr", "-i", p.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void readOnlyDatabase_isNamedAsReadOnly_forReadingAndWritingCommands() throws Exception {
    Path state = dir.resolve("state");
    assertThat(ChildCli.run(dir, "replay", "--state", state.toString(), events).exit()).isZero();
    Path db = state.resolve("guardian.db");
    byte[] before = Files.readAllBytes(db);
    readOnly(db);

    for (String[] args :
        new String[][] {
          {"replay", "--state", state.toString(), events},
          {"status", "--state", state.toString()},
          {"suppressions", "--state", state.toString()}
        }) {
      ChildCli.Result run = ChildCli.run(dir, args);
      assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err())
          .hasLineCount(1)
          .contains(db + " is read-only")
          .contains("chmod u+w")
          .doesNotContain("Exception");
      assertThat(run.out()).doesNotContainIgnoringCase("healthy");
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void readOnlyParentFolder_isNamedAsReadOnly() throws Exception {
    Path parent = Files.createDirectory(dir.resolve("locked"));
    readOnly(parent);
    Path state = parent.resolve("state");

    ChildCli.Result run = ChildCli.run(dir, "replay", "--state", state.toString(), events);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("is read-only").doesNotContain("Exception");
  }

  @Test
  void damagedGuardianStore_saysToRebuildIt_andTheRebuildWorks() throws Exception {
    Path state = dir.resolve("state");
    assertThat(ChildCli.run(dir, "replay", "--state", state.toString(), events).exit()).isZero();
    Path db = state.resolve("guardian.db");
    // Keep SQLite's header (the guardian's mark), lose the pages behind it.
    Files.write(db, java.util.Arrays.copyOf(Files.readAllBytes(db), 100));
    Files.deleteIfExists(state.resolve("guardian.db-wal"));
    Files.deleteIfExists(state.resolve("guardian.db-shm"));

    ChildCli.Result status = ChildCli.run(dir, "status", "--state", state.toString());

    assertThat(status.exit()).isEqualTo(2);
    assertThat(status.err())
        .hasLineCount(1)
        .contains(db + " is a damaged guardian store")
        .contains("guardian replay --fresh --state " + state)
        .doesNotContain("Exception");
    assertThat(status.out()).doesNotContainIgnoringCase("healthy");
    ChildCli.Result rebuilt =
        ChildCli.run(dir, "replay", "--fresh", "--state", state.toString(), events);
    assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
    assertThat(ChildCli.run(dir, "status", "--state", state.toString()).exit()).isZero();
  }

  @Test
  void databaseOverwrittenWithOtherBytes_isNamedAndLeftAlone() throws Exception {
    Path state = dir.resolve("state");
    assertThat(ChildCli.run(dir, "replay", "--state", state.toString(), events).exit()).isZero();
    Path db = state.resolve("guardian.db");
    Files.deleteIfExists(state.resolve("guardian.db-wal"));
    Files.deleteIfExists(state.resolve("guardian.db-shm"));
    Files.writeString(db, "not a database at all\n".repeat(200));

    for (String command : List.of("status", "suppressions")) {
      ChildCli.Result run = ChildCli.run(dir, command, "--state", state.toString());
      assertThat(run.exit()).as(command).isEqualTo(2);
      assertThat(run.err())
          .hasLineCount(1)
          .contains(db.toString())
          .contains("give --state a folder of its own")
          .doesNotContain("Exception");
    }
    assertThat(db).hasContent("not a database at all\n".repeat(200));
  }

  @Test
  void deletedStore_isNotHealthy_butAUsageErrorSayingToReplay() throws Exception {
    Path state = dir.resolve("state");
    assertThat(ChildCli.run(dir, "replay", "--state", state.toString(), events).exit()).isZero();
    for (String f : List.of("guardian.db", "guardian.db-wal", "guardian.db-shm")) {
      Files.deleteIfExists(state.resolve(f));
    }

    ChildCli.Result status = ChildCli.run(dir, "status", "--state", state.toString());
    assertThat(status.exit()).isEqualTo(2);
    assertThat(status.err())
        .hasLineCount(1)
        .contains("no local store in " + state)
        .contains("guardian replay");
    assertThat(status.out()).doesNotContainIgnoringCase("healthy");

    Files.walk(state).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    ChildCli.Result gone = ChildCli.run(dir, "status", "--json", "--state", state.toString());
    assertThat(gone.exit()).isEqualTo(2);
    assertThat(gone.out()).isEmpty();
    assertThat(gone.err()).hasLineCount(1).contains("no local store");
  }

  /**
   * Takes write permission away. As root (this machine's builds) permissions do not bind, so the
   * file is also made immutable ({@code chattr +i}, which binds root too); skipped where neither
   * works.
   */
  private void readOnly(Path p) throws Exception {
    Files.setPosixFilePermissions(
        p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
    if (Files.isWritable(p)) {
      int rc = -1;
      try {
        rc = new ProcessBuilder("chattr", "+i", p.toString()).start().waitFor();
      } catch (java.io.IOException e) {
        // No chattr here: skipped below.
      }
      if (rc == 0) {
        immutable.add(p);
      }
    }
    assumeThat(Files.isWritable(p)).as("%s could be made read-only", p).isFalse();
  }
}
