/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The guardian's own suppression list (port): one entry per address (the exact address as SES
 * reported it), never removed by the guardian. Written by {@link FeedbackLedger#applyOnce} (updates
 * tied to feedback) and by {@link #suppressIfAbsent}. Every read reads its own writes.
 *
 * <p>The first update for an address creates its entry with the update's reason, origin, initial
 * SES state, {@code firstSeen}, feedback id, diagnostic and ledger key, {@code recordedAt} = the
 * store's clock; every update (the first included) adds one to {@code count}. Later updates never
 * change reason, origin, state or {@code firstSeen}; each moves {@code lastSeen} to the latest
 * event time and replaces {@code lastFeedbackId} and {@code diagnostic} with the latest event's.
 */
public interface SuppressionList {

  /**
   * Puts {@code update}'s address on the list if it is not there yet ({@code recordedAt} = {@code
   * now}, count 1). Idempotent: an address already listed is left unchanged.
   *
   * @return whether this call added it (of racing callers exactly one gets true)
   */
  boolean suppressIfAbsent(SuppressionUpdate update, Instant now);

  /** The entries for these addresses that exist, keyed by address (absent ones left out). */
  Map<String, SuppressionEntry> suppressions(Collection<String> addresses);

  /** The whole list, ordered by address. */
  List<SuppressionEntry> allSuppressions();

  /**
   * Entries recorded at or after {@code since}, ordered by address (reads only the recent part of
   * the list, so a weekly report stays cheap however long the list grows).
   */
  List<SuppressionEntry> suppressionsRecordedSince(Instant since);

  /** How many addresses are on the list. */
  long suppressionCount();
}
