/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Receives SES feedback from SNS (or SQS) and normalises it. The raw event bytes go straight to the
 * normaliser, which understands every envelope, so no Lambda event classes are deserialised.
 *
 * <p>This release normalises, logs each record with the recipient masked and hashed, and emits
 * counts as CloudWatch metrics; the suppression store is wired in by the ingest issue. Bad input is
 * logged and not retried: it would fail the same way every time.
 */
public final class IngestHandler implements RequestStreamHandler {

  private final IngestService service;

  /** Used by the Lambda runtime. */
  public IngestHandler() {
    this(new IngestService(new FeedbackNormalizer(), Clock.systemUTC()));
  }

  IngestHandler(IngestService service) {
    this.service = service;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    Normalized result =
        service.ingest("request:" + context.getAwsRequestId(), event, context.getLogger()::log);
    output.write(IngestService.summary(result).getBytes(StandardCharsets.UTF_8));
  }
}
