/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SuppressionCounts;
import io.sesguardian.domain.ingest.SuppressionList;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.AlertLog;
import io.sesguardian.domain.monitor.PauseLog;
import io.sesguardian.domain.monitor.RatesReader;
import io.sesguardian.domain.monitor.SesReputationMetrics;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.RateCalculator;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Thresholds;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the weekly report from the stores. Read only: building a report changes nothing. */
public final class WeeklyReports {

  private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  private final SuppressionList suppressions;
  private final SuppressionOutbox outbox;
  private final EventCounters counters;
  private final PauseLog pauses;
  private final AlertLog alerts;
  private final RatesReader rates;
  private final RateCalculator calculator;
  private final java.util.Optional<SesReputationMetrics> sesMetrics;

  /**
   * A report over the roles it reads, usually a feedback store (suppression list and outbox) and a
   * monitor store (counters, pause log, alert log).
   */
  public <
          F extends SuppressionList & SuppressionOutbox,
          M extends EventCounters & PauseLog & AlertLog>
      WeeklyReports(F feedback, M monitor, RatesReader rates, Thresholds t) {
    this(feedback, monitor, rates, t, java.util.Optional.empty());
  }

  /**
   * A report that also shows SES's own figures, read through {@code sesMetrics} (one request per
   * report).
   */
  public <
          F extends SuppressionList & SuppressionOutbox,
          M extends EventCounters & PauseLog & AlertLog>
      WeeklyReports(
          F feedback, M monitor, RatesReader rates, Thresholds t, SesReputationMetrics sesMetrics) {
    this(feedback, monitor, rates, t, java.util.Optional.of(sesMetrics));
  }

  private <
          F extends SuppressionList & SuppressionOutbox,
          M extends EventCounters & PauseLog & AlertLog>
      WeeklyReports(
          F feedback,
          M monitor,
          RatesReader rates,
          Thresholds t,
          java.util.Optional<SesReputationMetrics> sesMetrics) {
    this.suppressions = Objects.requireNonNull(feedback, "feedback");
    this.outbox = feedback;
    this.counters = Objects.requireNonNull(monitor, "monitor");
    this.pauses = monitor;
    this.alerts = monitor;
    this.rates = Objects.requireNonNull(rates, "rates");
    this.calculator = new RateCalculator(t);
    this.sesMetrics = Objects.requireNonNull(sesMetrics, "sesMetrics");
  }

  /** The Monday 00:00 UTC that starts an ISO week such as {@code 2026-W12}. */
  public static Instant weekStart(String isoWeek) {
    Matcher m = ISO_WEEK.matcher(isoWeek);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "week " + isoWeek + " is not an ISO week such as 2026-W12");
    }
    try {
      LocalDate monday =
          LocalDate.of(Integer.parseInt(m.group(1)), 6, 1)
              .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
              .with(DayOfWeek.MONDAY);
      return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("week " + isoWeek + " does not exist", e);
    }
  }

  /** The ISO week that contains {@code t}, e.g. {@code 2026-W12}. */
  public static String weekOf(Instant t) {
    LocalDate d = t.atZone(ZoneOffset.UTC).toLocalDate();
    return String.format(
        Locale.ROOT,
        "%d-W%02d",
        d.get(IsoFields.WEEK_BASED_YEAR),
        d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * @param account the SES account snapshot, or null when it was not taken
   * @param deadLetterDepth messages in the dead-letter queue, or null when not measured
   * @param canaries canary results, or why there are none
   */
  public WeeklyReport build(
      String isoWeek, AccountStatus account, Long deadLetterDepth, String canaries) {
    Instant from = weekStart(isoWeek);
    Instant to = from.plus(Duration.ofDays(7));
    // One view of the counters for the whole build: the monitor's 30 days per scope, the previous
    // week's 90 days, the daily series and the week overlap, and each hour is read once.
    CounterMemo counters = new CounterMemo(this.counters);
    List<ScopeRates> scopes = rates.countingThrough(counters).rates(to.minusMillis(1));
    // The week's list changes and handling come from the account's counters of the week (168
    // hourly rows at most), never from the list itself: the report costs the same however long
    // the list grows.
    Map<Instant, Map<CounterField, Long>> week =
        counters.counters(Scope.ACCOUNT, from, to.minus(Duration.ofHours(1)));
    ScopeRates previous =
        calculator.evaluate(
            Scope.ACCOUNT,
            counters.counters(Scope.ACCOUNT, from.minus(Duration.ofDays(90)), from),
            from.minusMillis(1),
            PreviousLevels.NONE);
    List<WeeklyReport.DailyRate> accountDaily = daily(counters, Scope.ACCOUNT, to);
    return new WeeklyReport(
        WeeklyReport.VERSION,
        isoWeek,
        from,
        to,
        account,
        scopes,
        previous,
        accountDaily,
        suppressions(week),
        handling(week, deadLetterDepth),
        alerts.alerts(from, to),
        pauses.actions(from).stream().filter(a -> a.at().isBefore(to)).toList(),
        canaries,
        scopes.stream()
            .map(
                s ->
                    new WeeklyReport.ScopeDaily(
                        s.scope().key(),
                        s.scope().equals(Scope.ACCOUNT)
                            ? accountDaily
                            : daily(counters, s.scope(), to)))
            .toList(),
        ses(scopes, to));
  }

  /** SES's own figures for the report's scopes as of the week's end, when a reader is wired. */
  private SesReading ses(List<ScopeRates> scopes, Instant to) {
    if (sesMetrics.isEmpty()) {
      return SesReading.NOT_READ;
    }
    Map<String, io.sesguardian.domain.monitor.SesFigures> byScope = new java.util.HashMap<>();
    sesMetrics
        .get()
        .read(scopes.stream().map(ScopeRates::scope).toList(), to.minusMillis(1))
        .forEach((scope, figures) -> byScope.put(scope.key(), figures));
    return new SesReading(true, byScope);
  }

  private static List<WeeklyReport.DailyRate> daily(
      EventCounters counters, Scope scope, Instant to) {
    Instant first = to.minus(Duration.ofDays(30));
    Map<Instant, Map<CounterField, Long>> hourly =
        counters.counters(scope, first, to.minus(Duration.ofHours(1)));
    Map<LocalDate, long[]> days = new TreeMap<>();
    for (Instant d = first; d.isBefore(to); d = d.plus(Duration.ofDays(1))) {
      days.put(d.atZone(ZoneOffset.UTC).toLocalDate(), new long[6]);
    }
    hourly.forEach(
        (hour, fields) -> {
          long[] sums = days.get(hour.atZone(ZoneOffset.UTC).toLocalDate());
          if (sums != null) {
            sums[0] += fields.getOrDefault(CounterField.SEND, 0L);
            sums[1] += fields.getOrDefault(CounterField.DELIVERY, 0L);
            sums[2] +=
                fields.getOrDefault(CounterField.BOUNCE_PERMANENT, 0L)
                    + fields.getOrDefault(CounterField.BOUNCE_TRANSIENT, 0L)
                    + fields.getOrDefault(CounterField.BOUNCE_UNDETERMINED, 0L);
            sums[3] += fields.getOrDefault(CounterField.BOUNCE_ON_ACCOUNT_LIST, 0L);
            sums[4] += fields.getOrDefault(CounterField.BOUNCE_COUNTED, 0L);
            sums[5] += fields.getOrDefault(CounterField.COMPLAINT_COUNTED, 0L);
          }
        });
    List<WeeklyReport.DailyRate> out = new ArrayList<>();
    days.forEach(
        (day, s) -> {
          long eligible = Math.max(0, (s[0] > 0 ? s[0] : s[1] + s[2]) - s[3]);
          out.add(
              new WeeklyReport.DailyRate(
                  day,
                  eligible,
                  s[4],
                  s[5],
                  eligible == 0 ? 0 : s[4] / (double) eligible,
                  eligible == 0 ? 0 : s[5] / (double) eligible));
        });
    return out;
  }

  private WeeklyReport.SuppressionChanges suppressions(Map<Instant, Map<CounterField, Long>> week) {
    Map<String, Long> added = new TreeMap<>();
    long bounces = sum(week, CounterField.SUPPRESSED_BOUNCE);
    long complaints = sum(week, CounterField.SUPPRESSED_COMPLAINT);
    // By when SES saw the bounce or complaint (the counters' hour), so a replayed history reports
    // its own weeks.
    if (bounces > 0) {
      added.put(SuppressionReason.BOUNCE.name(), bounces);
    }
    if (complaints > 0) {
      added.put(SuppressionReason.COMPLAINT.name(), complaints);
    }
    return new WeeklyReport.SuppressionChanges(
        added, sum(week, CounterField.SUPPRESSED_ESCALATION), 0, suppressions.suppressionCount());
  }

  private WeeklyReport.Handling handling(
      Map<Instant, Map<CounterField, Long>> week, Long deadLetterDepth) {
    long[] recorded = new long[SuppressionCounts.BUCKETS.size()];
    long[] synced = new long[recorded.length];
    for (int i = 0; i < recorded.length; i++) {
      recorded[i] = sum(week, SuppressionCounts.BUCKETS.get(i).recorded());
      synced[i] = sum(week, SuppressionCounts.BUCKETS.get(i).synced());
    }
    return new WeeklyReport.Handling(
        sum(week, CounterField.ITEMS),
        sum(week, CounterField.DUPLICATES),
        sum(week, CounterField.REJECTED),
        histogram(recorded),
        histogram(synced),
        outbox.pendingOutboxSize(),
        deadLetterDepth);
  }

  private static long sum(Map<Instant, Map<CounterField, Long>> hours, CounterField field) {
    long total = 0;
    for (Map<CounterField, Long> hour : hours.values()) {
      total += hour.getOrDefault(field, 0L);
    }
    return total;
  }

  /**
   * p50, p95 and max of a histogram over {@link SuppressionCounts#BUCKETS} by nearest rank, each
   * the upper bound of the bucket that holds it (what the counters can honestly say).
   */
  static WeeklyReport.Latency histogram(long[] counts) {
    long total = 0;
    int highest = -1;
    for (int i = 0; i < counts.length; i++) {
      total += counts[i];
      if (counts[i] > 0) {
        highest = i;
      }
    }
    if (total == 0) {
      return new WeeklyReport.Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, true);
    }
    return new WeeklyReport.Latency(
        (int) Math.min(Integer.MAX_VALUE, total),
        bound(counts, total, 0.50),
        bound(counts, total, 0.95),
        bound(highest),
        true);
  }

  private static Duration bound(long[] counts, long total, double p) {
    long rank = Math.max(1, (long) Math.ceil(p * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return bound(i);
      }
    }
    return bound(counts.length - 1);
  }

  private static Duration bound(int bucket) {
    Duration b = SuppressionCounts.BUCKETS.get(bucket).bound();
    return b != null ? b : WeeklyReport.Latency.OVER_LAST_BUCKET;
  }
}
