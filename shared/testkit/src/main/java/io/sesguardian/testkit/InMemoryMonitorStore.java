/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.AccountSnapshot;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.MonitorStore;
import io.sesguardian.domain.monitor.ScopeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MonitorStore} in memory; counters are those of the feedback store that writes them.
 * Conditional writes behave like DynamoDB's: a write whose expected version is stale is refused.
 * Thread-safe.
 */
public final class InMemoryMonitorStore implements MonitorStore {

  private final EventCounters feedback;
  private final Map<Scope, ScopeState> states = new HashMap<>();
  private AccountSnapshot account;
  private final Map<String, Boolean> paused = new HashMap<>();
  private final List<ActionRecord> actions = new ArrayList<>();
  private final List<io.sesguardian.domain.monitor.Alert> alerts = new ArrayList<>();

  public InMemoryMonitorStore(EventCounters feedback) {
    this.feedback = feedback;
  }

  @Override
  public void addCounts(Counts counts) {
    feedback.addCounts(counts);
  }

  @Override
  public Set<Scope> activeScopes(Instant since, Instant until) {
    return feedback.activeScopes(since, until);
  }

  @Override
  public Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    return feedback.counters(scope, fromHour, toHour);
  }

  @Override
  public synchronized List<ScopeState> scopeStates() {
    return List.copyOf(states.values());
  }

  @Override
  public synchronized boolean replaceScopeState(ScopeState state, long expectedVersion) {
    ScopeState current = states.get(state.scope());
    long version = current == null ? 0 : current.version();
    if (version != expectedVersion) {
      return false;
    }
    states.put(state.scope(), state);
    return true;
  }

  @Override
  public synchronized Optional<AccountSnapshot> accountSnapshot() {
    return Optional.ofNullable(account);
  }

  @Override
  public synchronized boolean replaceAccountSnapshot(
      AccountSnapshot snapshot, long expectedVersion) {
    long version = account == null ? 0 : account.version();
    if (version != expectedVersion) {
      return false;
    }
    account = snapshot;
    return true;
  }

  @Override
  public synchronized boolean setPaused(String target, boolean pause, ActionRecord record) {
    if (paused.getOrDefault(target, false) == pause) {
      return false;
    }
    paused.put(target, pause);
    actions.add(record);
    return true;
  }

  @Override
  public synchronized Set<String> pausedTargets() {
    Set<String> out = new LinkedHashSet<>();
    paused.forEach(
        (k, v) -> {
          if (v) {
            out.add(k);
          }
        });
    return out;
  }

  @Override
  public synchronized List<ActionRecord> actions(Instant since) {
    return actions.stream()
        .filter(a -> !a.at().isBefore(since))
        .sorted(Comparator.comparing(ActionRecord::at))
        .toList();
  }

  @Override
  public synchronized void recordAlert(io.sesguardian.domain.monitor.Alert alert) {
    alerts.add(alert);
  }

  @Override
  public synchronized List<io.sesguardian.domain.monitor.Alert> alerts(
      Instant since, Instant until) {
    return alerts.stream()
        .filter(a -> !a.at().isBefore(since) && a.at().isBefore(until))
        .sorted(Comparator.comparing(io.sesguardian.domain.monitor.Alert::at))
        .toList();
  }
}
