/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.IngestReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SNS → Lambda: one SNS record per invocation. The raw event goes straight to the normaliser (no
 * Lambda event classes). When something could not be stored the invocation fails, so Lambda retries
 * it and finally hands it to the on-failure destination; a repeat changes nothing already stored.
 * Bad input is logged and not retried: it would fail the same way every time.
 */
public final class IngestHandler implements RequestStreamHandler {

  private final FeedbackIngest ingest;

  /** Used by the Lambda runtime: wires DynamoDB from the environment once per container. */
  public IngestHandler() {
    this(Wiring.INSTANCE.ingest());
  }

  IngestHandler(FeedbackIngest ingest) {
    this.ingest = ingest;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    IngestReport report =
        ingest.ingest(
            List.of(new FeedbackIngest.Document("request:" + context.getAwsRequestId(), event)),
            context.getLogger()::log);
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

  /** The production wiring, built once per container (and before a SnapStart snapshot). */
  static final class Wiring {
    static final Wiring INSTANCE = new Wiring();
    private final GuardianRuntime runtime = GuardianRuntime.fromEnvironment(System.getenv());

    FeedbackIngest ingest() {
      return new FeedbackIngest(new FeedbackNormalizer(), runtime.ingestService(), runtime.clock());
    }
  }
}
