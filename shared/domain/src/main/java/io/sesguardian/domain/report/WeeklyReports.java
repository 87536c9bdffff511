/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionList;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.AlertLog;
import io.sesguardian.domain.monitor.PauseLog;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.RateCalculator;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Thresholds;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
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
  private final ReputationMonitor rates;
  private final RateCalculator calculator;

  /**
   * A report over the roles it reads, usually a feedback store (suppression list and outbox) and a
   * monitor store (counters, pause log, alert log).
   */
  public <
          F extends SuppressionList & SuppressionOutbox,
          M extends EventCounters & PauseLog & AlertLog>
      WeeklyReports(F feedback, M monitor, ReputationMonitor rates, Thresholds t) {
    this.suppressions = Objects.requireNonNull(feedback, "feedback");
    this.outbox = feedback;
    this.counters = Objects.requireNonNull(monitor, "monitor");
    this.pauses = monitor;
    this.alerts = monitor;
    this.rates = Objects.requireNonNull(rates, "rates");
    this.calculator = new RateCalculator(t);
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
    return "%d-W%02d"
        .formatted(d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
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
    List<ScopeRates> scopes = rates.rates(to.minusMillis(1));
    List<SuppressionEntry> recent = suppressions.suppressionsRecordedSince(from);
    ScopeRates previous =
        calculator.evaluate(
            Scope.ACCOUNT,
            counters.counters(Scope.ACCOUNT, from.minus(Duration.ofDays(90)), from),
            from.minusMillis(1),
            PreviousLevels.NONE);
    List<WeeklyReport.DailyRate> accountDaily = daily(Scope.ACCOUNT, to);
    return new WeeklyReport(
        WeeklyReport.VERSION,
        isoWeek,
        from,
        to,
        account,
        scopes,
        previous,
        accountDaily,
        suppressions(recent, from, to),
        handling(recent, from, to, deadLetterDepth),
        alerts.alerts(from, to),
        pauses.actions(from).stream().filter(a -> a.at().isBefore(to)).toList(),
        canaries,
        scopes.stream()
            .map(
                s ->
                    new WeeklyReport.ScopeDaily(
                        s.scope().key(),
                        s.scope().equals(Scope.ACCOUNT) ? accountDaily : daily(s.scope(), to)))
            .toList());
  }

  private List<WeeklyReport.DailyRate> daily(Scope scope, Instant to) {
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

  private WeeklyReport.SuppressionChanges suppressions(
      List<SuppressionEntry> recent, Instant from, Instant to) {
    Map<String, Long> added = new TreeMap<>();
    long escalations = 0;
    for (SuppressionEntry e : recent) {
      // By when SES saw the bounce or complaint, so a replayed history reports its own weeks.
      Instant seen = e.firstSeen() != null ? e.firstSeen() : e.recordedAt();
      if (seen != null && !seen.isBefore(from) && seen.isBefore(to)) {
        added.merge(e.reason().name(), 1L, Long::sum);
        if (e.origin() == SuppressionOrigin.SOFT_BOUNCE_ESCALATION) {
          escalations++;
        }
      }
    }
    return new WeeklyReport.SuppressionChanges(
        added, escalations, 0, suppressions.suppressionCount());
  }

  private WeeklyReport.Handling handling(
      List<SuppressionEntry> recent, Instant from, Instant to, Long deadLetterDepth) {
    long items = 0;
    long duplicates = 0;
    long rejected = 0;
    for (Map<CounterField, Long> hour :
        counters.counters(Scope.ACCOUNT, from, to.minus(Duration.ofHours(1))).values()) {
      items += hour.getOrDefault(CounterField.ITEMS, 0L);
      duplicates += hour.getOrDefault(CounterField.DUPLICATES, 0L);
      rejected += hour.getOrDefault(CounterField.REJECTED, 0L);
    }
    List<Duration> recorded = new ArrayList<>();
    List<Duration> synced = new ArrayList<>();
    for (SuppressionEntry e : recent) {
      if (e.recordedAt() == null || e.firstSeen() == null || !e.recordedAt().isBefore(to)) {
        continue;
      }
      recorded.add(nonNegative(Duration.between(e.firstSeen(), e.recordedAt())));
      if (e.sesState() == SesSyncState.SYNCED && e.syncedAt() != null) {
        synced.add(nonNegative(Duration.between(e.firstSeen(), e.syncedAt())));
      }
    }
    return new WeeklyReport.Handling(
        items,
        duplicates,
        rejected,
        latency(recorded),
        latency(synced),
        outbox.pendingOutboxSize(),
        deadLetterDepth);
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d.truncatedTo(ChronoUnit.SECONDS);
  }

  static WeeklyReport.Latency latency(List<Duration> values) {
    if (values.isEmpty()) {
      return new WeeklyReport.Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return new WeeklyReport.Latency(
        sorted.size(),
        nearestRank(sorted, 0.50),
        nearestRank(sorted, 0.95),
        sorted.get(sorted.size() - 1));
  }

  private static Duration nearestRank(List<Duration> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
