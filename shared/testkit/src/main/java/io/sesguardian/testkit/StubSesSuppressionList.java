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
    public static final String DELETE = "DeleteSuppressedDestination";
    public static final String GET_CONFIGURATION_SET = "GetConfigurationSet";
    public static final String LIST = "ListSuppressedDestinations";

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
  private final Map<String, SetSuppression> sets = new HashMap<>();
  private final Map<String, Instant> heldSince = new HashMap<>();
  private int listThrottles;
  private int pageSize = 1000;

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
      heldSince.put(address, clock.instant());
    }
    calls.add(new Call(Call.PUT, address, reason, clock.instant(), outcome));
    return outcome;
  }

  /**
   * Answers like {@link #put} (scripted outcome, else a standing refusal, else accepted; the
   * sandbox does not matter); an accepted delete drops the address, held or not (SES's 404 for an
   * address it does not hold counts as removed).
   */
  @Override
  public synchronized PutOutcome delete(String address) {
    Objects.requireNonNull(address, "address");
    PutOutcome outcome;
    if (!script.isEmpty()) {
      outcome = script.poll();
    } else if (refusals.containsKey(address)) {
      outcome = new PutOutcome.Failed(refusals.get(address));
    } else {
      outcome = new PutOutcome.Accepted();
    }
    if (outcome instanceof PutOutcome.Accepted) {
      held.remove(address);
      heldSince.remove(address);
    }
    calls.add(new Call(Call.DELETE, address, null, clock.instant(), outcome));
    return outcome;
  }

  /** The set's scripted settings ({@link #configurationSetReasons}), else {@code UsesAccount}. */
  @Override
  public synchronized SetSuppression configurationSet(String name) {
    calls.add(new Call(Call.GET_CONFIGURATION_SET, null, null, clock.instant(), null));
    return sets.getOrDefault(name, new SetSuppression.UsesAccount());
  }

  /** The held addresses in address order, {@link #pageSize} per page; the token is an offset. */
  @Override
  public synchronized Page list(String nextToken) {
    calls.add(new Call(Call.LIST, null, null, clock.instant(), null));
    if (listThrottles > 0) {
      listThrottles--;
      return Page.throttled("Rate exceeded (429)");
    }
    int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
    List<String> all = new ArrayList<>(held.keySet());
    List<Listed> page = new ArrayList<>();
    for (int i = from; i < Math.min(all.size(), from + pageSize); i++) {
      String a = all.get(i);
      page.add(new Listed(a, held.get(a), heldSince.getOrDefault(a, Instant.EPOCH)));
    }
    int next = from + pageSize;
    return Page.of(page, next < all.size() ? Integer.toString(next) : null);
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

  /** SES holds {@code address} for {@code reason} since {@code since} (before any put). */
  public synchronized StubSesSuppressionList holding(
      String address, SuppressionReason reason, Instant since) {
    held.put(Objects.requireNonNull(address, "address"), Objects.requireNonNull(reason, "reason"));
    heldSince.put(address, Objects.requireNonNull(since, "since"));
    return this;
  }

  /** The configuration set {@code name} has its own SuppressionOptions with these reasons. */
  public synchronized StubSesSuppressionList configurationSetReasons(
      String name, SuppressionReason... reasons) {
    sets.put(
        name,
        new SetSuppression.Overrides(
            reasons.length == 0
                ? EnumSet.noneOf(SuppressionReason.class)
                : EnumSet.of(reasons[0], reasons)));
    return this;
  }

  /** SES cannot say what the configuration set {@code name} does (e.g. it was deleted). */
  public synchronized StubSesSuppressionList configurationSetUnknown(String name) {
    sets.put(name, new SetSuppression.Unknown("NotFoundException: " + name));
    return this;
  }

  /** The next {@code n} list requests answer 429. */
  public synchronized StubSesSuppressionList thenThrottleList(int n) {
    listThrottles = n;
    return this;
  }

  /** Addresses per list page (SES allows up to 1,000). */
  public synchronized StubSesSuppressionList pageSize(int n) {
    pageSize = n;
    return this;
  }

  /** The requests of one operation, in order. */
  public synchronized List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
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
