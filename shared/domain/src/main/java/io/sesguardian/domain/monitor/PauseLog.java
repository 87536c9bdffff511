/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which sending targets the guardian paused, and the log of its pauses and resumes (port). A pause
 * switch and its log entry are written together or not at all.
 */
public interface PauseLog {

  /**
   * Records that {@code target} is paused ({@code paused}) or sending, if it was not already, and
   * logs {@code record} with it. A resume of a target never paused changes nothing. Of racing
   * callers exactly one succeeds.
   *
   * @return false when it already was (another evaluation did it)
   */
  boolean setPaused(String target, boolean paused, ActionRecord record);

  /** Targets the guardian has paused and nobody resumed; reads its own writes. */
  Set<String> pausedTargets();

  /** Pauses and resumes logged at or after {@code since}, oldest first. */
  List<ActionRecord> actions(Instant since);
}
