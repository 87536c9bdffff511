/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.RateCalculator;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.rates.WindowRates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every active scope's rolling rates, read only: it stores, announces and changes nothing, so the
 * CLI's status and the weekly report use it without any SES or alert collaborator.
 */
public final class RatesReader {

  /** Scopes with traffic this recent are evaluated (plus any not yet back to healthy). */
  static final Duration ACTIVE = Duration.ofDays(7);

  private static final int MAX_DRIVERS = 5;

  private final EventCounters counters;
  private final MonitorState state;
  private final MonitorPolicy policy;
  private final RateCalculator calculator;

  public RatesReader(EventCounters counters, MonitorState state, MonitorPolicy policy) {
    this.counters = Objects.requireNonNull(counters, "counters");
    this.state = Objects.requireNonNull(state, "state");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.calculator = new RateCalculator(policy.thresholds());
  }

  /**
   * The same reader taking counters and active scopes from {@code counters} (a view of the same
   * store's counters, e.g. one that serves a report's overlapping reads from memory).
   */
  public RatesReader countingThrough(EventCounters counters) {
    return new RatesReader(counters, state, policy);
  }

  /** The rates of every active scope, the account first. */
  public List<ScopeRates> rates(Instant now) {
    List<ScopeRates> out = new ArrayList<>();
    for (Map.Entry<Scope, Optional<ScopeState>> entry : scopes(now).entrySet()) {
      out.add(
          rates(
              entry.getKey(),
              now,
              entry.getValue().map(ScopeState::levels).orElse(PreviousLevels.NONE)));
    }
    return out;
  }

  /**
   * The scopes to evaluate, the account first, each with its stored state (one read of all states
   * serves both the choice of scopes and the hysteresis memory).
   */
  Map<Scope, Optional<ScopeState>> scopes(Instant now) {
    Map<Scope, ScopeState> states = new HashMap<>();
    for (ScopeState s : state.scopeStates()) {
      states.put(s.scope(), s);
    }
    Set<Scope> others = new TreeSet<>(Comparator.comparing(Scope::key));
    for (Scope s : counters.activeScopes(now.minus(ACTIVE), now)) {
      if (s.rated()) {
        others.add(s);
      }
    }
    states.values().stream()
        .filter(s -> s.level().compareTo(Level.HEALTHY) > 0)
        .forEach(s -> others.add(s.scope()));
    others.remove(Scope.ACCOUNT);
    Map<Scope, Optional<ScopeState>> scopes = new LinkedHashMap<>();
    scopes.put(Scope.ACCOUNT, Optional.ofNullable(states.get(Scope.ACCOUNT)));
    others.forEach(s -> scopes.put(s, Optional.ofNullable(states.get(s))));
    return scopes;
  }

  /**
   * Reads the fixed windows' 30 days first; only when the volume window is not yet full there and
   * the lookback reaches further (as far back as counters are kept) are the older counters read, so
   * a busy account never pays for a year of buckets.
   */
  ScopeRates rates(Scope scope, Instant now, PreviousLevels previous) {
    Instant toHour = now.truncatedTo(ChronoUnit.HOURS);
    Instant recent = toHour.minus(Duration.ofDays(30));
    Instant fromHour = toHour.minus(max(policy.thresholds().volumeLookback(), Duration.ofDays(30)));
    Map<Instant, Map<CounterField, Long>> hourly =
        new HashMap<>(counters.counters(scope, recent, toHour));
    ScopeRates rates = calculator.evaluate(scope, hourly, now, previous);
    boolean volumeFull =
        rates
            .window(Window.VOLUME)
            .map(w -> w.eligibleSends() >= policy.thresholds().volumeSends())
            .orElse(true);
    if (volumeFull || !fromHour.isBefore(recent)) {
      return rates;
    }
    counters
        .counters(scope, fromHour, recent.minus(Duration.ofHours(1)))
        .forEach(hourly::putIfAbsent);
    return calculator.evaluate(scope, hourly, now, previous);
  }

  /** For an account alert: the recipient domains and configuration sets behind the counts. */
  List<String> drivers(ScopeRates rates, Instant now) {
    if (!rates.scope().equals(Scope.ACCOUNT)) {
      return List.of();
    }
    WindowRates worst =
        rates.windows().stream().filter(w -> w.level() == rates.level()).findFirst().orElse(null);
    if (worst == null) {
      return List.of();
    }
    record Driver(String label, long counted) {}
    List<Driver> drivers = new ArrayList<>();
    Instant fromHour = worst.from().truncatedTo(ChronoUnit.HOURS);
    Instant toHour = now.truncatedTo(ChronoUnit.HOURS);
    for (Scope s : counters.activeScopes(fromHour, now)) {
      if (s.equals(Scope.ACCOUNT)) {
        continue;
      }
      long bounces = 0;
      long complaints = 0;
      for (Map<CounterField, Long> hour : counters.counters(s, fromHour, toHour).values()) {
        bounces += hour.getOrDefault(CounterField.BOUNCE_COUNTED, 0L);
        complaints += hour.getOrDefault(CounterField.COMPLAINT_COUNTED, 0L);
      }
      if (bounces + complaints > 0) {
        drivers.add(
            new Driver(
                String.format(
                    Locale.ROOT,
                    "%s: %d hard bounces, %d complaints",
                    s.key(),
                    bounces,
                    complaints),
                bounces + complaints));
      }
    }
    drivers.sort(Comparator.comparingLong(Driver::counted).reversed());
    return drivers.stream().limit(MAX_DRIVERS * 2L).map(Driver::label).toList();
  }

  /** The level of SES's own figures under the policy's thresholds. */
  Level grade(SesFigures figures) {
    return figures == null
        ? Level.UNKNOWN
        : calculator.grade(figures.bounceRate(), figures.complaintRate());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
