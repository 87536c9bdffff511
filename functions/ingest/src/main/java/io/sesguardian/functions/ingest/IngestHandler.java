/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.Priming;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * SNS → Lambda: one SNS record per invocation. The raw event goes straight to the normaliser (no
 * Lambda event classes). When something could not be stored the invocation fails, so Lambda retries
 * it and finally hands it to the on-failure destination; a repeat changes nothing already stored.
 * Bad input is logged and not retried: it would fail the same way every time.
 */
public final class IngestHandler implements RequestStreamHandler {

  /** The {@code Function} dimension of the ingest metrics (both wirings share it). */
  static final String FUNCTION = "ingest";

  private final FeedbackIngest ingest;
  private final Telemetry telemetry;

  /** Used by the Lambda runtime: wires DynamoDB from the environment once per container. */
  public IngestHandler() {
    this(Wiring.INSTANCE.ingest(), Wiring.INSTANCE.telemetry());
  }

  /**
   * The production wiring over a given runtime (the no-arg constructor uses the environment's): the
   * ingest service, and the monitor trigger when {@code monitorFunction} names one.
   */
  public IngestHandler(GuardianRuntime runtime, String monitorFunction) {
    this(feedbackIngest(runtime, monitorFunction), StdoutTelemetry.toStdout(FUNCTION));
  }

  IngestHandler(FeedbackIngest ingest, Telemetry telemetry) {
    this.ingest = ingest;
    this.telemetry = telemetry;
  }

  static FeedbackIngest feedbackIngest(GuardianRuntime runtime, String monitorFunction) {
    return new FeedbackIngest(
        new FeedbackNormalizer(),
        runtime.ingestService(),
        runtime.clock(),
        trigger(runtime, monitorFunction),
        runtime.rejectedItems());
  }

  /** Invokes the monitor function asynchronously (Event), when one is named. */
  static MonitorTrigger trigger(GuardianRuntime runtime, String function) {
    if (function == null || function.isBlank()) {
      return MonitorTrigger.NONE;
    }
    LambdaClient lambda = runtime.clients().build(LambdaClient.builder());
    return new MonitorTrigger(
        () ->
            lambda.invoke(
                r ->
                    r.functionName(function)
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String("{\"source\":\"ingest\"}"))),
        runtime.clock());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    String request = context.getAwsRequestId();
    IngestReport report =
        ingest.ingest(
            List.of(new FeedbackIngest.Document("request:" + request, event)),
            telemetry.forRequest(request));
    if (!report.stored()) {
      throw new IngestFailedException(report.failedSources());
    }
    output.write(
        ("{\"items\":%d,\"duplicates\":%d,\"rejected\":%d,\"suppressed\":%d}"
                .formatted(
                    report.items(),
                    report.duplicates(),
                    report.rejected().size(),
                    report.suppressed().size()))
            .getBytes(StandardCharsets.UTF_8));
  }

  private static final String PRIMING_BOUNCE =
      "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
          + "\"bouncedRecipients\":[{\"emailAddress\":\"priming@invalid\"}],"
          + "\"timestamp\":\"2026-01-01T00:00:00Z\"},\"mail\":{\"messageId\":\"priming\"}}";

  /**
   * SnapStart priming: a normalisation of a built-in bounce and one harmless DynamoDB Query (the
   * soft-bounce history of an address that cannot exist), so the first real invocation is warm.
   */
  static Priming priming(GuardianRuntime runtime, Telemetry telemetry) {
    return new Priming(
        List.of(
            () -> new FeedbackNormalizer().normalize("priming", PRIMING_BOUNCE),
            () -> runtime.store().softBounceTimes("priming@invalid", Instant.EPOCH, Instant.EPOCH)),
        telemetry);
  }

  /** The production wiring, built once per container (and before a SnapStart snapshot). */
  static final class Wiring {
    static final Wiring INSTANCE = new Wiring();

    private final GuardianRuntime runtime = GuardianRuntime.fromEnvironment(System.getenv());
    private final Telemetry telemetry = StdoutTelemetry.toStdout(FUNCTION);
    private final FeedbackIngest ingest =
        feedbackIngest(runtime, System.getenv().get("MONITOR_FUNCTION"));

    /** Held so the CRaC context (which references resources weakly) keeps it. */
    private final Priming priming = IngestHandler.priming(runtime, telemetry).register();

    FeedbackIngest ingest() {
      return ingest;
    }

    Telemetry telemetry() {
      return telemetry;
    }
  }
}
