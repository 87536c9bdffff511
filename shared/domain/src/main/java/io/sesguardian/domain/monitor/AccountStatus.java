/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.util.Objects;

/**
 * The parts of SES's {@code GetAccount} the monitor watches.
 *
 * @param enforcementStatus {@code HEALTHY}, {@code PROBATION} or {@code SHUTDOWN} (as SES says it)
 * @param sendingEnabled whether the account may send
 * @param productionAccess false while in the sandbox
 * @param max24HourSend the 24-hour sending quota
 * @param sentLast24Hours messages sent in the last 24 hours
 */
public record AccountStatus(
    String enforcementStatus,
    boolean sendingEnabled,
    boolean productionAccess,
    double max24HourSend,
    double sentLast24Hours) {

  public AccountStatus {
    Objects.requireNonNull(enforcementStatus, "enforcementStatus");
  }

  public boolean shutdown() {
    return enforcementStatus.equalsIgnoreCase("SHUTDOWN");
  }

  /** Share of the 24-hour quota used, 0 when the quota is unknown. */
  public double quotaUse() {
    return max24HourSend <= 0 ? 0 : sentLast24Hours / max24HourSend;
  }
}
