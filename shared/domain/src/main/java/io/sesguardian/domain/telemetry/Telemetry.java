/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.telemetry;

import java.util.List;
import java.util.Map;

/**
 * Where the guardian reports what it did: structured log events and metrics. Callers hand over
 * facts (a level, a short constant message, key/value fields; named metrics with units) and never
 * format the output themselves: the adapter decides the wire format, adds the time, the level and
 * the request id, and writes each event whole.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>Field values are strings, numbers, booleans, enums, {@code java.time} values (written as
 *       text), or maps and lists of these; a {@code null} value is left out.
 *   <li>Callers never pass a full email address: log them masked and hashed ({@code
 *       Addresses.mask}, {@code Addresses.hash}). Adapters mask any address that slips through
 *       anyway (an exception message, a rejected input's text).
 *   <li>Every call is one complete event, safe to make from several threads; an event is never
 *       split or interleaved with another.
 *   <li>Telemetry never fails the caller's work: an adapter that cannot write drops the event.
 * </ul>
 */
public interface Telemetry {

  /** One structured log event; {@code message} is a short constant text, details go in fields. */
  void log(LogLevel level, String message, Map<String, ?> fields);

  /**
   * One batch of metrics taken at the same moment (a single document where the format has one),
   * with the function as their only dimension.
   */
  default void metrics(List<Metric> metrics) {
    metrics(Map.of(), metrics);
  }

  /**
   * One batch of metrics taken at the same moment that describe one thing, named by {@code
   * dimensions} besides the function (e.g. {@code Scope=account, Window=24h}): dashboards chart and
   * search them by these. Dimension values are short constant-like texts (a scope key, a window
   * name), never an address, and their combinations few: each one is a separate metric to pay for.
   * {@code Function} is always a dimension and may not be given here.
   */
  void metrics(Map<String, String> dimensions, List<Metric> metrics);

  /**
   * The same telemetry with every event tagged with {@code requestId} (the Lambda request that
   * caused it), so that log lines and metrics of one invocation can be found together.
   */
  Telemetry forRequest(String requestId);

  default void info(String message, Map<String, ?> fields) {
    log(LogLevel.INFO, message, fields);
  }

  default void warn(String message, Map<String, ?> fields) {
    log(LogLevel.WARN, message, fields);
  }

  default void error(String message, Map<String, ?> fields) {
    log(LogLevel.ERROR, message, fields);
  }
}
