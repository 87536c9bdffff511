/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The counters a store writes with each suppression-list change, so that a weekly report reads the
 * week's changes from hourly counters (a few rows) instead of the list (which grows for ever). All
 * go in the account scope, in the hour of the entry's first event ({@code firstSeen}, SES's time):
 * an entry created adds one to its reason's field (and escalations to {@link
 * CounterField#SUPPRESSED_ESCALATION}) and to the bucket of its time to be recorded; an entry that
 * becomes {@code SYNCED} adds one to the bucket of its time to reach SES's list. Stores write them
 * in the same transaction as the change where they can, and only for the change that creates the
 * entry or first marks it synced, so a retry or a repeat counts nothing.
 */
public final class SuppressionCounts {

  /**
   * One latency bucket: the durations up to {@code bound} (from the previous bucket's bound,
   * exclusive); the last has no bound.
   */
  public record Bucket(Duration bound, CounterField recorded, CounterField synced) {}

  /** The buckets, shortest first; the last holds everything over 24 hours. */
  public static final List<Bucket> BUCKETS =
      List.of(
          new Bucket(
              Duration.ofSeconds(1),
              CounterField.RECORDED_WITHIN_1S,
              CounterField.SYNCED_WITHIN_1S),
          new Bucket(
              Duration.ofSeconds(5),
              CounterField.RECORDED_WITHIN_5S,
              CounterField.SYNCED_WITHIN_5S),
          new Bucket(
              Duration.ofSeconds(15),
              CounterField.RECORDED_WITHIN_15S,
              CounterField.SYNCED_WITHIN_15S),
          new Bucket(
              Duration.ofMinutes(1),
              CounterField.RECORDED_WITHIN_1MIN,
              CounterField.SYNCED_WITHIN_1MIN),
          new Bucket(
              Duration.ofMinutes(5),
              CounterField.RECORDED_WITHIN_5MIN,
              CounterField.SYNCED_WITHIN_5MIN),
          new Bucket(
              Duration.ofMinutes(15),
              CounterField.RECORDED_WITHIN_15MIN,
              CounterField.SYNCED_WITHIN_15MIN),
          new Bucket(
              Duration.ofHours(1), CounterField.RECORDED_WITHIN_1H, CounterField.SYNCED_WITHIN_1H),
          new Bucket(
              Duration.ofHours(6), CounterField.RECORDED_WITHIN_6H, CounterField.SYNCED_WITHIN_6H),
          new Bucket(
              Duration.ofHours(24),
              CounterField.RECORDED_WITHIN_24H,
              CounterField.SYNCED_WITHIN_24H),
          new Bucket(null, CounterField.RECORDED_AFTER_24H, CounterField.SYNCED_AFTER_24H));

  private SuppressionCounts() {}

  /**
   * Adds the counts of an entry created from {@code u} at {@code recordedAt}: its reason (and
   * escalation) and its time to be recorded.
   */
  public static Counts added(SuppressionUpdate u, Instant recordedAt, Counts into) {
    if (u.origin() == SuppressionOrigin.SES_IMPORT) {
      // Already on SES's list before the guardian knew it: no suppression of the week it names.
      return into;
    }
    CounterKey key = CounterKey.of(Scope.ACCOUNT, u.eventTime());
    into.add(
        key,
        u.reason() == io.sesguardian.domain.feedback.SuppressionReason.COMPLAINT
            ? CounterField.SUPPRESSED_COMPLAINT
            : CounterField.SUPPRESSED_BOUNCE,
        1);
    if (u.origin() == SuppressionOrigin.SOFT_BOUNCE_ESCALATION) {
      into.add(key, CounterField.SUPPRESSED_ESCALATION, 1);
    }
    into.add(key, bucket(u.eventTime(), recordedAt).recorded(), 1);
    return into;
  }

  /**
   * Adds the count of an entry first seen at {@code firstSeen} that became SYNCED at {@code at}.
   */
  public static Counts synced(Instant firstSeen, Instant at, Counts into) {
    into.add(CounterKey.of(Scope.ACCOUNT, firstSeen), bucket(firstSeen, at).synced(), 1);
    return into;
  }

  /** The bucket of the time from {@code from} to {@code to} (negative times count as zero). */
  public static Bucket bucket(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    for (Bucket b : BUCKETS) {
      if (b.bound() == null || d.compareTo(b.bound()) <= 0) {
        return b;
      }
    }
    throw new AssertionError("the last bucket has no bound");
  }
}
