/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.PauseLog;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The {@link PauseLog} contract, for every adapter. A target is paused or resumed once, logged with
 * it.
 */
public abstract class PauseLogContract extends StoreContract {

  /** The role under test. */
  protected PauseLog monitor;

  @Override
  void roles() {
    monitor = stores.monitor();
  }

  @Test
  void settingPausedTwice_succeedsOnce_andResumeEndsThePause() {
    Instant t0 = clock.instant();
    ActionRecord pause =
        new ActionRecord("configset:marketing", ActionRecord.Action.PAUSE, t0, "guardian", "10%");
    ActionRecord resume =
        new ActionRecord(
            "configset:marketing",
            ActionRecord.Action.RESUME,
            t0.plusSeconds(3600),
            "ops",
            "list cleaned");

    assertThat(monitor.setPaused("configset:marketing", false, resume))
        .as("resuming what was never paused")
        .isFalse();
    assertThat(monitor.setPaused("configset:marketing", true, pause)).isTrue();
    assertThat(monitor.setPaused("configset:marketing", true, pause)).isFalse();
    assertThat(monitor.pausedTargets()).containsExactly("configset:marketing");
    assertThat(monitor.actions(t0)).containsExactly(pause);

    assertThat(monitor.setPaused("configset:marketing", false, resume)).isTrue();
    assertThat(monitor.pausedTargets()).isEmpty();
    assertThat(monitor.actions(t0)).containsExactly(pause, resume);
    assertThat(monitor.actions(t0.plusSeconds(1))).containsExactly(resume);
  }

  @Test
  void racingPausesOfOneTarget_exactlyOneIsRecorded() throws Exception {
    ActionRecord pause =
        new ActionRecord("account", ActionRecord.Action.PAUSE, clock.instant(), "guardian", "x");
    assertThat(successes(i -> monitor.setPaused("account", true, pause))).isEqualTo(1);
    assertThat(monitor.actions(clock.instant())).hasSize(1);
  }
}
