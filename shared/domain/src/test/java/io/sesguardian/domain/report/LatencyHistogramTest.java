/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.SuppressionCounts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  private static long[] counts(int... perBucket) {
    long[] out = new long[SuppressionCounts.BUCKETS.size()];
    for (int i = 0; i < perBucket.length; i++) {
      out[i] = perBucket[i];
    }
    return out;
  }

  @Test
  void percentilesAreTheBoundsOfTheBucketsHoldingThem_byNearestRank() {
    // 90 within 1 s, 9 within 5 min (bucket 4), 1 over 24 h (the last bucket)
    long[] c = counts(90, 0, 0, 0, 9, 0, 0, 0, 0, 1);

    WeeklyReport.Latency l = WeeklyReports.histogram(c);

    assertThat(l.count()).isEqualTo(100);
    assertThat(l.atMost()).isTrue();
    assertThat(l.p50()).isEqualTo(Duration.ofSeconds(1));
    assertThat(l.p95()).isEqualTo(Duration.ofMinutes(5));
    assertThat(l.max()).isEqualTo(WeeklyReport.Latency.OVER_LAST_BUCKET);
    assertThat(ReportText.latency(l)).isEqualTo("≤ 1 s / ≤ 5 min / > 24 h (100)");
  }

  @Test
  void anEmptyHistogram_isNoneThisWeek() {
    WeeklyReport.Latency l = WeeklyReports.histogram(counts());

    assertThat(l.count()).isZero();
    assertThat(ReportText.latency(l)).isEqualTo("none this week");
  }

  @Test
  void bucketOf_includesItsBound_andNegativeTimesCountAsZero() {
    Instant t = Instant.parse("2026-03-02T10:00:00Z");

    assertThat(SuppressionCounts.bucket(t, t.plusSeconds(5)).bound()).hasSeconds(5);
    assertThat(SuppressionCounts.bucket(t, t.plusSeconds(6)).bound()).hasSeconds(15);
    assertThat(SuppressionCounts.bucket(t, t.minusSeconds(30)).bound()).hasSeconds(1);
    assertThat(SuppressionCounts.bucket(t, t.plus(Duration.ofDays(3))).bound()).isNull();
  }
}
