/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.StdoutTelemetry;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SNS → SQS → Lambda: a batch per invocation, stored as one unit so that its counters are written
 * together. Answers with {@code batchItemFailures} ({@code ReportBatchItemFailures}): only the
 * messages that could not be stored go back to the queue; rejected input is not a failure (it would
 * fail again) and is logged instead.
 */
public final class IngestQueueHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOURCE_PREFIX = "sqs:";

  private final FeedbackIngest ingest;
  private final Telemetry telemetry;

  /** Used by the Lambda runtime. */
  public IngestQueueHandler() {
    this(IngestHandler.Wiring.INSTANCE.ingest(), IngestHandler.Wiring.INSTANCE.telemetry());
  }

  /** The production wiring over a given runtime (see {@link IngestHandler}). */
  public IngestQueueHandler(io.sesguardian.aws.GuardianRuntime runtime, String monitorFunction) {
    this(
        IngestHandler.feedbackIngest(runtime, monitorFunction),
        StdoutTelemetry.toStdout(IngestHandler.FUNCTION));
  }

  IngestQueueHandler(FeedbackIngest ingest, Telemetry telemetry) {
    this.ingest = ingest;
    this.telemetry = telemetry;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    List<FeedbackIngest.Document> documents = new ArrayList<>();
    List<String> messageIds = new ArrayList<>();
    JsonNode records = event == null ? null : event.get("Records");
    if (records != null && records.isArray()) {
      for (JsonNode record : records) {
        String id = record.path("messageId").asText("");
        messageIds.add(id);
        documents.add(
            new FeedbackIngest.Document(SOURCE_PREFIX + id, record.path("body").asText("")));
      }
    }
    Telemetry requestTelemetry = telemetry.forRequest(context.getAwsRequestId());
    Set<String> failed = new LinkedHashSet<>();
    try {
      IngestReport report = ingest.ingest(documents, requestTelemetry);
      for (String source : report.failedSources()) {
        String id = source.substring(SOURCE_PREFIX.length());
        int item = id.indexOf('#');
        failed.add(item < 0 ? id : id.substring(0, item));
      }
    } catch (StoreUnavailableException e) {
      requestTelemetry.error(
          "store unavailable; the whole batch goes back to the queue",
          Map.of("error", String.valueOf(e.getMessage())));
      failed.addAll(messageIds);
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    failed.forEach(id -> failures.addObject().put("itemIdentifier", id));
    JSON.writeValue(output, response);
  }
}
