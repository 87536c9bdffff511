/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.JsonTrees;
import io.sesguardian.domain.telemetry.LogLevel;
import io.sesguardian.domain.telemetry.Metric;
import io.sesguardian.domain.telemetry.Telemetry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions' telemetry: every log event and every metrics document is one JSON object on one
 * line of the process's standard output, written whole and flushed at once.
 *
 * <p>Why stdout and not {@code context.getLogger()}: with {@code LoggingConfig: LogFormat: JSON}
 * (template.yaml) Lambda's Java runtime interface client ({@code AbstractLambdaLogger} / {@code
 * JsonLogFormatter} in aws-lambda-java-libs) wraps every {@code LambdaLogger.log(String)} call as
 * the {@code message} string of its own JSON object with level {@code UNDEFINED}. An Embedded
 * Metric Format document inside a string is not extracted (CloudWatch only reads {@code _aws} at
 * the top level of a log event), so no metric would ever exist and an alarm on it with {@code
 * TreatMissingData: notBreaching} could never fire; every structured line would be JSON in a JSON
 * string. Lines the function writes to stdout itself do not go through that formatter: Lambda's
 * documentation of log-level filtering (AWS Lambda developer guide, "Log-level filtering", under
 * advanced logging controls) says that for logging methods other than the built-in ones, code
 * writes its log events to stdout or stderr as JSON objects; Lambda reads their {@code "level"} key
 * (missing or invalid: INFO) and an RFC 3339 {@code "timestamp"} key. That is how the metrics
 * libraries publish EMF under JSON logs (Powertools' {@code EmfMetricsLogger} prints to stdout),
 * and what {@code RuntimeClientIT} (module runtime-it) checks under the real runtime client: each
 * line leaves the process as the top-level JSON object written here. Metrics documents carry no
 * {@code level}, so Lambda files them as INFO: keep the functions' application log level at INFO or
 * below (the default), or the metrics are filtered away with the INFO logs.
 *
 * <p>Any email address in a message or a text field is masked before writing ({@link
 * Addresses#mask}); callers still log addresses masked and hashed themselves.
 */
public final class StdoutTelemetry implements Telemetry {

  /** Something shaped like an address: a local part, an {@code @}, a dotted domain. */
  private static final Pattern ADDRESS =
      Pattern.compile("[^\\s\"'<>()\\[\\],;:@\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private final String function;
  private final PrintStream out;
  private final Clock clock;
  private final String requestId;
  private final Object lock;

  private StdoutTelemetry(
      String function, PrintStream out, Clock clock, String requestId, Object lock) {
    this.function = Objects.requireNonNull(function, "function");
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.requestId = requestId;
    this.lock = lock;
  }

  /**
   * Telemetry of {@code function} (the {@code Function} dimension of its metrics) written to {@code
   * out}. In a Lambda function pass {@code System.out} as it is when the handler is built: the
   * runtime client has replaced it by then with a stream to the function's log.
   */
  public static StdoutTelemetry of(String function, PrintStream out, Clock clock) {
    return new StdoutTelemetry(function, out, clock, null, new Object());
  }

  /** Telemetry of {@code function} on this process's standard output. */
  public static StdoutTelemetry toStdout(String function) {
    return of(function, System.out, Clock.systemUTC());
  }

  @Override
  public StdoutTelemetry forRequest(String requestId) {
    // Shares the lock: copies for different requests still write to the same stream.
    return new StdoutTelemetry(function, out, clock, requestId, lock);
  }

  @Override
  public void log(LogLevel level, String message, Map<String, ?> fields) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("timestamp", clock.instant().toString())
        .put("level", level.name())
        .put("message", scrub(message))
        .put("function", function);
    if (requestId != null) {
      line.put("requestId", requestId);
    }
    fields.forEach(
        (key, value) -> {
          if (value != null && !line.has(key)) {
            line.set(key, json(value));
          }
        });
    write(line);
  }

  @Override
  public void metrics(Map<String, String> dimensions, List<Metric> metrics) {
    if (metrics.isEmpty()) {
      return;
    }
    Map<String, String> scrubbed = new LinkedHashMap<>();
    dimensions.forEach((k, v) -> scrubbed.put(k, scrub(v)));
    write(
        EmbeddedMetrics.document(
            function,
            scrubbed,
            clock.instant(),
            metrics,
            requestId == null ? Map.of() : Map.of("requestId", requestId)));
  }

  private void write(JsonNode document) {
    // One write of the whole line, then a flush, under one lock: a line is never split or
    // interleaved, and nothing waits in a buffer when the runtime freezes the sandbox.
    byte[] bytes = (JsonTrees.write(document) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (lock) {
      // writeBytes never throws: a failed write sets the stream's error flag and the work goes on.
      out.writeBytes(bytes);
      out.flush();
    }
  }

  private static JsonNode json(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof String s) {
      return f.textNode(scrub(s));
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return f.numberNode(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      ObjectNode holder = f.objectNode();
      EmbeddedMetrics.putNumber(holder, "n", n.doubleValue());
      return holder.get("n");
    }
    if (value instanceof Enum<?> e) {
      return f.textNode(e.name());
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = f.objectNode();
      map.forEach(
          (k, v) -> {
            if (v != null) {
              node.set(scrub(String.valueOf(k)), json(v));
            }
          });
      return node;
    }
    if (value instanceof Collection<?> list) {
      ArrayNode node = f.arrayNode();
      list.forEach(v -> node.add(v == null ? f.nullNode() : json(v)));
      return node;
    }
    if (value instanceof TemporalAccessor || value instanceof java.time.Duration) {
      return f.textNode(value.toString());
    }
    return f.textNode(scrub(String.valueOf(value)));
  }

  /** {@code text} with every address-shaped part masked. */
  static String scrub(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    Matcher m = ADDRESS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Addresses.mask(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
