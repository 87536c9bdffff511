/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sesguardian.aws.CloudWatchSesMetrics;
import io.sesguardian.aws.Deadlines;
import io.sesguardian.aws.DynamoDbMonitorStore;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.aws.Priming;
import io.sesguardian.aws.SesV2Account;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.canary.Canaries;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.AlertPublisher;
import io.sesguardian.domain.monitor.RatesReader;
import io.sesguardian.domain.monitor.SesAccount;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.report.ReportRenderer;
import io.sesguardian.domain.report.WeeklyReport;
import io.sesguardian.domain.report.WeeklyReports;
import io.sesguardian.domain.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weekly (EventBridge schedule): builds the status check of the last complete ISO week, stores it
 * in the table (JSON and Markdown, versioned) and publishes a summary to the alert topic.
 */
public final class ReportHandler implements RequestStreamHandler {

  private final GuardianRuntime runtime;
  private final MonitorConfig config;
  private final CloudWatchSesMetrics sesMetrics;
  private final SesAccount ses;
  private final AlertPublisher alerts;
  private final ReportRenderer renderer;
  private final Clock clock;
  private final Telemetry telemetry = StdoutTelemetry.toStdout("report");

  /** Used by the Lambda runtime. */
  public ReportHandler() {
    this(Wiring.RUNTIME, MonitorConfig.fromEnvironment(System.getenv()));
  }

  /**
   * The production wiring over a given runtime. The dead-letter queue's depth is not read: an SQS
   * client only for it would double the function's start-up work, and the dead-letter alarm watches
   * the queue, and {@code guardian readiness} shows its depth.
   */
  public ReportHandler(GuardianRuntime runtime, MonitorConfig config) {
    this.runtime = runtime;
    this.config = config;
    this.sesMetrics = runtime.sesMetrics();
    this.ses = new SesV2Account(runtime.clients().sesV2());
    this.alerts = config.alerts(runtime.clients().sns());
    this.renderer = new ReportRenderer(config.policy().thresholds());
    this.clock = runtime.clock();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    // The table's retries stop in time for the invocation to answer.
    GuardianRuntime bounded =
        runtime.withDeadline(Deadlines.lambda(context.getRemainingTimeInMillis(), clock));
    DynamoDbMonitorStore monitor = bounded.monitorStore();
    WeeklyReports reports =
        new WeeklyReports(
            bounded.store(),
            monitor,
            new RatesReader(monitor, monitor, config.policy()),
            config.policy().thresholds(),
            sesMetrics);
    String week = WeeklyReports.weekOf(clock.instant().minus(Duration.ofDays(7)));
    WeeklyReport report =
        reports.build(
            week,
            ses.status(),
            null,
            Canaries.summary(
                bounded
                    .canaryStore()
                    .runs(
                        WeeklyReports.weekStart(week),
                        WeeklyReports.weekStart(week).plus(Duration.ofDays(7)))));
    String markdown = renderer.markdown(report);
    bounded.reportArchive().save(report, renderer.json(report), markdown);
    alerts.publish(
        new Alert(
            "report",
            "SES guardian weekly status " + week + ": " + summary(report),
            markdown,
            clock.instant()));
    telemetry
        .forRequest(context.getAwsRequestId())
        .info("weekly report stored and published", Map.of("week", week));
    output.write(("{\"week\":\"" + week + "\",\"stored\":true}").getBytes(StandardCharsets.UTF_8));
  }

  static String summary(WeeklyReport report) {
    List<ScopeRates> rates = report.rates();
    if (rates.isEmpty()) {
      return "no traffic";
    }
    ScopeRates account = rates.get(0);
    return account
        .window(Window.D7)
        .map(
            w ->
                String.format(
                    Locale.ROOT,
                    "%s, 7d bounce %.2f%%, complaint %.3f%%",
                    account.level().jsonName(),
                    w.bounceRate() * 100,
                    w.complaintRate() * 100))
        .orElse(account.level().jsonName());
  }

  /** The production wiring, built once per container. */
  static final class Wiring {
    static final GuardianRuntime RUNTIME = GuardianRuntime.fromEnvironment(System.getenv());

    /** SnapStart priming: the stored scope states (a Query, as every evaluation makes). */
    static final Priming PRIMING =
        new Priming(
                List.of(() -> RUNTIME.monitorStore().scopeStates()),
                StdoutTelemetry.toStdout("report"))
            .register();

    private Wiring() {}
  }
}
