/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.Thresholds;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the monitor judges and acts.
 *
 * @param thresholds rate thresholds, hysteresis, low-volume and volume-window settings
 * @param pauseAt the account level at which non-critical configuration sets are paused; {@code
 *     null} = never (the default: pausing is opt-in)
 * @param nonCriticalConfigurationSets the configuration sets that may be paused
 * @param pauseAccountAt the account level at which the whole account is paused as a last resort;
 *     {@code null} = never
 * @param quotaAlertShare 24-hour quota use that raises an alert (0.8 = 80%)
 */
public record MonitorPolicy(
    Thresholds thresholds,
    Level pauseAt,
    Set<String> nonCriticalConfigurationSets,
    Level pauseAccountAt,
    double quotaAlertShare) {

  public static final MonitorPolicy DEFAULT =
      new MonitorPolicy(Thresholds.DEFAULT, null, Set.of(), null, 0.8);

  public MonitorPolicy {
    Objects.requireNonNull(thresholds, "thresholds");
    nonCriticalConfigurationSets = Set.copyOf(nonCriticalConfigurationSets);
    if (pauseAt != null && pauseAt.compareTo(Level.WARNING) < 0) {
      throw new IllegalArgumentException("pauseAt must be WARNING or higher, not " + pauseAt);
    }
    if (pauseAccountAt != null && pauseAccountAt.compareTo(Level.WARNING) < 0) {
      throw new IllegalArgumentException(
          "pauseAccountAt must be WARNING or higher, not " + pauseAccountAt);
    }
    if (!(quotaAlertShare > 0 && quotaAlertShare <= 1)) {
      throw new IllegalArgumentException(
          "quotaAlertShare must be in (0, 1], not " + quotaAlertShare);
    }
  }

  public Optional<Level> pauseLevel() {
    return Optional.ofNullable(pauseAt);
  }

  public Optional<Level> pauseAccountLevel() {
    return Optional.ofNullable(pauseAccountAt);
  }
}
