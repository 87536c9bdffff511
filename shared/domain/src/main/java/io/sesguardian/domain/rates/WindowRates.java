/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import java.time.Instant;
import java.util.Objects;

/**
 * The bounce and complaint rates of one scope over one window.
 *
 * <p>Eligible sends are the sends SES attempted, summed over the window's channels (see {@link
 * Denominator}): {@code Send} events minus those SES never attempted ({@code
 * OnAccountSuppressionList} bounces and complaints, rejects) for configuration-set traffic with
 * {@code Send} events, otherwise deliveries plus attempted bounces; never below 0. The bounce
 * rate's denominator leaves out mail to the account's verified domains; the complaint rate's counts
 * only mail to feedback-loop domains. Bounces and complaints are only those SES counts toward its
 * rates (one complaint per feedback report), from channels that have a denominator;
 * mailbox-simulator traffic never counts. Counters are kept by event hour, so a window may hold
 * feedback whose sends fell before it; a rate can then exceed 1.
 *
 * @param window which window
 * @param from the start of the first hourly bucket counted (UTC), at or before {@code to}
 * @param to the evaluation time ({@code now}); the window includes the current, partial hour
 * @param eligibleSends sends SES attempted in the window to recipients outside the account's
 *     verified domains: the bounce rate's denominator (≥ 0)
 * @param bounces bounces that count toward SES's bounce rate (≥ 0)
 * @param complaints complaints that count toward SES's complaint rate (≥ 0)
 * @param bounceRate {@code bounces / eligibleSends} as a fraction, 0 when there are no eligible
 *     sends
 * @param complaintRate {@code complaints / eligibleSends} as a fraction, 0 when there are no
 *     eligible sends
 * @param bounceLevel the bounce level, hysteresis applied
 * @param complaintLevel the complaint level, hysteresis applied
 * @param level the more severe of {@code bounceLevel} and {@code complaintLevel}
 * @param lowVolume fewer eligible sends than {@link Thresholds#minEligibleSends()} (always so when
 *     there are none): the levels are still reported but never trigger a pause
 * @param complaintEligibleSends sends SES attempted in the window to feedback-loop domains: the
 *     complaint rate's denominator (≥ 0)
 * @param denominator which channels gave the eligible sends; {@link Denominator#NONE} means no
 *     rate: both rates are 0 here (shown as {@code null}) and the level is {@link Level#UNKNOWN}
 */
public record WindowRates(
    Window window,
    Instant from,
    Instant to,
    long eligibleSends,
    long bounces,
    long complaints,
    double bounceRate,
    double complaintRate,
    Level bounceLevel,
    Level complaintLevel,
    Level level,
    boolean lowVolume,
    long complaintEligibleSends,
    Denominator denominator) {

  /** Whether the rates mean anything: some channel had a denominator. */
  public boolean hasRates() {
    return denominator != Denominator.NONE;
  }

  public WindowRates {
    Objects.requireNonNull(denominator, "denominator");
    if (complaintEligibleSends < 0) {
      throw new IllegalArgumentException(
          "complaintEligibleSends must not be negative: " + complaintEligibleSends);
    }
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(bounceLevel, "bounceLevel");
    Objects.requireNonNull(complaintLevel, "complaintLevel");
    Objects.requireNonNull(level, "level");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
    }
    if (eligibleSends < 0 || bounces < 0 || complaints < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: eligibleSends="
              + eligibleSends
              + ", bounces="
              + bounces
              + ", complaints="
              + complaints);
    }
    if (!(bounceRate >= 0 && Double.isFinite(bounceRate))) {
      throw new IllegalArgumentException("bounceRate must be finite and ≥ 0, not " + bounceRate);
    }
    if (!(complaintRate >= 0 && Double.isFinite(complaintRate))) {
      throw new IllegalArgumentException(
          "complaintRate must be finite and ≥ 0, not " + complaintRate);
    }
    if (level != Level.max(bounceLevel, complaintLevel)) {
      throw new IllegalArgumentException(
          "level must be the higher of bounceLevel ("
              + bounceLevel
              + ") and complaintLevel ("
              + complaintLevel
              + "), not "
              + level);
    }
    if (eligibleSends == 0 && !lowVolume) {
      throw new IllegalArgumentException("a window without eligible sends is low-volume");
    }
  }
}
