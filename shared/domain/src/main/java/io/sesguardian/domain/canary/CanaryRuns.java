/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.canary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Canary runs and the feedback ingest observed for them (port). Reads are strongly consistent
 * (read-your-writes).
 */
public interface CanaryRuns {

  /** Stores {@code run}, replacing a stored run with the same id (closing a run re-saves it). */
  void saveRun(CanaryRun run);

  /** Runs not closed yet, oldest first. */
  List<CanaryRun> openRuns();

  /** Runs sent in {@code [since, until)}, open or closed, oldest first. */
  List<CanaryRun> runs(Instant since, Instant until);

  /**
   * Feedback ingest recorded for a run's addresses: {@code kind#address} to when it was first
   * recorded (written by {@link io.sesguardian.domain.ingest.FeedbackLedger#applyOnce}, once per
   * kind and address).
   */
  Map<String, Instant> observations(String runId);
}
