/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.monitor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.EmbeddedMetrics;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.aws.Priming;
import io.sesguardian.domain.monitor.MonitorReport;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.rates.ScopeRates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every scope's rates on a schedule and when ingest asks (after new bounces or
 * complaints), announces level changes and SES account changes to the alert topic, and pauses
 * non-critical sending when configured to.
 */
public final class MonitorHandler implements RequestStreamHandler {

  private final ReputationMonitor monitor;
  private final Clock clock;

  /** Used by the Lambda runtime. */
  public MonitorHandler() {
    this(
        Wiring.RUNTIME.reputationMonitor(MonitorConfig.fromEnvironment(System.getenv())),
        Wiring.RUNTIME.clock());
  }

  /** The production wiring over a given runtime. */
  public MonitorHandler(GuardianRuntime runtime, MonitorConfig config) {
    this(runtime.reputationMonitor(config), runtime.clock());
  }

  MonitorHandler(ReputationMonitor monitor, Clock clock) {
    this.monitor = monitor;
    this.clock = clock;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    MonitorReport report = monitor.evaluate(clock.instant());
    ObjectNode line =
        JsonNodeFactory.instance
            .objectNode()
            .put("level", "INFO")
            .put("message", "evaluated")
            .put("accountLevel", report.level().jsonName())
            .put("scopes", report.scopes().size())
            .put("alerts", report.alerts().size())
            .put("pauses", report.actions().size());
    if (report.account() != null) {
      line.put("enforcementStatus", report.account().enforcementStatus());
    }
    for (ScopeRates s : report.scopes()) {
      line.with("levels").put(s.scope().key(), s.level().jsonName());
    }
    context.getLogger().log(line.toString());
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("AccountLevel", (long) report.level().ordinal());
    metrics.put("Alerts", (long) report.alerts().size());
    metrics.put("Pauses", (long) report.actions().size());
    context.getLogger().log(EmbeddedMetrics.line("monitor", clock.instant(), metrics));
    output.write(line.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The production wiring, built once per container. */
  static final class Wiring {
    static final GuardianRuntime RUNTIME = GuardianRuntime.fromEnvironment(System.getenv());

    /** SnapStart priming: the stored scope states (a Query, as every evaluation makes). */
    static final Priming PRIMING =
        new Priming(List.of(() -> RUNTIME.monitorStore().scopeStates()), System.out::println)
            .register();

    private Wiring() {}
  }
}
