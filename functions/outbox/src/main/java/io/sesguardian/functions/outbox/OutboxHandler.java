/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.Priming;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.domain.sync.SyncReport;
import io.sesguardian.domain.telemetry.LogLevel;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.MetricUnit;
import io.sesguardian.domain.telemetry.Telemetry;
import io.sesguardian.domain.time.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs on a schedule (one at a time: reserved concurrency 1) and pushes pending suppressions to the
 * SES account-level list, paced at one request per second, until the outbox is empty or the
 * invocation's time is nearly up. In the sandbox it holds everything and says so.
 */
public final class OutboxHandler implements RequestStreamHandler {

  /** Time left unused at the end of an invocation, for the last writes and logs. */
  static final Duration MARGIN = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The writer of one invocation, over a table whose retries stop at its deadline. */
  private final Function<Instant, SuppressionSync> sync;

  private final Clock clock;
  private final Telemetry telemetry;

  /** Used by the Lambda runtime. */
  public OutboxHandler() {
    this(wiring(Wiring.RUNTIME), Wiring.RUNTIME.clock(), Wiring.TELEMETRY);
  }

  /** The production wiring over a given runtime. */
  public OutboxHandler(GuardianRuntime runtime) {
    this(wiring(runtime), runtime.clock(), StdoutTelemetry.toStdout("outbox"));
  }

  OutboxHandler(SuppressionSync sync, Clock clock, Telemetry telemetry) {
    this(deadline -> sync, clock, telemetry);
  }

  private OutboxHandler(Function<Instant, SuppressionSync> sync, Clock clock, Telemetry telemetry) {
    this.sync = sync;
    this.clock = clock;
    this.telemetry = telemetry;
  }

  /** One writer per container (pacer, settings cache), bound per invocation to its deadline. */
  private static Function<Instant, SuppressionSync> wiring(GuardianRuntime runtime) {
    SuppressionSync writer = runtime.suppressionSync();
    return deadline -> {
      GuardianRuntime bounded = runtime.withDeadline(new Deadline(deadline, runtime.clock()));
      return writer.over(bounded.store(), bounded.suppressionAdmin());
    };
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    Instant deadline = clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
    SyncReport report;
    try {
      report = sync.apply(deadline).run(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pacing SES calls", e);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("sandbox", report.sandbox());
    summary.put("synced", report.synced().size());
    summary.put("notNeeded", report.notNeeded().size());
    summary.put("failed", report.failed().size());
    summary.put("throttled", report.throttled());
    summary.put("pending", report.pendingAfter());
    summary.put("oldestPendingSeconds", report.oldestPending().toSeconds());
    String message =
        report.sandbox()
            ? "account is in the SES sandbox: PutSuppressedDestination is refused there;"
                + " holding every pending suppression until production access"
            : "outbox run";
    Telemetry t = telemetry.forRequest(context.getAwsRequestId());
    t.log(report.failed().isEmpty() ? LogLevel.INFO : LogLevel.WARN, message, summary);
    // OutboxOldestAgeSeconds feeds OutboxAgeAlarm (template.yaml): keep its name and dimension.
    t.metrics(
        List.of(
            Metric.count("OutboxSynced", report.synced().size()),
            Metric.count("OutboxNotNeeded", report.notNeeded().size()),
            Metric.count("OutboxFailed", report.failed().size()),
            Metric.count("OutboxThrottled", report.throttled()),
            Metric.count("OutboxPending", report.pendingAfter()),
            new Metric("Sandbox", report.sandbox() ? 1 : 0, MetricUnit.NONE),
            Metric.seconds("OutboxOldestAgeSeconds", report.oldestPending().toSeconds())));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("message", message);
    response.putAll(summary);
    output.write(JSON.writeValueAsBytes(response));
  }

  /** The production wiring, built once per container. */
  static final class Wiring {
    static final GuardianRuntime RUNTIME = GuardianRuntime.fromEnvironment(System.getenv());
    static final Telemetry TELEMETRY = StdoutTelemetry.toStdout("outbox");

    /** SnapStart priming: one outbox count (a Query on the outbox index). */
    static final Priming PRIMING =
        new Priming(List.of(() -> RUNTIME.store().pendingOutboxSize()), TELEMETRY).register();

    private Wiring() {}
  }
}
