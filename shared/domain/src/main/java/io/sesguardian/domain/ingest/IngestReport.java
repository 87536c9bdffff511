/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.Ignored;
import io.sesguardian.domain.feedback.Rejection;
import java.util.List;
import java.util.Map;

/**
 * What one ingest call did.
 *
 * @param items notifications read
 * @param recipients new (non-duplicate) recipient records by bucket: {@code send}, {@code
 *     delivery}, {@code bounce.permanent}, {@code bounce.transient}, {@code bounce.undetermined},
 *     {@code complaint}, {@code reject}, {@code deliveryDelay}, {@code other}
 * @param duplicates records already applied before (or twice in this call)
 * @param ignored items without feedback
 * @param rejected items or recipients refused, with why
 * @param suppressed addresses this call added to the suppression list
 * @param escalated addresses among {@code suppressed} added for repeated soft bounces
 * @param failedSources sources of records that could not be stored (safe to retry)
 */
public record IngestReport(
    int items,
    Map<String, Integer> recipients,
    int duplicates,
    List<Ignored> ignored,
    List<Rejection> rejected,
    List<SuppressionEntry> suppressed,
    List<String> escalated,
    List<String> failedSources) {

  /** The recipient buckets, in output order. */
  public static final List<String> BUCKETS =
      List.of(
          "send",
          "delivery",
          "bounce.permanent",
          "bounce.transient",
          "bounce.undetermined",
          "complaint",
          "reject",
          "deliveryDelay",
          "other");

  public IngestReport {
    recipients = Map.copyOf(recipients);
    ignored = List.copyOf(ignored);
    rejected = List.copyOf(rejected);
    suppressed = List.copyOf(suppressed);
    escalated = List.copyOf(escalated);
    failedSources = List.copyOf(failedSources);
  }

  /** Whether everything that could be stored was stored. */
  public boolean stored() {
    return failedSources.isEmpty();
  }
}
