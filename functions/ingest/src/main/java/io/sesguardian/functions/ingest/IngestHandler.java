/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.Priming;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.FeedbackIngestion;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestResult;
import io.sesguardian.domain.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SNS → Lambda: one SNS record per invocation, opened by {@link FeedbackEnvelopes} and ingested by
 * the shared use case. When something could not be stored the invocation fails, so Lambda retries
 * it and finally hands it to the on-failure destination; a repeat changes nothing already stored.
 * Bad input is logged and not retried: it would fail the same way every time.
 */
public final class IngestHandler implements RequestStreamHandler {

  /** The {@code Function} dimension of the ingest metrics (both wirings share it). */
  static final String FUNCTION = "ingest";

  /**
   * Deliveries stored together: an SQS batch (1,000, the template's BatchSize) is one unit, so its
   * sends and deliveries cost one counter transaction.
   */
  static final int UNIT = 1000;

  private final FeedbackIngest ingest;

  /** Used by the Lambda runtime: wires DynamoDB from the environment once per container. */
  public IngestHandler() {
    this(Wiring.INSTANCE.ingest());
  }

  /** The production wiring over a given runtime (the no-arg constructor uses the environment's). */
  public IngestHandler(GuardianRuntime runtime) {
    this(feedbackIngest(runtime, StdoutTelemetry.toStdout(FUNCTION)));
  }

  IngestHandler(FeedbackIngest ingest) {
    this.ingest = ingest;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    IngestResult result =
        ingest.ingest(
            FeedbackEnvelopes.lambdaSns("request:" + context.getAwsRequestId(), event), context);
    if (!result.unfinished().isEmpty()) {
      throw new IngestFailedException(result.unfinished());
    }
    IngestReport r = result.report();
    // Plain concatenation: ASCII digits in any locale, and no java.util.Formatter on the cold path.
    output.write(
        ("{\"items\":"
                + r.items()
                + ",\"duplicates\":"
                + r.duplicates()
                + ",\"rejected\":"
                + r.rejected().size()
                + ",\"suppressed\":"
                + r.suppressed().size()
                + "}")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The production use case over a runtime, reporting as {@code telemetry}. */
  static FeedbackIngest feedbackIngest(GuardianRuntime runtime, Telemetry telemetry) {
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    return new FeedbackIngest(
        deadline ->
            new FeedbackIngestion(
                normalizer,
                runtime.ingestService(deadline),
                UNIT,
                runtime.withDeadline(deadline).rejectedItems()),
        telemetry,
        runtime.clock());
  }

  private static final String PRIMING_EVENT =
      "{\"Records\":[{\"Sns\":{\"Type\":\"Notification\",\"MessageId\":\"priming\",\"Message\":"
          + "\"{\\\"notificationType\\\":\\\"Bounce\\\",\\\"bounce\\\":{\\\"bounceType\\\":"
          + "\\\"Permanent\\\",\\\"bouncedRecipients\\\":[{\\\"emailAddress\\\":"
          + "\\\"priming@invalid\\\"}],\\\"timestamp\\\":\\\"2026-01-01T00:00:00Z\\\"},"
          + "\\\"mail\\\":{\\\"messageId\\\":\\\"priming\\\"}}\"}}]}";

  /**
   * SnapStart priming: a built-in Lambda SNS bounce opened and normalised the way {@link
   * #handleRequest} does, one harmless DynamoDB Query (the soft-bounce history of an address that
   * cannot exist) and one GetItem (the verified domains the monitor keeps), so the first real
   * invocation is warm.
   */
  static Priming priming(GuardianRuntime runtime, Telemetry telemetry) {
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    return new Priming(
        List.of(
            () -> primeNormalisation(normalizer),
            () -> runtime.store().softBounceTimes("priming@invalid", Instant.EPOCH, Instant.EPOCH),
            () -> runtime.store().verifiedDomains().latest()),
        telemetry);
  }

  /** Opens and normalises the built-in Lambda SNS bounce, as {@link #handleRequest} would. */
  static void primeNormalisation(FeedbackNormalizer normalizer) {
    for (var d : FeedbackEnvelopes.lambdaSns("priming", PRIMING_EVENT)) {
      if (normalizer.normalize(d).records().isEmpty()) {
        throw new IllegalStateException("the priming bounce was refused");
      }
    }
  }

  /** The production wiring, built once per container (and before a SnapStart snapshot). */
  static final class Wiring {
    static final Wiring INSTANCE = new Wiring(System.getenv());

    private final Telemetry telemetry = StdoutTelemetry.toStdout(FUNCTION);
    private final FeedbackIngest ingest;

    /** Held so the CRaC context (which references resources weakly) keeps it. */
    private final Priming priming;

    Wiring(Map<String, String> env) {
      GuardianRuntime runtime = GuardianRuntime.fromEnvironment(env);
      this.ingest = feedbackIngest(runtime, telemetry);
      this.priming = IngestHandler.priming(runtime, telemetry).register();
    }

    FeedbackIngest ingest() {
      return ingest;
    }
  }
}
