/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CounterMemoTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  /** One send per hour for 100 days; remembers every range read. */
  private static final class Store implements EventCounters {
    final List<Instant[]> reads = new ArrayList<>();

    @Override
    public void addCounts(Counts counts) {}

    @Override
    public Map<Instant, Map<CounterField, Long>> counters(Scope scope, Instant from, Instant to) {
      reads.add(new Instant[] {from, to});
      Map<Instant, Map<CounterField, Long>> out = new TreeMap<>();
      for (Instant h = from; !h.isAfter(to); h = h.plus(Duration.ofHours(1))) {
        if (!h.isBefore(T0) && h.isBefore(T0.plus(Duration.ofDays(100)))) {
          Map<CounterField, Long> f = new EnumMap<>(CounterField.class);
          f.put(CounterField.SEND, h.getEpochSecond());
          out.put(h, f);
        }
      }
      return out;
    }

    @Override
    public Set<Scope> activeScopes(Instant since, Instant until) {
      return Set.of(Scope.ACCOUNT);
    }
  }

  @Test
  void overlappingRanges_readEachHourOnce_andAnswerLikeTheStore() {
    Store store = new Store();
    CounterMemo memo = new CounterMemo(store);
    Instant end = T0.plus(Duration.ofDays(97));

    var last30 = memo.counters(Scope.ACCOUNT, end.minus(Duration.ofDays(30)), end);
    var longer =
        memo.counters(Scope.ACCOUNT, end.minus(Duration.ofDays(90)), end.minus(Duration.ofDays(7)));
    var week = memo.counters(Scope.ACCOUNT, end.minus(Duration.ofDays(7)), end);

    assertThat(store.reads).hasSize(2);
    assertThat(store.reads.get(1)[1])
        .isEqualTo(end.minus(Duration.ofDays(30)).minus(Duration.ofHours(1)));
    Store fresh = new Store();
    assertThat(last30)
        .isEqualTo(fresh.counters(Scope.ACCOUNT, end.minus(Duration.ofDays(30)), end));
    assertThat(longer)
        .isEqualTo(
            fresh.counters(
                Scope.ACCOUNT, end.minus(Duration.ofDays(90)), end.minus(Duration.ofDays(7))));
    assertThat(week).hasSize(7 * 24 + 1);
    assertThat(memo.counters(Scope.domain("example.com"), end, end)).hasSize(1);
    assertThat(store.reads).hasSize(3);
  }
}
