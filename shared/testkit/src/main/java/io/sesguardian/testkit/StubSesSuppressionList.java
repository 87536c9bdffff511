/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.sync.AccountState;
import io.sesguardian.domain.sync.SesSuppressionList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A scriptable SES account-level suppression list. Thread-safe ({@code synchronized}).
 *
 * <p>The account starts with production access and no {@code SuppressionAttributes}; both are
 * settable. Each {@link #put} answers, in this order: the next scripted outcome ({@link
 * #thenAccept}, {@link #thenThrottle}, {@link #thenFail}), else a standing refusal for that address
 * ({@link #refuse}), else {@code Accepted}; a put is also refused while the account is in the
 * sandbox, as SES does. Only an accepted put adds the address to {@link #held()}.
 *
 * <p>Every call, {@link #account} included, is recorded with the clock's instant at call time and
 * its outcome, so tests can check pacing ({@link #minGapBetweenCalls()}).
 */
public final class StubSesSuppressionList implements SesSuppressionList {

  /** SES's error for a put while the account is in the sandbox. */
  public static final String SANDBOX_ERROR = "SES refused: the account is in the sandbox";

  /**
   * One SES request.
   *
   * @param operation {@code GetAccount} or {@code PutSuppressedDestination}
   * @param address the address put (null for GetAccount)
   * @param reason the reason put (null for GetAccount)
   * @param at the clock's instant when the call was made
   * @param outcome the put's outcome (null for GetAccount)
   */
  public record Call(
      String operation, String address, SuppressionReason reason, Instant at, PutOutcome outcome) {

    public static final String GET_ACCOUNT = "GetAccount";
    public static final String PUT = "PutSuppressedDestination";

    public boolean isPut() {
      return PUT.equals(operation);
    }
  }

  private final Clock clock;
  private boolean productionAccess = true;
  private Set<SuppressionReason> suppressedReasons = EnumSet.noneOf(SuppressionReason.class);
  private final Deque<PutOutcome> script = new ArrayDeque<>();
  private final Map<String, String> refusals = new HashMap<>();
  private final Map<String, SuppressionReason> held = new TreeMap<>();
  private final List<Call> calls = new ArrayList<>();

  public StubSesSuppressionList(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ------------------------------------------------------------------ the port

  @Override
  public synchronized AccountState account() {
    calls.add(new Call(Call.GET_ACCOUNT, null, null, clock.instant(), null));
    return new AccountState(productionAccess, suppressedReasons);
  }

  @Override
  public synchronized PutOutcome put(String address, SuppressionReason reason) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(reason, "reason");
    PutOutcome outcome;
    if (!script.isEmpty()) {
      outcome = script.poll();
    } else if (!productionAccess) {
      outcome = new PutOutcome.Failed(SANDBOX_ERROR);
    } else if (refusals.containsKey(address)) {
      outcome = new PutOutcome.Failed(refusals.get(address));
    } else {
      outcome = new PutOutcome.Accepted();
    }
    if (outcome instanceof PutOutcome.Accepted) {
      held.put(address, reason);
    }
    calls.add(new Call(Call.PUT, address, reason, clock.instant(), outcome));
    return outcome;
  }

  // ------------------------------------------------------------------ scripting

  /** Sets whether the account is out of the sandbox. */
  public synchronized StubSesSuppressionList productionAccess(boolean granted) {
    this.productionAccess = granted;
    return this;
  }

  /** Sets the account's {@code SuppressionAttributes}: reasons SES adds by itself. */
  public synchronized StubSesSuppressionList suppressedReasons(SuppressionReason... reasons) {
    this.suppressedReasons =
        reasons.length == 0
            ? EnumSet.noneOf(SuppressionReason.class)
            : EnumSet.of(reasons[0], reasons);
    return this;
  }

  /** The next put is accepted, whatever else is set. */
  public synchronized StubSesSuppressionList thenAccept() {
    script.add(new PutOutcome.Accepted());
    return this;
  }

  /** The next {@code n} puts answer 429. */
  public synchronized StubSesSuppressionList thenThrottle(int n) {
    for (int i = 0; i < n; i++) {
      script.add(new PutOutcome.Throttled("Rate exceeded (429)"));
    }
    return this;
  }

  /** The next put is refused with {@code message}. */
  public synchronized StubSesSuppressionList thenFail(String message) {
    script.add(new PutOutcome.Failed(Objects.requireNonNull(message, "message")));
    return this;
  }

  /** Puts of {@code address} are refused with {@code message} until {@link #allow}. */
  public synchronized StubSesSuppressionList refuse(String address, String message) {
    refusals.put(
        Objects.requireNonNull(address, "address"), Objects.requireNonNull(message, "message"));
    return this;
  }

  /** Lifts a standing refusal. */
  public synchronized StubSesSuppressionList allow(String address) {
    refusals.remove(address);
    return this;
  }

  /** Scripted outcomes not used yet. */
  public synchronized int scriptedLeft() {
    return script.size();
  }

  // ------------------------------------------------------------------ assertions

  /** Every call, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Every put, in order. */
  public synchronized List<Call> puts() {
    return calls.stream().filter(Call::isPut).toList();
  }

  /** The addresses put (each time it was put), in order. */
  public synchronized List<String> putAddresses() {
    return calls.stream().filter(Call::isPut).map(Call::address).toList();
  }

  /** The instants of every call, in order. */
  public synchronized List<Instant> callTimes() {
    return calls.stream().map(Call::at).toList();
  }

  /**
   * The shortest gap between consecutive calls, or {@code null} with fewer than two calls. SES
   * allows one management request per second.
   */
  public synchronized Duration minGapBetweenCalls() {
    Duration min = null;
    for (int i = 1; i < calls.size(); i++) {
      Duration gap = Duration.between(calls.get(i - 1).at(), calls.get(i).at());
      if (min == null || gap.compareTo(min) < 0) {
        min = gap;
      }
    }
    return min;
  }

  /** The addresses SES holds (accepted puts), with the reason last put. */
  public synchronized Map<String, SuppressionReason> held() {
    return Collections.unmodifiableMap(new TreeMap<>(held));
  }

  /** Whether SES holds {@code address}. */
  public synchronized boolean holds(String address) {
    return held.containsKey(address);
  }
}
