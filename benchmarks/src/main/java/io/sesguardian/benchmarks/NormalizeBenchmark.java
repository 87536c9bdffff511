/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of normalising one input document, per envelope: {@link FeedbackEnvelopes#document}
 * opens it and {@link FeedbackNormalizer} reads the SES messages inside.
 *
 * <p>Fixtures are read from the repository's {@code events/} folder at setup: the system property
 * {@code guardian.events} names it (pass it to the forked JVMs with {@code -jvmArgs
 * -Dguardian.events=...}), default {@code events} relative to the working directory, so run the
 * benchmark from the repository root. Sample-time mode reports percentiles (p0.50 is the median) as
 * well as the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NormalizeBenchmark {

  /** The system property naming the events folder. */
  public static final String EVENTS_PROPERTY = "guardian.events";

  /** A fixture path relative to the events folder. */
  @Param({
    "lambda-sns/bounce-permanent-general.json",
    "sns-http/complaint-virus.json",
    "ses/event/bounce-permanent-general.json",
    "ses/notification/delivery.json",
    "sqs/batch-mixed.json"
  })
  public String fixture;

  /** The events folder; tests set it directly because their working directory differs. */
  String events = System.getProperty(EVENTS_PROPERTY, "events");

  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();
  private String source;
  private String json;

  /** Reads the fixture and checks it normalises to records, so a rejection is never measured. */
  @Setup(Level.Trial)
  public void load() throws IOException {
    Path folder = Path.of(events);
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "events folder not found: "
              + folder.toAbsolutePath().normalize()
              + " (run from the repository root, or give JMH -jvmArgs -D"
              + EVENTS_PROPERTY
              + "=<path to events/>)");
    }
    Path file = folder.resolve(fixture);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("fixture not found: " + file.toAbsolutePath().normalize());
    }
    source = fixture;
    json = Files.readString(file, StandardCharsets.UTF_8);
    Normalized check = FeedbackEnvelopes.normalizeDocument(normalizer, source, json);
    if (check.records().isEmpty() || !check.rejections().isEmpty()) {
      throw new IllegalStateException(
          fixture
              + " does not normalise cleanly to records: "
              + check.records().size()
              + " records, rejections "
              + check.rejections());
    }
  }

  @Benchmark
  public Normalized normalize() {
    return FeedbackEnvelopes.normalizeDocument(normalizer, source, json);
  }
}
