/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.canary;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.ConfigurationException;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.aws.SesV2CanarySender;
import io.sesguardian.aws.SnsAlertPublisher;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.canary.Canaries;
import io.sesguardian.domain.canary.CanaryRun;
import io.sesguardian.domain.monitor.DashboardLink;
import io.sesguardian.domain.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opt-in canaries (they send mail): every hour it closes runs whose feedback arrived or timed out
 * (alerting on the latter), and once per interval sends a new run to the SES mailbox simulator.
 */
public final class CanaryHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Canaries canaries;
  private final Clock clock;
  private final Telemetry telemetry = StdoutTelemetry.toStdout("canary");

  /** Used by the Lambda runtime. */
  public CanaryHandler() {
    this(GuardianRuntime.fromEnvironment(System.getenv()), System.getenv());
  }

  /**
   * The production wiring: {@code CANARY_FROM} (a verified identity, required), {@code
   * CANARY_CONFIGURATION_SET}, {@code CANARY_TIMEOUT_MINUTES} (30), {@code CANARY_INTERVAL_HOURS}
   * (24), {@code ALERT_TOPIC_ARN}, {@code DASHBOARD_URL} (optional).
   */
  public CanaryHandler(GuardianRuntime runtime, Map<String, String> env) {
    String from = env.get("CANARY_FROM");
    if (from == null || from.isBlank()) {
      throw new ConfigurationException(
          "CANARY_FROM is not set: canaries send from a verified SES identity (template parameter"
              + " CanaryFromAddress)");
    }
    String topic = env.get("ALERT_TOPIC_ARN");
    if (topic == null || topic.isBlank()) {
      throw new ConfigurationException("ALERT_TOPIC_ARN is not set (template.yaml sets it)");
    }
    this.canaries =
        new Canaries(
            new SesV2CanarySender(
                runtime.clients().sesV2(), from, env.get("CANARY_CONFIGURATION_SET")),
            runtime.canaryStore(),
            DashboardLink.of(
                new SnsAlertPublisher(runtime.clients().sns(), topic),
                MonitorConfig.dashboardUrl(env)),
            Duration.ofMinutes(minutes(env, "CANARY_TIMEOUT_MINUTES", 30)),
            Duration.ofHours(minutes(env, "CANARY_INTERVAL_HOURS", 24)));
    this.clock = runtime.clock();
  }

  private static long minutes(Map<String, String> env, String name, long fallback) {
    String v = env.get(name);
    try {
      return v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name + "=" + v + " is not a whole number");
    }
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    List<Map<String, Object>> closed = new ArrayList<>();
    for (CanaryRun run : canaries.tick(clock.instant())) {
      closed.add(Map.of("run", run.runId(), "outcome", String.valueOf(run.outcome())));
    }
    Map<String, Object> summary = Map.of("closed", closed);
    telemetry.forRequest(context.getAwsRequestId()).info("canaries", summary);
    output.write(JSON.writeValueAsBytes(summary));
  }
}
