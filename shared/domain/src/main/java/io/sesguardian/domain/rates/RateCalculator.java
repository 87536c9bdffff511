/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.rates;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Computes a scope's bounce and complaint rates over {@link Window#H24}, {@link Window#D7}, {@link
 * Window#D30} and {@link Window#VOLUME} from its hourly counters, the way SES counts them, and
 * grades them against {@link Thresholds}.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Only buckets whose hour start is at or before {@code hour(now)} count; later (future)
 *       buckets are ignored. Fixed windows are as described in {@link Window}.
 *   <li>{@link Window#VOLUME} walks back bucket by bucket from {@code hour(now)}, at most {@link
 *       Thresholds#volumeLookback()} (that many hourly buckets, the current one included),
 *       accumulating until the eligible sends reach {@link Thresholds#volumeSends()}; it then
 *       covers exactly the buckets walked. If the lookback ends first it covers the whole lookback.
 *   <li>Eligible sends: {@code SEND − BOUNCE_ON_ACCOUNT_LIST} when the window's {@code SEND} total
 *       is positive, else {@code DELIVERY + BOUNCE_PERMANENT + BOUNCE_TRANSIENT +
 *       BOUNCE_UNDETERMINED − BOUNCE_ON_ACCOUNT_LIST}; never below 0. The volume walk re-decides on
 *       the running totals after every bucket.
 *   <li>Bounces are {@code BOUNCE_COUNTED}, complaints {@code COMPLAINT_COUNTED}; a rate is the
 *       count divided by the eligible sends, 0 when there are none.
 *   <li>A metric's raw level is the highest level whose threshold is at or below its rate. Going up
 *       is immediate. Going down from a previous level, the metric holds the highest level L with
 *       {@code raw < L ≤ previous} whose exit bound {@code threshold(L) × (1 − hysteresis)} the
 *       rate still reaches; if there is none it drops to the raw level.
 *   <li>A window is low-volume when its eligible sends are below {@link
 *       Thresholds#minEligibleSends()}; it still reports its levels.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class RateCalculator {

  private static final Level[] LEVELS = Level.values();

  private final Thresholds thresholds;
  private final Grading bounce;
  private final Grading complaint;

  public RateCalculator(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    double[] bounceEnter = new double[LEVELS.length];
    double[] complaintEnter = new double[LEVELS.length];
    for (Level level : LEVELS) {
      if (level != Level.HEALTHY) {
        bounceEnter[level.ordinal()] = thresholds.bounceThreshold(level);
        complaintEnter[level.ordinal()] = thresholds.complaintThreshold(level);
      }
    }
    this.bounce = new Grading(bounceEnter, thresholds);
    this.complaint = new Grading(complaintEnter, thresholds);
  }

  /**
   * Evaluates one scope.
   *
   * @param scope the scope the counters belong to
   * @param hourly the scope's counters: hour start (UTC, whole hours) to counter values (each ≥ 0;
   *     missing fields and {@code null} values count as 0)
   * @param now the evaluation time; the windows end here
   * @param previous the levels from this scope's previous evaluation ({@link PreviousLevels#NONE}
   *     when there is none)
   * @return every window's rates, in {@link Window} order
   * @throws IllegalArgumentException if a bucket's key does not start an hour or a counter counted
   *     is negative
   * @throws ArithmeticException if a window's counts overflow a {@code long}
   */
  public ScopeRates evaluate(
      Scope scope,
      Map<Instant, Map<CounterField, Long>> hourly,
      Instant now,
      PreviousLevels previous) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(hourly, "hourly");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(previous, "previous");
    Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
    long span = Math.max(Window.D30.hours(), thresholds.volumeLookbackHours());
    Instant earliest = currentHour.minus(Duration.ofHours(span - 1));

    NavigableMap<Instant, Map<CounterField, Long>> buckets = new TreeMap<>();
    hourly.forEach(
        (hour, fields) -> {
          Objects.requireNonNull(hour, "bucket hour");
          if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
            throw new IllegalArgumentException("bucket key must start an hour: " + hour);
          }
          if (!hour.isBefore(earliest) && !hour.isAfter(currentHour) && fields != null) {
            buckets.put(hour, fields);
          }
        });

    List<WindowRates> windows = new ArrayList<>();
    for (Window window : Window.values()) {
      Tally tally = new Tally();
      Instant from;
      if (window == Window.VOLUME) {
        from = currentHour.minus(Duration.ofHours(thresholds.volumeLookbackHours() - 1));
        for (Map.Entry<Instant, Map<CounterField, Long>> bucket :
            buckets.tailMap(from, true).descendingMap().entrySet()) {
          tally.add(bucket.getKey(), bucket.getValue());
          if (tally.eligible() >= thresholds.volumeSends()) {
            from = bucket.getKey();
            break;
          }
        }
      } else {
        from = currentHour.minus(Duration.ofHours(window.hours() - 1L));
        buckets.tailMap(from, true).forEach(tally::add);
      }
      windows.add(rates(window, from, now, tally, previous));
    }
    Level level = Level.HEALTHY;
    for (WindowRates w : windows) {
      level = Level.max(level, w.level());
    }
    return new ScopeRates(scope, level, windows);
  }

  private WindowRates rates(
      Window window, Instant from, Instant to, Tally tally, PreviousLevels previous) {
    long eligible = tally.eligible();
    double bounceRate = eligible == 0 ? 0 : tally.bounces / (double) eligible;
    double complaintRate = eligible == 0 ? 0 : tally.complaints / (double) eligible;
    Level bounceLevel = bounce.level(bounceRate, previous.bounce(window));
    Level complaintLevel = complaint.level(complaintRate, previous.complaint(window));
    return new WindowRates(
        window,
        from,
        to,
        eligible,
        tally.bounces,
        tally.complaints,
        bounceRate,
        complaintRate,
        bounceLevel,
        complaintLevel,
        Level.max(bounceLevel, complaintLevel),
        eligible < thresholds.minEligibleSends());
  }

  /** One metric's entry thresholds and hysteresis exit bounds, indexed by level ordinal. */
  private static final class Grading {
    private final double[] enter;
    private final double[] exit;

    Grading(double[] enter, Thresholds thresholds) {
      this.enter = enter;
      this.exit = new double[enter.length];
      for (int i = 1; i < enter.length; i++) {
        exit[i] = thresholds.exitBound(enter[i]);
      }
    }

    Level level(double rate, Level previous) {
      int raw = 0;
      for (int i = 1; i < enter.length; i++) {
        if (rate >= enter[i]) {
          raw = i;
        }
      }
      for (int i = previous.ordinal(); i > raw; i--) {
        if (rate >= exit[i]) {
          return LEVELS[i];
        }
      }
      return LEVELS[raw];
    }
  }

  /** Running totals of the counters that matter over some buckets. */
  private static final class Tally {
    private long sends;
    private long attempted;
    private long onAccountList;
    private long bounces;
    private long complaints;

    void add(Instant hour, Map<CounterField, Long> fields) {
      sends = Math.addExact(sends, get(hour, fields, CounterField.SEND));
      attempted = Math.addExact(attempted, get(hour, fields, CounterField.DELIVERY));
      attempted = Math.addExact(attempted, get(hour, fields, CounterField.BOUNCE_PERMANENT));
      attempted = Math.addExact(attempted, get(hour, fields, CounterField.BOUNCE_TRANSIENT));
      attempted = Math.addExact(attempted, get(hour, fields, CounterField.BOUNCE_UNDETERMINED));
      onAccountList =
          Math.addExact(onAccountList, get(hour, fields, CounterField.BOUNCE_ON_ACCOUNT_LIST));
      bounces = Math.addExact(bounces, get(hour, fields, CounterField.BOUNCE_COUNTED));
      complaints = Math.addExact(complaints, get(hour, fields, CounterField.COMPLAINT_COUNTED));
    }

    long eligible() {
      long base = sends > 0 ? sends : attempted;
      return Math.max(0, base - onAccountList);
    }

    private static long get(Instant hour, Map<CounterField, Long> fields, CounterField field) {
      Long value = fields.get(field);
      if (value == null) {
        return 0;
      }
      if (value < 0) {
        throw new IllegalArgumentException(
            "counter " + field + " of the bucket at " + hour + " is negative: " + value);
      }
      return value;
    }
  }
}
