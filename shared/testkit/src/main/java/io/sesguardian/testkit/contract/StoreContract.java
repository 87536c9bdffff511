/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.testkit.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every role-port contract suite shares: one adapter's stores over one fresh, empty state (the
 * roles share it: the ledger writes what the counters, the suppression list and the outbox read), a
 * test clock, and helpers that use port methods only. Subclass a suite with a factory for fresh
 * stores; the same assertions then hold for the in-memory fakes, SQLite and DynamoDB.
 */
public abstract class StoreContract {

  /** Longest SES error a store keeps. */
  public static final int MAX_SES_ERROR =
      io.sesguardian.domain.ingest.SuppressionOutbox.MAX_ERROR_LENGTH;

  static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
  static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  protected final MutableClock clock = MutableClock.at(startsAt());
  protected Stores stores;

  /** The feedback store of {@link #stores}, for setting up and observing state. */
  protected FeedbackStore store;

  final CounterKey opKey = CounterKey.of(Scope.ACCOUNT, clock.instant());

  /** Fresh, empty stores over one state whose "now" is {@code clock}. */
  protected abstract Stores newStores(Clock clock);

  /** Where the test clock starts. */
  String startsAt() {
    return "2026-04-01T10:00:00Z";
  }

  @BeforeEach
  void createStores() {
    stores = newStores(clock);
    store = stores.feedback();
    roles();
  }

  /** Picks the role views a suite tests out of {@link #stores}. */
  abstract void roles();

  // ---------------------------------------------------------------- helpers (port methods only)

  /** Runs {@code attempt(i)} for i in 0..15 on 8 threads at once; how many answered true. */
  static int successes(java.util.function.IntFunction<Boolean> attempt) throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        int n = i;
        results.add(pool.submit(() -> attempt.apply(n)));
      }
      int won = 0;
      for (java.util.concurrent.Future<Boolean> r : results) {
        won += r.get() ? 1 : 0;
      }
      return won;
    } finally {
      pool.shutdownNow();
    }
  }

  boolean suppress(String address) {
    return store.suppressIfAbsent(
        new SuppressionUpdate(
            address,
            SuppressionReason.BOUNCE,
            SuppressionOrigin.HARD_BOUNCE,
            clock.instant(),
            null,
            null,
            SesSyncState.PENDING,
            false,
            "k#" + address,
            null),
        clock.instant());
  }

  Optional<SuppressionEntry> suppression(String address) {
    return Optional.ofNullable(store.suppressions(List.of(address)).get(address));
  }

  /** One counter of {@code scope} in the UTC hour holding {@code time}. */
  long count(Scope scope, Instant time, CounterField field) {
    Instant hour = time.truncatedTo(ChronoUnit.HOURS);
    return store.counters(scope, hour, hour).getOrDefault(hour, Map.of()).getOrDefault(field, 0L);
  }

  /** One counter of {@code scope} summed over all hours. */
  long total(Scope scope, CounterField field) {
    return store.counters(scope, FAR_PAST, FAR_FUTURE).values().stream()
        .mapToLong(fields -> fields.getOrDefault(field, 0L))
        .sum();
  }
}
