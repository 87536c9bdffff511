/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The rate thresholds and window parameters of the rate calculator.
 *
 * <p>Rates are fractions (0.05 means 5 %). A metric is at a level once its rate is at or above that
 * level's threshold. On the way down a level is left only once the rate is below {@code threshold ×
 * (1 − hysteresis)}; that exit bound is computed in decimal from the two values as written and
 * rounded once to the nearest {@code double}, so with the defaults a bounce rate of exactly 4.5 %
 * still holds {@link Level#REVIEW}.
 *
 * @param bounceWarning bounce rate of {@link Level#WARNING}, in (0, 1]
 * @param bounceCritical bounce rate of {@link Level#CRITICAL}, above {@code bounceWarning}
 * @param bounceReview bounce rate of {@link Level#REVIEW}, above {@code bounceCritical}
 * @param bouncePause bounce rate of {@link Level#PAUSE}, above {@code bounceReview}, at most 1
 * @param complaintWarning complaint rate of {@link Level#WARNING}, in (0, 1]
 * @param complaintCritical complaint rate of {@link Level#CRITICAL}, above {@code complaintWarning}
 * @param complaintReview complaint rate of {@link Level#REVIEW}, above {@code complaintCritical}
 * @param complaintPause complaint rate of {@link Level#PAUSE}, above {@code complaintReview}, at
 *     most 1
 * @param hysteresis the fraction of a threshold below which the rate must fall to leave its level,
 *     in [0, 1); 0 leaves a level as soon as the rate is below its threshold
 * @param minEligibleSends windows with fewer eligible sends than this are flagged low-volume and
 *     never trigger a pause (at least 1)
 * @param volumeSends the eligible sends the {@link Window#VOLUME} window accumulates (at least 1)
 * @param volumeLookback how far back the {@link Window#VOLUME} window may reach: a positive whole
 *     number of hours, counted in hourly buckets including the current one
 */
public record Thresholds(
    double bounceWarning,
    double bounceCritical,
    double bounceReview,
    double bouncePause,
    double complaintWarning,
    double complaintCritical,
    double complaintReview,
    double complaintPause,
    double hysteresis,
    long minEligibleSends,
    long volumeSends,
    Duration volumeLookback) {

  /**
   * Bounce 2 % / 4 % / 5 % / 10 %, complaint 0.04 % / 0.08 % / 0.1 % / 0.5 %, 10 % hysteresis, 200
   * eligible sends for a window to count, and a volume window of 10,000 sends reaching back as far
   * as the counters are kept (400 days, the default counter retention): SES quotes representative
   * volumes reaching back over 200 days for small senders.
   */
  public static final Thresholds DEFAULT =
      new Thresholds(
          0.02,
          0.04,
          0.05,
          0.10,
          0.0004,
          0.0008,
          0.001,
          0.005,
          0.10,
          200,
          10_000,
          Duration.ofDays(400));

  public Thresholds {
    Objects.requireNonNull(volumeLookback, "volumeLookback");
    increasing("bounce", bounceWarning, bounceCritical, bounceReview, bouncePause);
    increasing("complaint", complaintWarning, complaintCritical, complaintReview, complaintPause);
    if (!(hysteresis >= 0 && hysteresis < 1)) {
      throw new IllegalArgumentException("hysteresis must be in [0, 1), not " + hysteresis);
    }
    if (minEligibleSends < 1) {
      throw new IllegalArgumentException(
          "minEligibleSends must be positive, not " + minEligibleSends);
    }
    if (volumeSends < 1) {
      throw new IllegalArgumentException("volumeSends must be positive, not " + volumeSends);
    }
    if (volumeLookback.isNegative()
        || volumeLookback.isZero()
        || !volumeLookback.equals(Duration.ofHours(volumeLookback.toHours()))) {
      throw new IllegalArgumentException(
          "volumeLookback must be a positive whole number of hours, not " + volumeLookback);
    }
  }

  private static void increasing(String metric, double... thresholds) {
    String[] names = {"Warning", "Critical", "Review", "Pause"};
    for (int i = 0; i < thresholds.length; i++) {
      if (!(thresholds[i] > 0 && thresholds[i] <= 1)) {
        throw new IllegalArgumentException(
            metric + names[i] + " must be in (0, 1], not " + thresholds[i]);
      }
      if (i > 0 && !(thresholds[i] > thresholds[i - 1])) {
        throw new IllegalArgumentException(
            metric
                + names[i]
                + " ("
                + thresholds[i]
                + ") must be greater than "
                + metric
                + names[i - 1]
                + " ("
                + thresholds[i - 1]
                + ")");
      }
    }
  }

  /**
   * The bounce rate at or above which the bounce metric is at {@code level}.
   *
   * @throws IllegalArgumentException for {@link Level#HEALTHY}, which has no threshold
   */
  public double bounceThreshold(Level level) {
    return switch (Objects.requireNonNull(level, "level")) {
      case WARNING -> bounceWarning;
      case CRITICAL -> bounceCritical;
      case REVIEW -> bounceReview;
      case PAUSE -> bouncePause;
      case HEALTHY, UNKNOWN ->
          throw new IllegalArgumentException(level + " has no bounce threshold");
    };
  }

  /**
   * The complaint rate at or above which the complaint metric is at {@code level}.
   *
   * @throws IllegalArgumentException for {@link Level#HEALTHY}, which has no threshold
   */
  public double complaintThreshold(Level level) {
    return switch (Objects.requireNonNull(level, "level")) {
      case WARNING -> complaintWarning;
      case CRITICAL -> complaintCritical;
      case REVIEW -> complaintReview;
      case PAUSE -> complaintPause;
      case HEALTHY, UNKNOWN ->
          throw new IllegalArgumentException(level + " has no complaint threshold");
    };
  }

  /** {@code threshold × (1 − hysteresis)}, computed in decimal and rounded once. */
  double exitBound(double threshold) {
    return BigDecimal.valueOf(threshold)
        .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(hysteresis)))
        .doubleValue();
  }

  /** The number of hourly buckets the volume window may cover. */
  long volumeLookbackHours() {
    return volumeLookback.toHours();
  }
}
