/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.monitor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.CloudWatchSesMetrics;
import io.sesguardian.aws.Deadlines;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.aws.Priming;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.monitor.MonitorReport;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.monitor.VerifiedDomainsRefresh;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.MetricUnit;
import io.sesguardian.domain.telemetry.Telemetry;
import io.sesguardian.domain.time.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates every scope's rates on a schedule and when ingest asks (after new bounces or
 * complaints), announces level changes and SES account changes to the alert topic, and pauses
 * non-critical sending when configured to.
 */
public final class MonitorHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String BOUNCE_RATE = "BounceRate";
  static final String COMPLAINT_RATE = "ComplaintRate";

  /** The windows whose rates become metrics (see {@link #rateMetrics}). */
  private static final List<Window> RATE_WINDOWS = List.of(Window.H24, Window.VOLUME);

  /** The monitor of one invocation, over a table bounded by its deadline. */
  private final Function<Deadline, ReputationMonitor> monitor;

  private final Clock clock;
  private final Telemetry telemetry;

  /**
   * Keeps the verified domains fresh in the table for ingest (SES asked at most hourly), through a
   * table bounded by the invocation's deadline.
   */
  private final Function<Deadline, VerifiedDomainsRefresh.Outcome> verifiedDomains;

  /**
   * Time the refresh needs left after the evaluation: one SESv2 call (AwsClients.CALL_TIMEOUT, 8 s)
   * and the table's read and write. With less, it waits for the next run.
   */
  static final java.time.Duration REFRESH_NEEDS = java.time.Duration.ofSeconds(12);

  /** Used by the Lambda runtime. */
  public MonitorHandler() {
    this(
        wiring(Wiring.RUNTIME, MonitorConfig.fromEnvironment(System.getenv())),
        Wiring.RUNTIME.clock(),
        Wiring.TELEMETRY,
        deadline ->
            Wiring.VERIFIED_DOMAINS.refresh(
                Wiring.RUNTIME.withDeadline(deadline).store().verifiedDomains()));
  }

  /** The production wiring over a given runtime. */
  public MonitorHandler(GuardianRuntime runtime, MonitorConfig config) {
    this(
        wiring(runtime, config),
        runtime.clock(),
        StdoutTelemetry.toStdout("monitor"),
        refreshing(runtime, runtime.verifiedDomainsRefresh()));
  }

  private static Function<Deadline, VerifiedDomainsRefresh.Outcome> refreshing(
      GuardianRuntime runtime, VerifiedDomainsRefresh refresh) {
    return deadline -> refresh.refresh(runtime.withDeadline(deadline).store().verifiedDomains());
  }

  /** A monitor that keeps no verified domains (tests of the evaluation alone). */
  MonitorHandler(ReputationMonitor monitor, Clock clock, Telemetry telemetry) {
    this(deadline -> monitor, clock, telemetry, deadline -> NOT_REFRESHED);
  }

  MonitorHandler(
      ReputationMonitor monitor,
      Clock clock,
      Telemetry telemetry,
      Function<Deadline, VerifiedDomainsRefresh.Outcome> verifiedDomains) {
    this(deadline -> monitor, clock, telemetry, verifiedDomains);
  }

  private MonitorHandler(
      Function<Deadline, ReputationMonitor> monitor,
      Clock clock,
      Telemetry telemetry,
      Function<Deadline, VerifiedDomainsRefresh.Outcome> verifiedDomains) {
    this.monitor = monitor;
    this.clock = clock;
    this.telemetry = telemetry;
    this.verifiedDomains = verifiedDomains;
  }

  private static final VerifiedDomainsRefresh.Outcome NOT_REFRESHED =
      new VerifiedDomainsRefresh.Outcome(false, -1, null, null);

  private static Function<Deadline, ReputationMonitor> wiring(
      GuardianRuntime runtime, MonitorConfig config) {
    CloudWatchSesMetrics sesMetrics = runtime.sesMetrics();
    return deadline -> runtime.withDeadline(deadline).reputationMonitor(config, sesMetrics);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    Deadline deadline = Deadlines.lambda(context.getRemainingTimeInMillis(), clock);
    Telemetry t = telemetry.forRequest(context.getAwsRequestId());
    MonitorReport report = monitor.apply(deadline).evaluate(clock.instant());
    Map<String, Object> summary = summary(report);
    // After the evaluation, so that nothing about verified domains can delay or stop it.
    if (deadline.allows(REFRESH_NEEDS)) {
      logRefresh(verifiedDomains.apply(deadline), t);
    }
    t.info("evaluated", summary);
    t.metrics(
        List.of(
            // -1 unknown (no denominator), 0 healthy ... 4 pause: the values before unknown
            // existed.
            new Metric("AccountLevel", report.level().ordinal() - 1, MetricUnit.NONE),
            Metric.count("Alerts", report.alerts().size()),
            Metric.count("Pauses", report.actions().size())));
    rateMetrics(report, t);
    output.write(JSON.writeValueAsBytes(summary));
  }

  /**
   * A new list read from SES is logged (how many domains), and so is a failure (ingest goes on with
   * the last list kept); a run that found the list fresh logs nothing.
   */
  private static void logRefresh(VerifiedDomainsRefresh.Outcome outcome, Telemetry t) {
    if (outcome.failure() != null) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("reason", outcome.failure());
      fields.put("keptReadAt", String.valueOf(outcome.readAt()));
      t.warn("verified domains not refreshed", fields);
    } else if (outcome.read()) {
      t.info("verified domains kept", Map.of("domains", outcome.domains()));
    }
  }

  /**
   * The guardian's own rates for the dashboard: {@code BounceRate} and {@code ComplaintRate} as
   * fractions (unit None, 0.05 = 5%: the scale of the thresholds in template.yaml and of SES's own
   * {@code Reputation.BounceRate}, so the same annotations and axes serve both), one document per
   * scope and window evaluated, dimensions {@code Function}, {@code Scope} (the account,
   * configuration sets and sending domains: the scopes the monitor evaluates) and {@code Window}.
   * Only the 24-hour and volume windows: every scope × window × name is a custom metric that costs
   * money each month; 7d and 30d are in the reports.
   */
  static void rateMetrics(MonitorReport report, Telemetry t) {
    for (ScopeRates s : report.scopes()) {
      for (Window window : RATE_WINDOWS) {
        s.window(window)
            .ifPresent(
                w ->
                    t.metrics(
                        Map.of("Scope", s.scope().key(), "Window", window.jsonName()),
                        List.of(
                            new Metric(BOUNCE_RATE, w.bounceRate(), MetricUnit.NONE),
                            new Metric(COMPLAINT_RATE, w.complaintRate(), MetricUnit.NONE))));
      }
    }
  }

  private static Map<String, Object> summary(MonitorReport report) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("accountLevel", report.level().jsonName());
    summary.put("scopes", report.scopes().size());
    summary.put("alerts", report.alerts().size());
    summary.put("pauses", report.actions().size());
    if (report.account() != null) {
      summary.put("enforcementStatus", report.account().enforcementStatus());
    }
    Map<String, String> levels = new LinkedHashMap<>();
    for (ScopeRates s : report.scopes()) {
      levels.put(s.scope().key(), s.level().jsonName());
    }
    if (!levels.isEmpty()) {
      summary.put("levels", levels);
    }
    return summary;
  }

  /** The production wiring, built once per container. */
  static final class Wiring {
    static final GuardianRuntime RUNTIME = GuardianRuntime.fromEnvironment(System.getenv());
    static final Telemetry TELEMETRY = StdoutTelemetry.toStdout("monitor");

    /** SnapStart priming: the stored scope states (a Query, as every evaluation makes). */
    static final Priming PRIMING =
        new Priming(List.of(() -> RUNTIME.monitorStore().scopeStates()), TELEMETRY).register();

    /** One refresh per container, so the table is read once and then only SES hourly. */
    static final VerifiedDomainsRefresh VERIFIED_DOMAINS = RUNTIME.verifiedDomainsRefresh();

    private Wiring() {}
  }
}
