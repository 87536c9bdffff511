/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The levels each window's metrics were at after the previous evaluation, so hysteresis can hold a
 * level while the rate hovers just under its threshold. Obtain it from {@link ScopeRates#levels()}
 * and feed it to the next {@link RateCalculator#evaluate}.
 *
 * @param bounce the bounce level per window; a missing window means {@link Level#HEALTHY}
 *     (immutable copy, iterated in {@link Window} order; no null keys or values)
 * @param complaint the complaint level per window; a missing window means {@link Level#HEALTHY}
 *     (immutable copy, iterated in {@link Window} order; no null keys or values)
 */
public record PreviousLevels(Map<Window, Level> bounce, Map<Window, Level> complaint) {

  /** No history: every window's metrics count as {@link Level#HEALTHY}. */
  public static final PreviousLevels NONE = new PreviousLevels(Map.of(), Map.of());

  public PreviousLevels {
    bounce = copy(bounce, "bounce");
    complaint = copy(complaint, "complaint");
  }

  private static Map<Window, Level> copy(Map<Window, Level> levels, String name) {
    Objects.requireNonNull(levels, name);
    EnumMap<Window, Level> copy = new EnumMap<>(Window.class);
    levels.forEach(
        (window, level) ->
            copy.put(
                Objects.requireNonNull(window, name + " window"),
                Objects.requireNonNull(level, name + " level of " + window)));
    return Collections.unmodifiableMap(copy);
  }

  /** The bounce level of {@code window}, {@link Level#HEALTHY} when none was recorded. */
  public Level bounce(Window window) {
    return bounce.getOrDefault(Objects.requireNonNull(window, "window"), Level.HEALTHY);
  }

  /** The complaint level of {@code window}, {@link Level#HEALTHY} when none was recorded. */
  public Level complaint(Window window) {
    return complaint.getOrDefault(Objects.requireNonNull(window, "window"), Level.HEALTHY);
  }
}
