/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.telemetry.LogLevel;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link Telemetry} for tests that keeps every event as given, in order, with the request id it
 * was tagged with. Handler tests assert on facts (levels, fields, metric values and units), not on
 * a wire format; the wire format is the adapter's test's business.
 */
public final class RecordingTelemetry implements Telemetry {

  /** One log event as the caller gave it. */
  public record LogEvent(
      String requestId, LogLevel level, String message, Map<String, Object> fields) {

    /** A field's value, failing the test with the event's text when it is missing. */
    public Object field(String name) {
      if (!fields.containsKey(name)) {
        throw new NoSuchElementException("no field " + name + " in " + this);
      }
      return fields.get(name);
    }
  }

  /** One metrics batch, with its dimensions besides the function (empty when none). */
  public record MetricsEvent(
      String requestId, List<Metric> metrics, Map<String, String> dimensions) {}

  private final List<Object> events;
  private final String requestId;

  public RecordingTelemetry() {
    this(Collections.synchronizedList(new ArrayList<>()), null);
  }

  private RecordingTelemetry(List<Object> events, String requestId) {
    this.events = events;
    this.requestId = requestId;
  }

  @Override
  public void log(LogLevel level, String message, Map<String, ?> fields) {
    Map<String, Object> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, v));
    events.add(new LogEvent(requestId, level, message, Collections.unmodifiableMap(copy)));
  }

  @Override
  public void metrics(Map<String, String> dimensions, List<Metric> metrics) {
    events.add(new MetricsEvent(requestId, List.copyOf(metrics), Map.copyOf(dimensions)));
  }

  @Override
  public Telemetry forRequest(String requestId) {
    return new RecordingTelemetry(events, requestId);
  }

  /** Every log event, in order. */
  public List<LogEvent> logs() {
    synchronized (events) {
      return events.stream().filter(LogEvent.class::isInstance).map(LogEvent.class::cast).toList();
    }
  }

  /** The log events with this message, in order. */
  public List<LogEvent> logs(String message) {
    return logs().stream().filter(e -> e.message().equals(message)).toList();
  }

  /** Every metrics batch, in order. */
  public List<MetricsEvent> metricBatches() {
    synchronized (events) {
      return events.stream()
          .filter(MetricsEvent.class::isInstance)
          .map(MetricsEvent.class::cast)
          .toList();
    }
  }

  /**
   * The last value reported for the metric {@code name} (in any batch, whatever its dimensions).
   */
  public Optional<Metric> metric(String name) {
    return last(name, batch -> true);
  }

  /**
   * The last value reported for the metric {@code name} in a batch with exactly {@code dimensions}.
   */
  public Optional<Metric> metric(String name, Map<String, String> dimensions) {
    return last(name, batch -> batch.dimensions().equals(dimensions));
  }

  private Optional<Metric> last(String name, Predicate<MetricsEvent> which) {
    List<MetricsEvent> batches = metricBatches();
    for (int i = batches.size() - 1; i >= 0; i--) {
      if (!which.test(batches.get(i))) {
        continue;
      }
      for (Metric m : batches.get(i).metrics()) {
        if (m.name().equals(name)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /** Everything recorded, as text (for "never contains" assertions). */
  public String text() {
    synchronized (events) {
      return events.toString();
    }
  }
}
