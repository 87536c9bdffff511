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
 *   <li>Eligible sends are counted per channel and summed (see {@link Denominator}; SES counts only
 *       mail it attempted: developer guide, "Event publishing contents" and
 *       sending-email-suppression-list.html). Configuration-set traffic: {@code SEND − UNSENT} when
 *       the window has {@code Send} events ({@code UNSENT}: {@code OnAccountSuppressionList}
 *       bounces and complaints and rejects), else {@code DELIVERY + attempted bounces} when it has
 *       deliveries, else no denominator. Traffic without a configuration set: {@code
 *       IDENTITY_ATTEMPTED} when it has {@code IDENTITY_DELIVERY}, else none. The bounce
 *       denominator leaves out sends to verified domains ({@code *_VERIFIED}); the complaint
 *       denominator leaves out sends to domains without a feedback loop ({@code *_NON_FBL}).
 *       Buckets written before these fields existed count as before. The volume walk re-decides on
 *       the running totals after every bucket.
 *   <li>Bounces are {@code BOUNCE_COUNTED}, complaints {@code COMPLAINT_COUNTED} (one per report);
 *       only those of channels with a denominator enter a rate. A metric whose denominator is 0 has
 *       level {@link Level#UNKNOWN} and rate 0 (reported as no rate).
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

  /** The levels a rate can reach, least severe first ({@link Level#UNKNOWN} is not one). */
  private static final Level[] LEVELS = {
    Level.HEALTHY, Level.WARNING, Level.CRITICAL, Level.REVIEW, Level.PAUSE
  };

  private final Thresholds thresholds;
  private final Grading bounce;
  private final Grading complaint;

  public RateCalculator(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    double[] bounceEnter = new double[LEVELS.length];
    double[] complaintEnter = new double[LEVELS.length];
    for (int i = 1; i < LEVELS.length; i++) {
      bounceEnter[i] = thresholds.bounceThreshold(LEVELS[i]);
      complaintEnter[i] = thresholds.complaintThreshold(LEVELS[i]);
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
    Level level = Level.UNKNOWN;
    for (WindowRates w : windows) {
      level = Level.max(level, w.level());
    }
    return new ScopeRates(scope, level, windows);
  }

  /**
   * The level of rates measured elsewhere (SES's own figures): the highest level whose threshold
   * the rate reaches, no hysteresis; {@link Level#UNKNOWN} when both are null.
   */
  public Level grade(Double bounceRate, Double complaintRate) {
    Level level = Level.UNKNOWN;
    if (bounceRate != null) {
      level = Level.max(level, bounce.level(bounceRate, Level.HEALTHY));
    }
    if (complaintRate != null) {
      level = Level.max(level, complaint.level(complaintRate, Level.HEALTHY));
    }
    return level;
  }

  private WindowRates rates(
      Window window, Instant from, Instant to, Tally tally, PreviousLevels previous) {
    Channels c = tally.channels();
    boolean rated = c.denominator() != Denominator.NONE;
    double bounceRate =
        c.bounceEligible() == 0 ? 0 : c.ratedBounces() / (double) c.bounceEligible();
    double complaintRate =
        c.complaintEligible() == 0 ? 0 : c.ratedComplaints() / (double) c.complaintEligible();
    // A metric without a denominator has no level: unknown never raises a level or pauses.
    Level bounceLevel =
        rated && c.bounceEligible() > 0
            ? bounce.level(bounceRate, previous.bounce(window))
            : Level.UNKNOWN;
    Level complaintLevel =
        rated && c.complaintEligible() > 0
            ? complaint.level(complaintRate, previous.complaint(window))
            : Level.UNKNOWN;
    return new WindowRates(
        window,
        from,
        to,
        c.bounceEligible(),
        tally.get(CounterField.BOUNCE_COUNTED),
        tally.get(CounterField.COMPLAINT_COUNTED),
        bounceRate,
        complaintRate,
        bounceLevel,
        complaintLevel,
        Level.max(bounceLevel, complaintLevel),
        c.bounceEligible() < thresholds.minEligibleSends(),
        c.complaintEligible(),
        c.denominator());
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
      // An unknown previous level holds nothing: it is below healthy.
      for (int i = java.util.Arrays.asList(LEVELS).indexOf(previous); i > raw; i--) {
        if (rate >= exit[i]) {
          return LEVELS[i];
        }
      }
      return LEVELS[raw];
    }
  }

  /**
   * One window's eligible sends and rated counts, its channels summed.
   *
   * @param bounceEligible the bounce rate's denominator (verified domains left out)
   * @param complaintEligible the complaint rate's denominator (feedback-loop domains only)
   * @param ratedBounces counted bounces of channels with a denominator
   * @param ratedComplaints counted complaints of channels with a denominator
   */
  private record Channels(
      long bounceEligible,
      long complaintEligible,
      long ratedBounces,
      long ratedComplaints,
      Denominator denominator) {}

  /** Running totals of every counter over some buckets. */
  private static final class Tally {
    private static final CounterField[] FIELDS = CounterField.values();
    private final long[] sums = new long[FIELDS.length];

    /**
     * Sends with a {@code Send} event that SES never attempted. A bucket written before {@link
     * CounterField#UNSENT} existed (neither it nor any identity field present) subtracts its {@code
     * OnAccountSuppressionList} bounces, as the guardian always did.
     */
    private long unsent;

    void add(Instant hour, Map<CounterField, Long> fields) {
      for (CounterField field : FIELDS) {
        long v = get(hour, fields, field);
        sums[field.ordinal()] = Math.addExact(sums[field.ordinal()], v);
      }
      boolean legacy =
          !fields.containsKey(CounterField.UNSENT)
              && !fields.containsKey(CounterField.IDENTITY_ATTEMPTED);
      unsent =
          Math.addExact(
              unsent,
              legacy
                  ? get(hour, fields, CounterField.BOUNCE_ON_ACCOUNT_LIST)
                  : get(hour, fields, CounterField.UNSENT));
    }

    long get(CounterField field) {
      return sums[field.ordinal()];
    }

    /** The bounce rate's denominator (what the volume window accumulates). */
    long eligible() {
      return channels().bounceEligible();
    }

    /**
     * The two channels: configuration-set traffic (its {@code Send} events if it has any, else its
     * deliveries plus attempted bounces if it has deliveries, else no denominator) and traffic
     * without a configuration set (deliveries plus attempted bounces if it has deliveries).
     */
    Channels channels() {
      long attempted =
          get(CounterField.DELIVERY)
              + get(CounterField.BOUNCE_PERMANENT)
              + get(CounterField.BOUNCE_TRANSIENT)
              + get(CounterField.BOUNCE_UNDETERMINED)
              - get(CounterField.BOUNCE_ON_ACCOUNT_LIST);
      long identityAttempted = get(CounterField.IDENTITY_ATTEMPTED);
      long bounceEligible = 0;
      long complaintEligible = 0;
      long ratedBounces = 0;
      long ratedComplaints = 0;
      boolean send = false;
      boolean delivery = false;

      long sends = get(CounterField.SEND);
      long setDeliveries = get(CounterField.DELIVERY) - get(CounterField.IDENTITY_DELIVERY);
      if (sends > 0) {
        send = true;
        long verified = get(CounterField.SEND_VERIFIED) - get(CounterField.UNSENT_VERIFIED);
        long nonFbl = get(CounterField.SEND_NON_FBL) - get(CounterField.UNSENT_NON_FBL);
        bounceEligible += Math.max(0, sends - unsent - Math.max(0, verified));
        complaintEligible += Math.max(0, sends - unsent - Math.max(0, nonFbl));
      } else if (setDeliveries > 0) {
        delivery = true;
        long setAttempted = Math.max(0, attempted - identityAttempted);
        long verified =
            get(CounterField.ATTEMPTED_VERIFIED) - get(CounterField.IDENTITY_ATTEMPTED_VERIFIED);
        long nonFbl =
            get(CounterField.ATTEMPTED_NON_FBL) - get(CounterField.IDENTITY_ATTEMPTED_NON_FBL);
        bounceEligible += Math.max(0, setAttempted - Math.max(0, verified));
        complaintEligible += Math.max(0, setAttempted - Math.max(0, nonFbl));
      }
      if (send || delivery) {
        ratedBounces +=
            get(CounterField.BOUNCE_COUNTED) - get(CounterField.IDENTITY_BOUNCE_COUNTED);
        ratedComplaints +=
            get(CounterField.COMPLAINT_COUNTED) - get(CounterField.IDENTITY_COMPLAINT_COUNTED);
      }
      if (get(CounterField.IDENTITY_DELIVERY) > 0) {
        delivery = true;
        bounceEligible +=
            Math.max(0, identityAttempted - get(CounterField.IDENTITY_ATTEMPTED_VERIFIED));
        complaintEligible +=
            Math.max(0, identityAttempted - get(CounterField.IDENTITY_ATTEMPTED_NON_FBL));
        ratedBounces += get(CounterField.IDENTITY_BOUNCE_COUNTED);
        ratedComplaints += get(CounterField.IDENTITY_COMPLAINT_COUNTED);
      }
      return new Channels(
          bounceEligible,
          complaintEligible,
          Math.max(0, ratedBounces),
          Math.max(0, ratedComplaints),
          Denominator.of(send, delivery));
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
