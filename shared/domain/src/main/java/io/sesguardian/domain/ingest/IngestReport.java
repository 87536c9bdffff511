/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Ignored;
import io.sesguardian.domain.feedback.Rejection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one ingest call did.
 *
 * @param items notifications read
 * @param recipients new (non-duplicate) recipient records by bucket, every bucket present, in
 *     {@link Bucket} order
 * @param duplicates records already applied before (or twice in this call)
 * @param ignored items without feedback
 * @param rejected items or recipients refused, with why
 * @param suppressed addresses this call added to the suppression list
 * @param escalated addresses among {@code suppressed} added by soft-bounce escalation (repeats, or
 *     one permanent mailbox-level status)
 * @param failed records that could not be stored (safe to retry)
 */
public record IngestReport(
    int items,
    Map<Bucket, Integer> recipients,
    int duplicates,
    List<Ignored> ignored,
    List<Rejection> rejected,
    List<SuppressionEntry> suppressed,
    List<String> escalated,
    List<FeedbackRecord> failed) {

  public IngestReport {
    EnumMap<Bucket, Integer> all = new EnumMap<>(Bucket.class);
    for (Bucket b : Bucket.values()) {
      all.put(b, recipients.getOrDefault(b, 0));
    }
    recipients = Collections.unmodifiableMap(all);
    ignored = List.copyOf(ignored);
    rejected = List.copyOf(rejected);
    suppressed = List.copyOf(suppressed);
    escalated = List.copyOf(escalated);
    failed = List.copyOf(failed);
  }

  /** A call that read nothing. */
  public static IngestReport empty() {
    return new IngestReport(0, Map.of(), 0, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** New recipient records in {@code bucket}. */
  public int recipients(Bucket bucket) {
    return recipients.get(bucket);
  }

  /** New recipient records in every bucket together. */
  public int records() {
    return recipients.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Where the records that could not be stored came from (their sources), in order. */
  public List<String> failedSources() {
    return failed.stream().map(FeedbackRecord::source).toList();
  }

  /** Whether everything that could be stored was stored. */
  public boolean stored() {
    return failed.isEmpty();
  }

  /** This call's and {@code other}'s totals together (e.g. the units of one invocation). */
  public IngestReport plus(IngestReport other) {
    EnumMap<Bucket, Integer> sum = new EnumMap<>(recipients);
    other.recipients.forEach((b, n) -> sum.merge(b, n, Integer::sum));
    return new IngestReport(
        items + other.items,
        sum,
        duplicates + other.duplicates,
        concat(ignored, other.ignored),
        concat(rejected, other.rejected),
        concat(suppressed, other.suppressed),
        concat(escalated, other.escalated),
        concat(failed, other.failed));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
