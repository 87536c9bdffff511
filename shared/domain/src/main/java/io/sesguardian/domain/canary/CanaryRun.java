/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.canary;

import io.sesguardian.domain.feedback.FeedbackKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One canary run: messages sent to the SES mailbox simulator, each expecting one kind of feedback.
 *
 * @param runId the label in every address, e.g. {@code guardian-202611220600}
 * @param sentAt when the messages were sent
 * @param expected address (with the label) to the feedback kind it must produce
 * @param outcome null while open; PASSED or FAILED once closed
 * @param latencies per address, from the send to the guardian recording its feedback (closed runs)
 * @param missing addresses whose feedback never came (failed runs)
 */
public record CanaryRun(
    String runId,
    Instant sentAt,
    Map<String, FeedbackKind> expected,
    Outcome outcome,
    Map<String, Duration> latencies,
    java.util.List<String> missing) {

  /** How a closed run ended. */
  public enum Outcome {
    PASSED,
    FAILED
  }

  public CanaryRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(sentAt, "sentAt");
    expected = Map.copyOf(expected);
    latencies = latencies == null ? Map.of() : Map.copyOf(latencies);
    missing = missing == null ? java.util.List.of() : java.util.List.copyOf(missing);
  }
}
