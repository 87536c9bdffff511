/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.canary;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.CanaryConfig;
import io.sesguardian.aws.Deadlines;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.SesV2CanarySender;
import io.sesguardian.aws.SnsAlertPublisher;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.canary.Canaries;
import io.sesguardian.domain.canary.CanaryRun;
import io.sesguardian.domain.monitor.DashboardLink;
import io.sesguardian.domain.telemetry.Telemetry;
import io.sesguardian.domain.time.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Opt-in canaries (they send mail): every hour it closes runs whose feedback arrived or timed out
 * (alerting on the latter), and once per interval sends a new run to the SES mailbox simulator.
 */
public final class CanaryHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The canaries of one invocation, over a store bounded by its deadline. */
  private final Function<Deadline, Canaries> canaries;

  private final Clock clock;
  private final Telemetry telemetry = StdoutTelemetry.toStdout("canary");

  /** Used by the Lambda runtime. */
  public CanaryHandler() {
    this(GuardianRuntime.fromEnvironment(System.getenv()), System.getenv());
  }

  /** The production wiring over a given runtime, configured by {@link CanaryConfig}. */
  public CanaryHandler(GuardianRuntime runtime, Map<String, String> env) {
    CanaryConfig config = CanaryConfig.fromEnvironment(env);
    SesV2CanarySender sender =
        new SesV2CanarySender(runtime.clients().sesV2(), config.from(), config.configurationSet());
    var alerts =
        DashboardLink.of(
            new SnsAlertPublisher(runtime.clients().sns(), config.alertTopicArn()),
            config.dashboardUrl());
    this.canaries =
        deadline ->
            new Canaries(
                sender,
                runtime.canaryStore().withDeadline(deadline),
                alerts,
                config.timeout(),
                config.interval());
    this.clock = runtime.clock();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    List<Map<String, Object>> closed = new ArrayList<>();
    Deadline deadline = Deadlines.lambda(context.getRemainingTimeInMillis(), clock);
    for (CanaryRun run : canaries.apply(deadline).tick(clock.instant())) {
      closed.add(Map.of("run", run.runId(), "outcome", String.valueOf(run.outcome())));
    }
    Map<String, Object> summary = Map.of("closed", closed);
    telemetry.forRequest(context.getAwsRequestId()).info("canaries", summary);
    output.write(JSON.writeValueAsBytes(summary));
  }
}
