/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.AccountSnapshot;
import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.MonitorState;
import io.sesguardian.domain.monitor.ScopeState;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.Window;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link MonitorState} contract, for every adapter. Versioned writes: of racing evaluations
 * exactly one wins.
 */
public abstract class MonitorStateContract extends StoreContract {

  /** The role under test. */
  protected MonitorState monitor;

  ScopeState state(Scope scope, Level level, long version) {
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
  Optional<ScopeState> stateOf(Scope scope) {
    return monitor.scopeStates().stream().filter(s -> s.scope().equals(scope)).findFirst();
  }

  @Override
  void roles() {
    monitor = stores.monitor();
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
    int won =
        successes(
            i -> {
              Level level = i % 2 == 0 ? Level.WARNING : Level.CRITICAL;
              return monitor.replaceScopeState(state(scope, level, 1), 0);
            });
    assertThat(won).isEqualTo(1);
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
}
