/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.Normalized;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Every fixture {@link NormalizeBenchmark} measures normalises to the records it should, so the
 * benchmark cannot silently time the rejection path instead.
 */
class NormalizeBenchmarkTest {

  /** Records per fixture: one per recipient, summed over the items of a batch. */
  private static final Map<String, Integer> EXPECTED_RECORDS =
      Map.of(
          "lambda-sns/bounce-permanent-general.json", 1,
          "sns-http/complaint-virus.json", 1,
          "ses/event/bounce-permanent-general.json", 1,
          "ses/notification/delivery.json", 2,
          "sqs/batch-mixed.json", 4);

  /** The benchmark's own {@code @Param} values, so a new fixture cannot go unchecked. */
  static Stream<String> benchmarkedFixtures() throws NoSuchFieldException {
    return Arrays.stream(
        NormalizeBenchmark.class.getField("fixture").getAnnotation(Param.class).value());
  }

  @ParameterizedTest
  @MethodSource("benchmarkedFixtures")
  void everyBenchmarkedFixture_normalisesToRecordsNotRejections(String fixture) throws Exception {
    assertThat(EXPECTED_RECORDS).as("expected record count for " + fixture).containsKey(fixture);
    NormalizeBenchmark benchmark = new NormalizeBenchmark();
    benchmark.events = "../events";
    benchmark.fixture = fixture;
    benchmark.load();

    Normalized result = benchmark.normalize();

    assertThat(result.rejections()).as("rejections of " + fixture).isEmpty();
    assertThat(result.records()).as("records of " + fixture).hasSize(EXPECTED_RECORDS.get(fixture));
  }
}
