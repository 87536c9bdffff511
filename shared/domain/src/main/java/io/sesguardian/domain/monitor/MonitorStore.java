/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the monitor reads and remembers (port). Conditional writes make announcements unique. */
public interface MonitorStore {

  /** Scopes with counters in any hour of the UTC days from {@code since} to {@code until}. */
  Set<Scope> activeScopes(Instant since, Instant until);

  /** A scope's hourly counters for hours in {@code [fromHour, toHour]}. */
  Map<Instant, Map<CounterField, Long>> counters(Scope scope, Instant fromHour, Instant toHour);

  Optional<ScopeState> scopeState(Scope scope);

  List<ScopeState> scopeStates();

  /**
   * Stores {@code state} if the stored version is {@code expectedVersion} (0: none stored yet).
   *
   * @return false when another evaluation wrote first; the caller then announces nothing
   */
  boolean replaceScopeState(ScopeState state, long expectedVersion);

  Optional<AccountSnapshot> accountSnapshot();

  /** Like {@link #replaceScopeState}, for the account snapshot. */
  boolean replaceAccountSnapshot(AccountSnapshot snapshot, long expectedVersion);

  /**
   * Records that {@code target} is paused ({@code paused}) or sending, if it was not already.
   *
   * @return false when it already was (another evaluation did it)
   */
  boolean setPaused(String target, boolean paused, ActionRecord record);

  /** Targets the guardian has paused and nobody resumed. */
  Set<String> pausedTargets();

  /** Pauses and resumes since {@code since}, oldest first. */
  List<ActionRecord> actions(Instant since);

  /** Keeps an announced alert for the weekly report. */
  void recordAlert(Alert alert);

  /** Alerts announced in {@code [since, until)}, oldest first. */
  List<Alert> alerts(Instant since, Instant until);
}
