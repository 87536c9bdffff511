/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.testkit.DefaultLocale;
import io.sesguardian.testkit.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI runs on its user's machine, in its user's locale: its text must not switch to
 * Arabic-Indic digits or decimal commas there (scripts read it, and the rest of it is English).
 */
class DefaultLocaleOutputTest {

  @TempDir Path dir;

  @Test
  void replayAndStatusText_readTheSameInAnyDefaultLocale() throws Exception {
    String events = Fixtures.repoRoot().resolve("events").toString();
    List<String> texts = new ArrayList<>();
    for (Locale locale :
        List.of(Locale.ROOT, DefaultLocale.ARABIC_DIGITS, DefaultLocale.DECIMAL_COMMA)) {
      String state = dir.resolve("state-" + texts.size()).toString();
      String text =
          DefaultLocale.during(
              locale,
              () -> {
                CliRun replay = CliRun.of("replay", "--state", state, events);
                // A fixed moment: the sample events are from March and April 2026.
                CliRun status =
                    CliRun.of("status", "--state", state, "--at", "2026-04-03T00:00:00Z");
                assertThat(replay.exit()).as(replay.err()).isIn(0, 1);
                return replay.out() + status.out();
              });
      // Only the state folder differs from run to run.
      texts.add(text.replace(state, "STATE"));
    }
    assertThat(texts.get(0)).contains("newly suppressed: ").contains("40.00%").contains("77.78%");
    assertThat(texts).containsOnly(texts.get(0));
  }
}
