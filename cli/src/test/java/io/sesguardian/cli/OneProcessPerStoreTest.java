/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.testkit.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process at a time per state folder, between real processes (the launcher's {@code main} in
 * JVMs of their own): a second one exits 2 naming the holder or waits with {@code --wait}, and a
 * holder killed with {@code kill -9} leaves nothing behind that blocks the next one.
 */
class OneProcessPerStoreTest {

  @TempDir Path dir;

  private final String events = Fixtures.repoRoot().resolve("events").toString();

  @Test
  void secondProcess_exitsTwoOnOneLineNamingTheHolder_andStoresNothing() throws Exception {
    Path state = dir.resolve("state");
    ChildCli.Running holder = ChildCli.start(dir, LockHolder.class, state.toString());
    holder.awaitErr("held");
    try {
      ChildCli.Result second = ChildCli.run(dir, "replay", "--state", state.toString(), events);

      assertThat(second.exit()).isEqualTo(2);
      assertThat(second.err())
          .hasLineCount(1)
          .contains(state + " is in use by pid " + holder.process().pid())
          .contains(" since ")
          .contains("(guardian replay)")
          .contains("--wait")
          .doesNotContain("Exception");
      assertThat(state.resolve("guardian.db")).doesNotExist();
    } finally {
      holder.process().getOutputStream().close();
      holder.await();
    }
  }

  @Test
  void withWait_theSecondProcessRunsOnceTheHolderLetsGo() throws Exception {
    Path state = dir.resolve("state");
    ChildCli.Running holder = ChildCli.start(dir, LockHolder.class, state.toString());
    holder.awaitErr("held");
    ChildCli.Running waiting =
        ChildCli.start(
            dir,
            GuardianCli.class,
            "replay",
            "--json",
            "--wait",
            "--state",
            state.toString(),
            events);
    waiting.awaitErr("waiting for");
    assertThat(waiting.process().isAlive()).as("still waiting while the lock is held").isTrue();

    holder.process().getOutputStream().close();
    assertThat(holder.await().exit()).isZero();
    ChildCli.Result run = waiting.await();

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"items\"");
    assertThat(run.err()).contains("in use by pid " + holder.process().pid());
  }

  @Test
  void waitWithALimit_givesUpAfterIt_withExitTwo() throws Exception {
    Path state = dir.resolve("state");
    ChildCli.Running holder = ChildCli.start(dir, LockHolder.class, state.toString());
    holder.awaitErr("held");
    try {
      long start = System.nanoTime();
      ChildCli.Result run =
          ChildCli.run(dir, "replay", "--wait=1s", "--state", state.toString(), events);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(run.err()).contains("in use by pid " + holder.process().pid());
    } finally {
      holder.process().getOutputStream().close();
      holder.await();
    }
  }

  @Test
  void holderKilledWithKillNine_leavesTheStoreFreeForTheNext() throws Exception {
    Path state = dir.resolve("state");
    ChildCli.Running holder = ChildCli.start(dir, LockHolder.class, state.toString());
    holder.awaitErr("held");

    holder.process().destroyForcibly(); // SIGKILL: no shutdown hook, no finally
    holder.process().waitFor();
    ChildCli.Result next =
        ChildCli.run(dir, "replay", "--json", "--state", state.toString(), events);

    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(next.err()).doesNotContain("in use");
  }

  @Test
  void twoReplaysAtOnce_eachRunsWholeOrExitsTwo_andTheStoreHoldsEachRecordOnce() throws Exception {
    Path state = dir.resolve("state");
    Path alone = dir.resolve("alone");
    ChildCli.Result reference =
        ChildCli.run(dir, "replay", "--json", "--state", alone.toString(), events);
    assertThat(reference.exit()).as(reference.err()).isZero();

    ChildCli.Running a =
        ChildCli.start(
            dir, GuardianCli.class, "replay", "--json", "--state", state.toString(), events);
    ChildCli.Running b =
        ChildCli.start(
            dir, GuardianCli.class, "replay", "--json", "--state", state.toString(), events);
    ChildCli.Result ra = a.await();
    ChildCli.Result rb = b.await();

    assertThat(java.util.List.of(ra.exit(), rb.exit())).contains(0).allMatch(e -> e == 0 || e == 2);
    for (ChildCli.Result r : java.util.List.of(ra, rb)) {
      if (r.exit() == 2) {
        assertThat(r.err()).hasLineCount(1).contains("is in use by pid");
      }
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    // Whatever the interleaving, the store ends as one replay leaves it.
    ChildCli.Result stored =
        ChildCli.run(dir, "suppressions", "--json", "--state", state.toString());
    ChildCli.Result expected =
        ChildCli.run(dir, "suppressions", "--json", "--state", alone.toString());
    assertThat(stored.out()).isEqualTo(expected.out());
  }
}
