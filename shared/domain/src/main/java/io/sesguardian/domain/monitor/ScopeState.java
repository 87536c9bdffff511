/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.PreviousLevels;
import java.time.Instant;
import java.util.Objects;

/**
 * The last announced state of one scope.
 *
 * @param scope the scope
 * @param level the scope's level as last announced
 * @param levels per-window, per-metric levels, kept for hysteresis
 * @param since when {@code level} was reached
 * @param evaluatedAt when the state last changed (an evaluation that changes nothing writes
 *     nothing)
 * @param version increases by one with every write; writes are conditional on it, so a change is
 *     announced by exactly one evaluation even when several race
 */
public record ScopeState(
    Scope scope,
    Level level,
    PreviousLevels levels,
    Instant since,
    Instant evaluatedAt,
    long version) {
  public ScopeState {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(levels, "levels");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("a stored state has version 1 or more, not " + version);
    }
  }
}
