/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.EmbeddedMetrics;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.Priming;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.domain.sync.SyncReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs on a schedule (one at a time: reserved concurrency 1) and pushes pending suppressions to the
 * SES account-level list, paced at one request per second, until the outbox is empty or the
 * invocation's time is nearly up. In the sandbox it holds everything and says so.
 */
public final class OutboxHandler implements RequestStreamHandler {

  /** Time left unused at the end of an invocation, for the last writes and logs. */
  static final Duration MARGIN = Duration.ofSeconds(10);

  private final SuppressionSync sync;
  private final Clock clock;

  /** Used by the Lambda runtime. */
  public OutboxHandler() {
    this(Wiring.RUNTIME.suppressionSync(), Wiring.RUNTIME.clock());
  }

  /** The production wiring over a given runtime. */
  public OutboxHandler(GuardianRuntime runtime) {
    this(runtime.suppressionSync(), runtime.clock());
  }

  OutboxHandler(SuppressionSync sync, Clock clock) {
    this.sync = sync;
    this.clock = clock;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    Instant deadline = clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
    SyncReport report;
    try {
      report = sync.run(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pacing SES calls", e);
    }
    ObjectNode line =
        JsonNodeFactory.instance
            .objectNode()
            .put("level", report.failed().isEmpty() ? "INFO" : "WARN")
            .put(
                "message",
                report.sandbox()
                    ? "account is in the SES sandbox: PutSuppressedDestination is refused there;"
                        + " holding every pending suppression until production access"
                    : "outbox run")
            .put("sandbox", report.sandbox())
            .put("synced", report.synced().size())
            .put("notNeeded", report.notNeeded().size())
            .put("failed", report.failed().size())
            .put("throttled", report.throttled())
            .put("pending", report.pendingAfter())
            .put("oldestPendingSeconds", report.oldestPending().toSeconds());
    context.getLogger().log(line.toString());
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("OutboxSynced", (long) report.synced().size());
    metrics.put("OutboxNotNeeded", (long) report.notNeeded().size());
    metrics.put("OutboxFailed", (long) report.failed().size());
    metrics.put("OutboxThrottled", (long) report.throttled());
    metrics.put("OutboxPending", (long) report.pendingAfter());
    metrics.put("Sandbox", report.sandbox() ? 1L : 0L);
    metrics.put("OutboxOldestAgeSeconds", report.oldestPending().toSeconds());
    context.getLogger().log(EmbeddedMetrics.line("outbox", clock.instant(), metrics));
    output.write(line.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The production wiring, built once per container. */
  static final class Wiring {
    static final GuardianRuntime RUNTIME = GuardianRuntime.fromEnvironment(System.getenv());

    /** SnapStart priming: one outbox count (a Query on the outbox index). */
    static final Priming PRIMING =
        new Priming(List.of(() -> RUNTIME.store().pendingOutboxSize()), System.out::println)
            .register();

    private Wiring() {}
  }
}
