/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.Window;
import java.util.Objects;

/**
 * What a level alert is about, as values, so the weekly report need not read it back from the
 * alert's text.
 *
 * @param scope the scope whose level moved
 * @param metric the rate that drove the move (the worse of the two in the worst window)
 * @param from the level before
 * @param to the level after
 * @param window the worst window, the one at level {@code to}
 */
public record LevelMove(Scope scope, Metric metric, Level from, Level to, Window window) {

  /** Which rate drove a move. */
  public enum Metric {
    BOUNCE,
    COMPLAINT
  }

  public LevelMove {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(window, "window");
  }
}
