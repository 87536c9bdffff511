/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.BatchCounters;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link EventCounters} contract, for every adapter. Counters add up per scope and UTC hour,
 * read back by hour range, and the days with traffic list their scopes; the monitor store reads the
 * same counters.
 */
public abstract class EventCountersContract extends StoreContract {

  /** The role under test. */
  protected EventCounters counters;

  @Override
  void roles() {
    counters = store;
  }

  @Test
  void counters_returnTheHoursInRange() {
    Instant h1 = Instant.parse("2026-03-01T01:00:00Z");
    Instant h3 = Instant.parse("2026-03-01T03:00:00Z");
    counters.addCounts(
        new Counts()
            .add(CounterKey.of(Scope.ACCOUNT, h1), CounterField.SEND, 5)
            .add(CounterKey.of(Scope.ACCOUNT, h3), CounterField.SEND, 7)
            .add(CounterKey.of(Scope.domain("example.com"), h1), CounterField.SEND, 1));

    assertThat(counters.counters(Scope.ACCOUNT, h1, h1.plus(Duration.ofHours(1))))
        .containsOnlyKeys(h1);
    assertThat(counters.counters(Scope.ACCOUNT, h1, h3)).containsOnlyKeys(h1, h3);
    assertThat(count(Scope.ACCOUNT, h3.plusSeconds(59), CounterField.SEND)).isEqualTo(7);
    assertThat(counters.counters(Scope.domain("example.com"), h1, h3).get(h1))
        .containsExactly(Map.entry(CounterField.SEND, 1L));
  }

  @Test
  void everyCounterField_roundTrips() {
    Instant hour = Instant.parse("2026-03-01T01:00:00Z");
    Counts counts = new Counts();
    long n = 1;
    for (CounterField f : CounterField.values()) {
      counts.add(CounterKey.of(Scope.ACCOUNT, hour), f, n++);
    }
    counters.addCounts(counts);
    counters.addCounts(counts);

    Map<CounterField, Long> read = counters.counters(Scope.ACCOUNT, hour, hour).get(hour);
    n = 1;
    for (CounterField f : CounterField.values()) {
      assertThat(read).containsEntry(f, 2 * n++);
    }
  }

  @Test
  void activeScopes_areThoseWithCountersOnTheDaysAsked() {
    Instant day1 = Instant.parse("2026-03-01T23:00:00Z");
    Instant day2 = Instant.parse("2026-03-02T05:00:00Z");
    Instant day4 = Instant.parse("2026-03-04T00:00:00Z");
    counters.addCounts(
        new Counts()
            .add(CounterKey.of(Scope.ACCOUNT, day1), CounterField.SEND, 1)
            .add(CounterKey.of(Scope.configurationSet("marketing"), day2), CounterField.SEND, 1)
            .add(CounterKey.of(Scope.domain("late.example"), day4), CounterField.SEND, 1));

    // Whole UTC days: a time late on day 2 still counts day 2's early hours.
    assertThat(
            counters.activeScopes(
                Instant.parse("2026-03-01T12:00:00Z"), Instant.parse("2026-03-02T01:00:00Z")))
        .containsExactlyInAnyOrder(Scope.ACCOUNT, Scope.configurationSet("marketing"));
    assertThat(counters.activeScopes(Instant.parse("2026-03-03T00:00:00Z"), day4))
        .containsExactly(Scope.domain("late.example"));
    assertThat(
            counters.activeScopes(
                Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-06T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void counters_areTheOnesIngestWrote() {
    Instant hour = Instant.parse("2026-03-01T01:00:00Z");
    counters.addCounts(new Counts().add(CounterKey.of(Scope.ACCOUNT, hour), CounterField.SEND, 9));

    // The monitor store reads the counters through this port, over the same state.
    assertThat(stores.monitor().counters(Scope.ACCOUNT, hour, hour))
        .isEqualTo(counters.counters(Scope.ACCOUNT, hour, hour));
    assertThat(stores.monitor().counters(Scope.ACCOUNT, hour, hour).get(hour))
        .containsEntry(CounterField.SEND, 9L);
    assertThat(stores.monitor().activeScopes(hour, hour))
        .isEqualTo(counters.activeScopes(hour, hour));
  }

  // ------------------------------------------------------------------ batch counters

  private BatchCounters batch() {
    // Every adapter's counters take count-only batches too (the ingest's cheap path).
    return (BatchCounters) store;
  }

  @Test
  void batchCounts_sameKeyTwice_addOnce() {
    Instant hour = Instant.parse("2026-03-01T01:00:00Z");
    Counts counts =
        new Counts()
            .add(CounterKey.of(Scope.ACCOUNT, hour), CounterField.SEND, 3)
            .add(
                CounterKey.of(Scope.configurationSet("marketing"), hour), CounterField.DELIVERY, 2);

    batch().addBatchCounts(counts, "B#one");
    batch().addBatchCounts(counts, "B#one");

    assertThat(count(Scope.ACCOUNT, hour, CounterField.SEND)).isEqualTo(3);
    assertThat(count(Scope.configurationSet("marketing"), hour, CounterField.DELIVERY))
        .isEqualTo(2);
    assertThat(counters.activeScopes(hour, hour))
        .containsExactlyInAnyOrder(Scope.ACCOUNT, Scope.configurationSet("marketing"));
  }

  @Test
  void batchCounts_otherKeys_addUp_andMixWithPlainCounts() {
    Instant hour = Instant.parse("2026-03-01T01:00:00Z");
    Counts counts = new Counts().add(CounterKey.of(Scope.ACCOUNT, hour), CounterField.SEND, 3);

    batch().addBatchCounts(counts, "B#one");
    batch().addBatchCounts(counts, "B#two");
    counters.addCounts(counts);

    assertThat(count(Scope.ACCOUNT, hour, CounterField.SEND)).isEqualTo(9);
  }

  @Test
  void batchCounts_overManyRows_allArrive() {
    // More rows than one DynamoDB transaction holds (100).
    Instant hour = Instant.parse("2026-03-01T01:00:00Z");
    Counts counts = new Counts();
    for (int i = 0; i < 130; i++) {
      counts.add(CounterKey.of(Scope.domain("d" + i + ".example"), hour), CounterField.SEND, i + 1);
    }

    batch().addBatchCounts(counts, "B#many");
    batch().addBatchCounts(counts, "B#many");

    for (int i = 0; i < 130; i += 43) {
      assertThat(count(Scope.domain("d" + i + ".example"), hour, CounterField.SEND))
          .isEqualTo(i + 1);
    }
    assertThat(counters.activeScopes(hour, hour)).hasSize(130);
  }
}
