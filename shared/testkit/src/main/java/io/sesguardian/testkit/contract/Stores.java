/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import io.sesguardian.domain.canary.CanaryRuns;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.monitor.MonitorStore;
import java.util.Objects;

/**
 * One adapter's ports over one shared state: the monitor reads the counters and the canary store
 * the observations that the feedback store writes.
 */
public record Stores(FeedbackStore feedback, MonitorStore monitor, CanaryRuns canary) {
  public Stores {
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(canary, "canary");
  }
}
