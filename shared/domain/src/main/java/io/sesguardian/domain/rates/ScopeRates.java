/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import io.sesguardian.domain.ingest.Scope;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rates of one scope over every window.
 *
 * @param scope the account, a configuration set or a sending domain
 * @param level the most severe level of any window, low-volume windows included (what is reported)
 * @param windows the windows, each at most once ({@link RateCalculator} gives all four, in {@link
 *     Window} order; immutable copy)
 */
public record ScopeRates(Scope scope, Level level, List<WindowRates> windows) {

  public ScopeRates {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(level, "level");
    windows = List.copyOf(windows);
    Set<Window> seen = EnumSet.noneOf(Window.class);
    // No window at all is healthy (nothing to report); windows without a denominator are unknown.
    Level highest = windows.isEmpty() ? Level.HEALTHY : Level.UNKNOWN;
    for (WindowRates w : windows) {
      if (!seen.add(w.window())) {
        throw new IllegalArgumentException("window " + w.window() + " appears more than once");
      }
      highest = Level.max(highest, w.level());
    }
    if (level != highest) {
      throw new IllegalArgumentException(
          "level must be the highest window level (" + highest + "), not " + level);
    }
  }

  /**
   * The most severe level among windows with enough volume ({@link WindowRates#lowVolume()} false),
   * {@link Level#HEALTHY} if there are none. This, not {@link #level()}, decides pausing: a
   * low-volume window never triggers a pause, and neither does one without a denominator ({@link
   * Level#UNKNOWN} is below every level).
   */
  public Level actionableLevel() {
    Level highest = Level.HEALTHY;
    for (WindowRates w : windows) {
      if (!w.lowVolume()) {
        highest = Level.max(highest, w.level());
      }
    }
    return highest;
  }

  /** Each window's bounce and complaint levels, to pass to the next evaluation of this scope. */
  public PreviousLevels levels() {
    Map<Window, Level> bounce = new EnumMap<>(Window.class);
    Map<Window, Level> complaint = new EnumMap<>(Window.class);
    for (WindowRates w : windows) {
      bounce.put(w.window(), w.bounceLevel());
      complaint.put(w.window(), w.complaintLevel());
    }
    return new PreviousLevels(bounce, complaint);
  }

  /** The rates over {@code window}, if evaluated. */
  public Optional<WindowRates> window(Window window) {
    Objects.requireNonNull(window, "window");
    return windows.stream().filter(w -> w.window() == window).findFirst();
  }
}
