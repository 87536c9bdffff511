/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.AccountSnapshot;
import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.MonitorStore;
import io.sesguardian.domain.monitor.ScopeState;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link MonitorStore} contract, for every adapter: subclass it with a factory for fresh, empty
 * stores sharing one state (the monitor reads the counters the feedback store writes).
 */
public abstract class MonitorStoreContract {

  protected final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");
  protected Stores stores;
  protected MonitorStore monitor;

  /** Fresh, empty stores over one state whose "now" is {@code clock}. */
  protected abstract Stores newStores(Clock clock);

  @BeforeEach
  void createStores() {
    stores = newStores(clock);
    monitor = stores.monitor();
  }

  @Test
  void activeScopes_areThoseWithCountersOnTheDaysAsked() {
    Instant day1 = Instant.parse("2026-03-01T23:00:00Z");
    Instant day2 = Instant.parse("2026-03-02T05:00:00Z");
    Instant day4 = Instant.parse("2026-03-04T00:00:00Z");
    stores
        .feedback()
        .addCounts(
            new Counts()
                .add(CounterKey.of(Scope.ACCOUNT, day1), CounterField.SEND, 1)
                .add(CounterKey.of(Scope.configurationSet("marketing"), day2), CounterField.SEND, 1)
                .add(CounterKey.of(Scope.domain("late.example"), day4), CounterField.SEND, 1));

    // Whole UTC days: a time late on day 2 still counts day 2's early hours.
    assertThat(
            monitor.activeScopes(
                Instant.parse("2026-03-01T12:00:00Z"), Instant.parse("2026-03-02T01:00:00Z")))
        .containsExactlyInAnyOrder(Scope.ACCOUNT, Scope.configurationSet("marketing"));
    assertThat(monitor.activeScopes(Instant.parse("2026-03-03T00:00:00Z"), day4))
        .containsExactly(Scope.domain("late.example"));
    assertThat(
            monitor.activeScopes(
                Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-06T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void counters_areTheOnesIngestWrote() {
    Instant hour = Instant.parse("2026-03-01T01:00:00Z");
    stores
        .feedback()
        .addCounts(new Counts().add(CounterKey.of(Scope.ACCOUNT, hour), CounterField.SEND, 9));

    assertThat(monitor.counters(Scope.ACCOUNT, hour, hour))
        .isEqualTo(stores.feedback().counters(Scope.ACCOUNT, hour, hour));
    assertThat(monitor.counters(Scope.ACCOUNT, hour, hour).get(hour))
        .containsEntry(CounterField.SEND, 9L);
  }

  @Test
  void scopeState_isWrittenOnlyOverTheVersionRead() {
    Scope scope = Scope.configurationSet("marketing");
    ScopeState v1 = state(scope, Level.WARNING, 1);
    ScopeState v2 = state(scope, Level.CRITICAL, 2);

    assertThat(stateOf(scope)).isEmpty();
    assertThat(monitor.replaceScopeState(v1, 0)).isTrue();
    assertThat(monitor.replaceScopeState(v1, 0)).as("a second first write").isFalse();
    assertThat(monitor.replaceScopeState(v2, 2)).as("a version never stored").isFalse();
    assertThat(stateOf(scope)).contains(v1);

    assertThat(monitor.replaceScopeState(v2, 1)).isTrue();
    assertThat(monitor.replaceScopeState(state(scope, Level.HEALTHY, 2), 1))
        .as("a stale version")
        .isFalse();
    assertThat(stateOf(scope)).contains(v2);
  }

  @Test
  void racingFirstWritesOfOneScope_exactlyOneWins() throws Exception {
    Scope scope = Scope.domain("example.com");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        Level level = i % 2 == 0 ? Level.WARNING : Level.CRITICAL;
        results.add(pool.submit(() -> monitor.replaceScopeState(state(scope, level, 1), 0)));
      }
      int won = 0;
      for (Future<Boolean> r : results) {
        won += r.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(stateOf(scope).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void scopeStates_listsEveryStoredScope() {
    ScopeState a = state(Scope.ACCOUNT, Level.HEALTHY, 1);
    ScopeState b = state(Scope.configurationSet("transactional"), Level.REVIEW, 1);
    monitor.replaceScopeState(a, 0);
    monitor.replaceScopeState(b, 0);

    assertThat(monitor.scopeStates()).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void accountSnapshot_isWrittenOnlyOverTheVersionRead() {
    AccountSnapshot v1 =
        new AccountSnapshot(
            new AccountStatus("HEALTHY", true, true, 50_000, 1_250.5), false, clock.instant(), 1);
    AccountSnapshot v2 =
        new AccountSnapshot(
            new AccountStatus("PROBATION", false, true, 50_000, 49_000),
            true,
            clock.instant().plusSeconds(60),
            2);

    assertThat(monitor.accountSnapshot()).isEmpty();
    assertThat(monitor.replaceAccountSnapshot(v1, 0)).isTrue();
    assertThat(monitor.replaceAccountSnapshot(v2, 0)).isFalse();
    assertThat(monitor.accountSnapshot()).contains(v1);
    assertThat(monitor.replaceAccountSnapshot(v2, 1)).isTrue();
    assertThat(monitor.replaceAccountSnapshot(v1, 1)).isFalse();
    assertThat(monitor.accountSnapshot()).contains(v2);
  }

  @Test
  void settingPausedTwice_succeedsOnce_andResumeEndsThePause() {
    Instant t0 = clock.instant();
    ActionRecord pause =
        new ActionRecord("configset:marketing", ActionRecord.Action.PAUSE, t0, "guardian", "10%");
    ActionRecord resume =
        new ActionRecord(
            "configset:marketing",
            ActionRecord.Action.RESUME,
            t0.plusSeconds(3600),
            "ops",
            "list cleaned");

    assertThat(monitor.setPaused("configset:marketing", false, resume))
        .as("resuming what was never paused")
        .isFalse();
    assertThat(monitor.setPaused("configset:marketing", true, pause)).isTrue();
    assertThat(monitor.setPaused("configset:marketing", true, pause)).isFalse();
    assertThat(monitor.pausedTargets()).containsExactly("configset:marketing");
    assertThat(monitor.actions(t0)).containsExactly(pause);

    assertThat(monitor.setPaused("configset:marketing", false, resume)).isTrue();
    assertThat(monitor.pausedTargets()).isEmpty();
    assertThat(monitor.actions(t0)).containsExactly(pause, resume);
    assertThat(monitor.actions(t0.plusSeconds(1))).containsExactly(resume);
  }

  @Test
  void racingPausesOfOneTarget_exactlyOneIsRecorded() throws Exception {
    ActionRecord pause =
        new ActionRecord("account", ActionRecord.Action.PAUSE, clock.instant(), "guardian", "x");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> monitor.setPaused("account", true, pause)));
      }
      int won = 0;
      for (Future<Boolean> r : results) {
        won += r.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(monitor.actions(clock.instant())).hasSize(1);
  }

  @Test
  void alerts_areReadInAHalfOpenRange_oldestFirst() {
    Instant t0 = Instant.parse("2026-03-16T00:00:00Z");
    Alert before = new Alert("level", "before", "body", t0.minusMillis(1));
    Alert first = new Alert("level", "first", "body", t0);
    Alert second = new Alert("quota", "second", "body\nwith lines", t0.plus(Duration.ofDays(2)));
    Alert atEnd = new Alert("level", "at the end", "body", t0.plus(Duration.ofDays(7)));
    monitor.recordAlert(second);
    monitor.recordAlert(atEnd);
    monitor.recordAlert(first);
    monitor.recordAlert(before);

    assertThat(monitor.alerts(t0, t0.plus(Duration.ofDays(7)))).containsExactly(first, second);
    assertThat(monitor.alerts(t0.plusMillis(1), t0.plus(Duration.ofDays(8))))
        .containsExactly(second, atEnd);
  }

  private ScopeState state(Scope scope, Level level, long version) {
    // Every window set: adapters may store absent windows as HEALTHY.
    Map<Window, Level> bounce = new EnumMap<>(Window.class);
    Map<Window, Level> complaint = new EnumMap<>(Window.class);
    for (Window w : Window.values()) {
      bounce.put(w, level);
      complaint.put(w, Level.HEALTHY);
    }
    return new ScopeState(
        scope,
        level,
        new PreviousLevels(bounce, complaint),
        clock.instant().minus(Duration.ofHours(version)),
        clock.instant(),
        version);
  }

  /** The stored state of {@code scope}, read through the port's listing. */
  private java.util.Optional<ScopeState> stateOf(Scope scope) {
    return monitor.scopeStates().stream().filter(s -> s.scope().equals(scope)).findFirst();
  }
}
