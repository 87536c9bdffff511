/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.time.Deadline;
import java.time.Clock;
import java.time.Duration;

/** The deadline every Lambda handler passes down, from the invocation's remaining time. */
public final class Deadlines {

  /**
   * Kept back from the invocation's end to write the answer, the logs and the metrics: a Lambda
   * killed at its timeout reports nothing, and an SQS batch would come back whole.
   */
  public static final Duration MARGIN = Duration.ofSeconds(2);

  private Deadlines() {}

  /** {@code Deadline.in(remainingMillis, MARGIN, clock)}; {@code remainingMillis} from Context. */
  public static Deadline lambda(int remainingMillis, Clock clock) {
    return Deadline.in(remainingMillis, MARGIN, clock);
  }
}
