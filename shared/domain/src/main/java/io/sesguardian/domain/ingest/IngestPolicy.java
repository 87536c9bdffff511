/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunable rules of ingest.
 *
 * @param softBounceThreshold address-related soft bounces within {@code softBounceWindow} that
 *     suppress an address (at least 1)
 * @param softBounceWindow the span within which that many soft bounces escalate
 * @param counting which recipient domains enter which rate's denominator
 */
public record IngestPolicy(
    int softBounceThreshold, Duration softBounceWindow, CountingRules counting) {

  public static final IngestPolicy DEFAULT = new IngestPolicy(3, Duration.ofDays(30));

  /** The soft-bounce rules with {@link CountingRules#DEFAULT}. */
  public IngestPolicy(int softBounceThreshold, Duration softBounceWindow) {
    this(softBounceThreshold, softBounceWindow, CountingRules.DEFAULT);
  }

  public IngestPolicy {
    Objects.requireNonNull(softBounceWindow, "softBounceWindow");
    Objects.requireNonNull(counting, "counting");
    if (softBounceThreshold < 1) {
      throw new IllegalArgumentException(
          "the soft-bounce threshold must be at least 1, not " + softBounceThreshold);
    }
    if (softBounceWindow.isNegative() || softBounceWindow.isZero()) {
      throw new IllegalArgumentException("the soft-bounce window must be positive");
    }
  }
}
