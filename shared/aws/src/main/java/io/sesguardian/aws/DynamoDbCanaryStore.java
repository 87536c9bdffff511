/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoTable.s;

import io.sesguardian.domain.canary.CanaryRun;
import io.sesguardian.domain.canary.CanaryRuns;
import io.sesguardian.domain.feedback.FeedbackKind;
import io.sesguardian.domain.time.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link CanaryRuns} on the guardian's table: runs under {@code pk CR} / {@code sk {runId}};
 * observations are written by ingest under {@code pk K#{runId}} / {@code sk {kind}#{address}}.
 */
public final class DynamoDbCanaryStore implements CanaryRuns {

  private final DynamoTable table;

  /** Built by {@link DynamoDbFeedbackStore#canaryStore()}: the same table. */
  DynamoDbCanaryStore(DynamoTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** The same store for one unit of work that must answer by {@code deadline}. */
  public DynamoDbCanaryStore withDeadline(Deadline deadline) {
    return new DynamoDbCanaryStore(table.withDeadline(deadline));
  }

  @Override
  public void saveRun(CanaryRun run) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key("CR", run.runId()));
    item.put("sentAt", s(run.sentAt().toString()));
    StringBuilder expected = new StringBuilder();
    run.expected().forEach((a, k) -> expected.append(a).append('=').append(k.name()).append(','));
    item.put("expected", s(expected.toString()));
    if (run.outcome() != null) {
      item.put("outcome", s(run.outcome().name()));
      StringBuilder latencies = new StringBuilder();
      run.latencies()
          .forEach((a, d) -> latencies.append(a).append('=').append(d.toMillis()).append(','));
      item.put("latencies", s(latencies.toString()));
      item.put("missing", s(String.join(",", run.missing())));
    }
    table.put("store canary run " + run.runId(), item, r -> {});
  }

  @Override
  public List<CanaryRun> openRuns() {
    return all().stream().filter(r -> r.outcome() == null).toList();
  }

  @Override
  public List<CanaryRun> runs(Instant since, Instant until) {
    return all().stream()
        .filter(r -> !r.sentAt().isBefore(since) && r.sentAt().isBefore(until))
        .toList();
  }

  @Override
  public Map<String, Instant> observations(String runId) {
    Map<String, Instant> out = new HashMap<>();
    for (Map<String, AttributeValue> item :
        table.query(
            DynamoTable.partition(DynamoDbLedger.canaryPartition(runId)).consistentRead(true))) {
      out.put(item.get("sk").s(), Instant.parse(item.get("recordedAt").s()));
    }
    return out;
  }

  private List<CanaryRun> all() {
    List<CanaryRun> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.query(DynamoTable.partition("CR").consistentRead(true))) {
      Map<String, FeedbackKind> expected = new LinkedHashMap<>();
      for (String pair : item.get("expected").s().split(",")) {
        if (!pair.isEmpty()) {
          String[] kv = pair.split("=");
          expected.put(kv[0], FeedbackKind.valueOf(kv[1]));
        }
      }
      CanaryRun.Outcome outcome =
          item.containsKey("outcome") ? CanaryRun.Outcome.valueOf(item.get("outcome").s()) : null;
      Map<String, Duration> latencies = new LinkedHashMap<>();
      if (item.containsKey("latencies")) {
        for (String pair : item.get("latencies").s().split(",")) {
          if (!pair.isEmpty()) {
            String[] kv = pair.split("=");
            latencies.put(kv[0], Duration.ofMillis(Long.parseLong(kv[1])));
          }
        }
      }
      List<String> missing =
          item.containsKey("missing") && !item.get("missing").s().isEmpty()
              ? List.of(item.get("missing").s().split(","))
              : List.of();
      out.add(
          new CanaryRun(
              item.get("sk").s(),
              Instant.parse(item.get("sentAt").s()),
              expected,
              outcome,
              latencies,
              missing));
    }
    return out;
  }
}
