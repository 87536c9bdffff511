/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers each scope's level and announces every change exactly once (up and down). Concurrent
 * evaluations are safe: the state write is conditional, and only the writer that wins announces.
 */
public final class LevelChangeAnnouncer {

  private final MonitorState state;
  private final AlertPublisher alerts;
  private final RatesReader reader;
  private final MonitorPolicy policy;
  private final double disagreementFactor;

  /**
   * @param alerts where announced alerts go (already kept in the alert log)
   * @param reader for the drivers an account alert names
   * @param disagreementFactor above 1: when the guardian's and SES's figures differ by more than
   *     this factor the alert says so, with the likely cause
   */
  LevelChangeAnnouncer(
      MonitorState state,
      AlertPublisher alerts,
      RatesReader reader,
      MonitorPolicy policy,
      double disagreementFactor) {
    this.state = Objects.requireNonNull(state, "state");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.policy = Objects.requireNonNull(policy, "policy");
    if (!(disagreementFactor > 1)) {
      throw new IllegalArgumentException(
          "the disagreement factor must be above 1, not " + disagreementFactor);
    }
    this.disagreementFactor = disagreementFactor;
  }

  /**
   * Stores the scope's new level when something changed and announces a change of level.
   *
   * @param level the scope's level: the higher of the guardian's and SES's
   * @param sesFigure SES's own figure for the scope, or null when unknown
   * @return the alert announced, if any
   */
  Optional<Alert> settle(
      ScopeRates rates,
      Level level,
      Optional<ScopeState> stored,
      SesFigures sesFigure,
      Instant now) {
    Scope scope = rates.scope();
    Level before = stored.map(ScopeState::level).orElse(Level.HEALTHY);
    if (level == Level.UNKNOWN && !hasFeedback(rates)) {
      // No traffic at all is nothing to report: the state is kept until there is feedback
      // that cannot be rated, which is what the "cannot be computed" alert is about.
      return Optional.empty();
    }
    boolean changed = level != before;
    if (!changed && stored.isPresent() && stored.get().levels().equals(rates.levels())) {
      return Optional.empty(); // nothing new to remember: no write
    }
    long version = stored.map(ScopeState::version).orElse(0L);
    ScopeState next =
        new ScopeState(
            scope,
            level,
            rates.levels(),
            changed || stored.isEmpty() ? now : stored.get().since(),
            now,
            version + 1);
    boolean won = state.replaceScopeState(next, version);
    // "Rates cannot be computed" is said once, for the account: every scope without a
    // denominator has the same cause and the same fix.
    boolean unknownMove = level == Level.UNKNOWN || before == Level.UNKNOWN;
    if (!won || !changed || (unknownMove && !scope.equals(Scope.ACCOUNT))) {
      return Optional.empty();
    }
    Alert alert =
        AlertTexts.levelChange(
            rates,
            level,
            before,
            policy.thresholds(),
            reader.drivers(rates, now),
            sesFigure,
            disagreementFactor,
            now);
    alerts.publish(alert);
    return Optional.of(alert);
  }

  private static boolean hasFeedback(ScopeRates rates) {
    return rates.windows().stream().anyMatch(w -> w.bounces() + w.complaints() > 0);
  }
}
