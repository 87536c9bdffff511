/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.rates.ScopeRates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The weekly status check: the evidence that the account handles bounces and complaints, in one
 * versioned document.
 *
 * @param version the document's format version ({@value #VERSION})
 * @param week the ISO week, e.g. {@code 2026-W12}
 * @param from the week's start (Monday 00:00 UTC)
 * @param to the week's end (the next Monday 00:00 UTC), exclusive
 * @param account the SES {@code GetAccount} snapshot, or null when not taken (local mode)
 * @param rates every scope's rates as of {@code to}
 * @param previous the account's rates as of {@code from} (the previous week's end)
 * @param daily the account's rates per UTC day for the 30 days ending at {@code to}
 * @param suppressions what changed on the suppression list during the week
 * @param handling how fast and how completely feedback was handled during the week
 * @param alerts alerts announced during the week
 * @param actions pauses and resumes during the week
 * @param canaries canary results, or the reason there are none
 * @param scopeDaily every scope's rates per UTC day for the same 30 days, in the order of {@code
 *     rates} (the account's series equals {@code daily})
 * @param ses SES's own figures beside the guardian's ({@link SesReading#NOT_READ} locally)
 */
public record WeeklyReport(
    int version,
    String week,
    Instant from,
    Instant to,
    AccountStatus account,
    List<ScopeRates> rates,
    ScopeRates previous,
    List<DailyRate> daily,
    SuppressionChanges suppressions,
    Handling handling,
    List<Alert> alerts,
    List<ActionRecord> actions,
    String canaries,
    List<ScopeDaily> scopeDaily,
    SesReading ses) {

  public static final int VERSION = 1;

  public WeeklyReport {
    java.util.Objects.requireNonNull(ses, "ses");
    rates = List.copyOf(rates);
    daily = List.copyOf(daily);
    alerts = List.copyOf(alerts);
    actions = List.copyOf(actions);
    scopeDaily = List.copyOf(scopeDaily);
  }

  /** The daily series of {@code scope} (a {@link io.sesguardian.domain.ingest.Scope} key). */
  public List<DailyRate> daily(String scope) {
    return scopeDaily.stream()
        .filter(s -> s.scope().equals(scope))
        .findFirst()
        .map(ScopeDaily::days)
        .orElse(scope.equals("account") ? daily : List.of());
  }

  /** One scope's rates per UTC day, oldest first. */
  public record ScopeDaily(String scope, List<DailyRate> days) {
    public ScopeDaily {
      java.util.Objects.requireNonNull(scope, "scope");
      days = List.copyOf(days);
    }
  }

  /** One day of the account's traffic. */
  public record DailyRate(
      LocalDate day,
      long eligibleSends,
      long bounces,
      long complaints,
      double bounceRate,
      double complaintRate) {}

  /**
   * @param added addresses whose first bounce or complaint (as SES timed it) fell in the week, by
   *     reason ({@code BOUNCE}, {@code COMPLAINT})
   * @param escalations of those, added by soft-bounce escalation (repeats, or one permanent
   *     mailbox-level status)
   * @param removals addresses removed (the guardian never removes; SES console removals are not
   *     seen)
   * @param total addresses on the list when the report was built
   */
  public record SuppressionChanges(
      Map<String, Long> added, long escalations, long removals, long total) {
    public SuppressionChanges {
      added = Map.copyOf(added);
    }
  }

  /**
   * @param notifications notifications processed during the week
   * @param duplicates repeats dropped
   * @param rejected inputs refused as malformed
   * @param toRecorded time from SES's event to the suppression being recorded: p50, p95, max, of
   *     the entries whose first event fell in the week (bucketed, see {@link Latency#atMost})
   * @param toSes time from SES's event to the SES account-level list being updated: p50, p95, max,
   *     of the same entries once synced (suppressions SES added by itself, or never sent, are not
   *     in it)
   * @param outboxBacklog entries waiting for SES when the report was built
   * @param deadLetterDepth messages in the dead-letter queue, or null when not measured
   */
  public record Handling(
      long notifications,
      long duplicates,
      long rejected,
      Latency toRecorded,
      Latency toSes,
      long outboxBacklog,
      Long deadLetterDepth) {}

  /**
   * Percentiles of a set of durations; all zero with {@code count} 0 when there were none.
   *
   * @param atMost the values come from a histogram of fixed buckets ({@code
   *     io.sesguardian.domain.ingest.SuppressionCounts}): each is the upper bound of the bucket
   *     that holds the percentile (the true value is at most that), and {@link #OVER_LAST_BUCKET}
   *     means "more than 24 hours"; false: exact values
   */
  public record Latency(int count, Duration p50, Duration p95, Duration max, boolean atMost) {

    /** Stands for the histogram's open last bucket: more than 24 hours. */
    public static final Duration OVER_LAST_BUCKET = Duration.ofHours(24).plusSeconds(1);

    /** Exact values. */
    public Latency(int count, Duration p50, Duration p95, Duration max) {
      this(count, p50, p95, max, false);
    }
  }
}
