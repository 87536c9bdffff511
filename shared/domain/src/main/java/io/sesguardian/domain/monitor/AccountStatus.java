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
 * @param review the latest production-access review ({@code Details.ReviewDetails}); {@code null}
 *     when SES reports none or it is not known
 */
public record AccountStatus(
    String enforcementStatus,
    boolean sendingEnabled,
    boolean productionAccess,
    double max24HourSend,
    double sentLast24Hours,
    Review review) {

  public AccountStatus {
    Objects.requireNonNull(enforcementStatus, "enforcementStatus");
  }

  /** An account whose review details are unknown or absent. */
  public AccountStatus(
      String enforcementStatus,
      boolean sendingEnabled,
      boolean productionAccess,
      double max24HourSend,
      double sentLast24Hours) {
    this(enforcementStatus, sendingEnabled, productionAccess, max24HourSend, sentLast24Hours, null);
  }

  /**
   * SES's production-access review ({@code GetAccount} {@code Details.ReviewDetails}, SESv2 API
   * reference): status {@code PENDING}, {@code GRANTED}, {@code DENIED} or {@code FAILED}, and the
   * support case that carries it. SES refuses {@code PutAccountDetails} while one is pending.
   *
   * @param status as SES says it
   * @param caseId the support case id (nullable)
   */
  public record Review(String status, String caseId) {
    public Review {
      Objects.requireNonNull(status, "status");
    }

    public boolean pending() {
      return status.equalsIgnoreCase("PENDING");
    }

    /** For people: {@code PENDING (case 1234)}. */
    public String describe() {
      return status + (caseId == null ? "" : " (case " + caseId + ")");
    }
  }

  public boolean shutdown() {
    return enforcementStatus.equalsIgnoreCase("SHUTDOWN");
  }

  /** Share of the 24-hour quota used, 0 when the quota is unknown. */
  public double quotaUse() {
    return max24HourSend <= 0 ? 0 : sentLast24Hours / max24HourSend;
  }
}
