/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.canary.CanaryRun;
import io.sesguardian.domain.canary.CanaryRuns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Canary runs in memory; observations come from the {@link InMemoryFeedbackStore} ingest used. */
public final class InMemoryCanaryStore implements CanaryRuns {

  private final InMemoryFeedbackStore feedback;
  private static final Comparator<CanaryRun> OLDEST_FIRST =
      Comparator.comparing(CanaryRun::sentAt).thenComparing(CanaryRun::runId);

  private final Map<String, CanaryRun> runs = new LinkedHashMap<>();

  public InMemoryCanaryStore(InMemoryFeedbackStore feedback) {
    this.feedback = feedback;
  }

  @Override
  public synchronized void saveRun(CanaryRun run) {
    runs.put(run.runId(), run);
  }

  @Override
  public synchronized List<CanaryRun> openRuns() {
    return runs.values().stream().filter(r -> r.outcome() == null).sorted(OLDEST_FIRST).toList();
  }

  @Override
  public synchronized List<CanaryRun> runs(Instant since, Instant until) {
    List<CanaryRun> out = new ArrayList<>();
    for (CanaryRun r : runs.values()) {
      if (!r.sentAt().isBefore(since) && r.sentAt().isBefore(until)) {
        out.add(r);
      }
    }
    out.sort(OLDEST_FIRST);
    return out;
  }

  @Override
  public Map<String, Instant> observations(String runId) {
    return feedback.canaryObservations(runId);
  }
}
