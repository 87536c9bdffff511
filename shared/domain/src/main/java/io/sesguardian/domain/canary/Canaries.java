/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.canary;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.FeedbackKind;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.AlertPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Proof that the pipeline works, even in the sandbox: messages to the SES mailbox simulator (which
 * never touches reputation metrics) must come back as the expected feedback, recorded by the
 * guardian, within a timeout; otherwise an alert fires.
 */
public final class Canaries {

  /** The label every canary address carries: {@code bounce+guardian-…@simulator.amazonses.com}. */
  public static final String LABEL_PREFIX = "guardian-";

  /** Simulator mailbox to the feedback it produces. */
  public static final Map<String, FeedbackKind> TARGETS;

  static {
    Map<String, FeedbackKind> targets = new LinkedHashMap<>();
    targets.put("success", FeedbackKind.DELIVERY);
    targets.put("bounce", FeedbackKind.BOUNCE);
    targets.put("complaint", FeedbackKind.COMPLAINT);
    targets.put("ooto", FeedbackKind.DELIVERY);
    targets.put("suppressionlist", FeedbackKind.BOUNCE);
    TARGETS = java.util.Collections.unmodifiableMap(targets);
  }

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final CanarySender sender;
  private final CanaryRuns store;
  private final AlertPublisher alerts;
  private final Duration timeout;
  private final Duration interval;

  /**
   * @param timeout how long a canary's feedback may take before the run fails
   * @param interval how often a new run starts
   */
  public Canaries(
      CanarySender sender,
      CanaryRuns store,
      AlertPublisher alerts,
      Duration timeout,
      Duration interval) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.store = Objects.requireNonNull(store, "store");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** Whether an address is a canary address; the run id it carries, if so. */
  public static Optional<String> runOf(String address) {
    if (address == null || !Addresses.isSimulator(address)) {
      return Optional.empty();
    }
    int plus = address.indexOf('+');
    int at = address.lastIndexOf('@');
    if (plus < 0 || plus > at) {
      return Optional.empty();
    }
    String label = address.substring(plus + 1, at);
    return label.startsWith(LABEL_PREFIX) ? Optional.of(label) : Optional.empty();
  }

  /** Checks open runs, then starts a new run when the last one is at least {@code interval} old. */
  public List<CanaryRun> tick(Instant now) {
    List<CanaryRun> closed = check(now);
    boolean recent =
        store.runs(now.minus(interval), now.plusSeconds(1)).stream()
            .anyMatch(r -> r.sentAt().isAfter(now.minus(interval)));
    if (!recent) {
      start(now);
    }
    return closed;
  }

  /** Sends one message to each simulator target with this run's label. */
  public CanaryRun start(Instant now) {
    String runId = LABEL_PREFIX + RUN_ID.format(now);
    Map<String, FeedbackKind> expected = new LinkedHashMap<>();
    for (Map.Entry<String, FeedbackKind> target : TARGETS.entrySet()) {
      String to = target.getKey() + "+" + runId + "@" + Addresses.SIMULATOR_DOMAIN;
      sender.send(to, runId);
      expected.put(to, target.getValue());
    }
    CanaryRun run = new CanaryRun(runId, now, expected, null, null, null);
    store.saveRun(run);
    return run;
  }

  /** Closes runs whose feedback all arrived (PASSED) or whose timeout passed (FAILED, alerted). */
  public List<CanaryRun> check(Instant now) {
    List<CanaryRun> closed = new ArrayList<>();
    for (CanaryRun run : store.openRuns()) {
      Map<String, Instant> seen = store.observations(run.runId());
      Map<String, Duration> latencies = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      run.expected()
          .forEach(
              (address, kind) -> {
                Instant at = seen.get(kind.jsonName() + "#" + address);
                if (at == null) {
                  missing.add(address);
                } else {
                  latencies.put(address, Duration.between(run.sentAt(), at));
                }
              });
      if (missing.isEmpty()) {
        CanaryRun done =
            new CanaryRun(
                run.runId(),
                run.sentAt(),
                run.expected(),
                CanaryRun.Outcome.PASSED,
                latencies,
                missing);
        store.saveRun(done);
        closed.add(done);
      } else if (!now.isBefore(run.sentAt().plus(timeout))) {
        CanaryRun failed =
            new CanaryRun(
                run.runId(),
                run.sentAt(),
                run.expected(),
                CanaryRun.Outcome.FAILED,
                latencies,
                missing);
        store.saveRun(failed);
        closed.add(failed);
        alerts.publish(
            new Alert(
                "canary",
                "SES guardian: canary "
                    + run.runId()
                    + " missing "
                    + missing.size()
                    + " notification(s)",
                String.format(
                    Locale.ROOT,
                    ("Canary %s sent at %s: no feedback recorded within %d minutes for:%n  %s%n"
                        + "Check that the configuration set publishes to the guardian's topic, that"
                        + " the ingest function is not failing (dead-letter queue), and SES's"
                        + " sending status.%n"),
                    run.runId(),
                    run.sentAt(),
                    timeout.toMinutes(),
                    String.join("\n  ", missing)),
                now));
      }
    }
    return closed;
  }

  /** A line for the weekly report. */
  public static String summary(List<CanaryRun> runs) {
    if (runs.isEmpty()) {
      return "none: no canary ran this week";
    }
    long passed = runs.stream().filter(r -> r.outcome() == CanaryRun.Outcome.PASSED).count();
    long failed = runs.stream().filter(r -> r.outcome() == CanaryRun.Outcome.FAILED).count();
    List<Duration> all = new ArrayList<>();
    runs.forEach(r -> all.addAll(r.latencies().values()));
    all.sort(null);
    String median = all.isEmpty() ? "n/a" : all.get((all.size() - 1) / 2).toSeconds() + " s";
    String max = all.isEmpty() ? "n/a" : all.get(all.size() - 1).toSeconds() + " s";
    return String.format(
        Locale.ROOT,
        "%d run(s): %d passed, %d failed, %d open; send to recorded median %s, max %s",
        runs.size(),
        passed,
        failed,
        runs.size() - passed - failed,
        median,
        max);
  }
}
