/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.feedback.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * SNS → SQS → Lambda: a batch per invocation, stored a unit at a time so that counters are written
 * together. Answers with {@code batchItemFailures} ({@code ReportBatchItemFailures}): the messages
 * that could not be stored, and those the deadline left no time for, go back to the queue; rejected
 * input is not a failure (it would fail again) and is logged instead.
 */
public final class IngestQueueHandler implements RequestStreamHandler {

  private final FeedbackIngest ingest;

  /** Used by the Lambda runtime. */
  public IngestQueueHandler() {
    this(IngestHandler.Wiring.INSTANCE.ingest());
  }

  /** The production wiring over a given runtime (see {@link IngestHandler}). */
  public IngestQueueHandler(GuardianRuntime runtime) {
    this(IngestHandler.feedbackIngest(runtime, StdoutTelemetry.toStdout(IngestHandler.FUNCTION)));
  }

  IngestQueueHandler(FeedbackIngest ingest) {
    this.ingest = ingest;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    ingest
        .ingest(FeedbackEnvelopes.lambdaSqs(event), context)
        .unfinished()
        .forEach(id -> failures.addObject().put("itemIdentifier", id));
    JsonTrees.write(response, output);
  }
}
