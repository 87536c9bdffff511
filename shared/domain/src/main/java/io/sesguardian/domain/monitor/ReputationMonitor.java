/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.ScopeRates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One monitor evaluation, composed of its four parts: the {@link RatesReader} rates every active
 * scope, the {@link LevelChangeAnnouncer} announces each change of level once, and, when an SES
 * account is wired, the {@link AccountWatch} watches its status and the {@link SendingPauser}
 * pauses non-critical sending when the team opted in. Read-only callers use a {@link RatesReader}
 * alone.
 */
public final class ReputationMonitor {

  /** The factor by which the guardian's and SES's figures may differ before it is pointed out. */
  public static final double DEFAULT_DISAGREEMENT_FACTOR = 2.0;

  /** The parts that act on the SES account; absent locally, where there is no account. */
  private record OnAccount(AccountWatch watch, SendingPauser pauser) {}

  private final RatesReader reader;
  private final LevelChangeAnnouncer announcer;
  private final SesReputationMetrics sesMetrics;
  private final Optional<OnAccount> onAccount;
  private final AlertPublisher announced;

  /**
   * A further check run at the end of every evaluation (e.g. {@link RecipientRefusalWatch}); its
   * alerts are announced and kept like the monitor's own.
   */
  public interface Watch {
    List<Alert> check(Instant now);
  }

  private final List<Watch> watches = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds a check to every evaluation; returns this monitor. */
  public ReputationMonitor with(Watch watch) {
    watches.add(Objects.requireNonNull(watch, "watch"));
    return this;
  }

  private ReputationMonitor(
      MonitorStore store,
      AlertPublisher alerts,
      Optional<SesAccount> ses,
      MonitorPolicy policy,
      SesReputationMetrics sesMetrics,
      double disagreementFactor) {
    Objects.requireNonNull(store, "store");
    this.announced = new AlertAnnouncer(alerts, store);
    this.reader = new RatesReader(store, store, policy);
    this.announcer = new LevelChangeAnnouncer(store, announced, reader, policy, disagreementFactor);
    this.sesMetrics = Objects.requireNonNull(sesMetrics, "sesMetrics");
    this.onAccount =
        ses.map(
            account ->
                new OnAccount(
                    new AccountWatch(account, store, announced, policy),
                    new SendingPauser(account, store, announced, policy)));
  }

  /** Watches and acts on the SES account {@code ses}. */
  public ReputationMonitor(
      MonitorStore store, AlertPublisher alerts, SesAccount ses, MonitorPolicy policy) {
    this(store, alerts, ses, policy, SesReputationMetrics.NONE, DEFAULT_DISAGREEMENT_FACTOR);
  }

  /**
   * Watches and acts on the SES account {@code ses}.
   *
   * @param sesMetrics SES's own figures, read once per evaluation; a scope's level is the higher of
   *     the guardian's and SES's
   * @param disagreementFactor above 1: when one figure exceeds the other by more than this factor
   *     the alert says so, with the likely cause
   */
  public ReputationMonitor(
      MonitorStore store,
      AlertPublisher alerts,
      SesAccount ses,
      MonitorPolicy policy,
      SesReputationMetrics sesMetrics,
      double disagreementFactor) {
    this(
        store,
        alerts,
        Optional.of(Objects.requireNonNull(ses, "ses")),
        policy,
        sesMetrics,
        disagreementFactor);
  }

  /**
   * A monitor without an SES account (local mode): it rates and announces level changes, and
   * neither watches an account nor pauses.
   */
  public static ReputationMonitor local(
      MonitorStore store, AlertPublisher alerts, MonitorPolicy policy) {
    return new ReputationMonitor(
        store,
        alerts,
        Optional.empty(),
        policy,
        SesReputationMetrics.NONE,
        DEFAULT_DISAGREEMENT_FACTOR);
  }

  /** The read-only part, for callers that want the rates only. */
  public RatesReader reader() {
    return reader;
  }

  /** The rates of every active scope, read only: nothing is stored or announced. */
  public List<ScopeRates> rates(Instant now) {
    return reader.rates(now);
  }

  public MonitorReport evaluate(Instant now) {
    List<Alert> raised = new ArrayList<>();
    List<ScopeRates> all = new ArrayList<>();
    ScopeRates account = null;
    Level accountLevel = Level.HEALTHY;
    Map<Scope, Optional<ScopeState>> evaluated = reader.scopes(now);
    Map<Scope, SesFigures> figures = sesMetrics.read(evaluated.keySet(), now);
    for (Map.Entry<Scope, Optional<ScopeState>> entry : evaluated.entrySet()) {
      Scope scope = entry.getKey();
      Optional<ScopeState> stored = entry.getValue();
      ScopeRates rates =
          reader.rates(scope, now, stored.map(ScopeState::levels).orElse(PreviousLevels.NONE));
      all.add(rates);
      SesFigures sesFigure = figures.get(scope);
      // A scope's level is the higher of the guardian's and SES's own figure's.
      Level level =
          sesFigure == null ? rates.level() : Level.max(rates.level(), reader.grade(sesFigure));
      if (scope.equals(Scope.ACCOUNT)) {
        account = rates;
        accountLevel = level;
      }
      announcer.settle(rates, level, stored, sesFigure, now).ifPresent(raised::add);
    }
    AccountStatus status = null;
    List<ActionRecord> actions = new ArrayList<>();
    if (onAccount.isPresent()) {
      status = onAccount.get().watch().status();
      raised.addAll(onAccount.get().watch().watch(status, now));
      if (account != null) {
        // SES acts on its own figure: it counts for pausing as the guardian's actionable level.
        Level level =
            Level.max(account.actionableLevel(), reader.grade(figures.get(Scope.ACCOUNT)));
        actions.addAll(onAccount.get().pauser().pauseIfNeeded(level, status, now, raised));
      }
    }
    for (Watch watch : watches) {
      for (Alert alert : watch.check(now)) {
        announced.publish(alert);
        raised.add(alert);
      }
    }
    return new MonitorReport(
        account == null ? Level.HEALTHY : accountLevel, all, raised, actions, status, figures);
  }

  /**
   * Resumes a target the guardian paused.
   *
   * @throws ResumeRefusedException when SES has shut the account down or no SES account is wired
   */
  public ActionRecord resume(PauseTarget target, String by, String reason, Instant now) {
    return onAccount
        .orElseThrow(
            () ->
                new ResumeRefusedException(
                    "resuming acts on SES: run it against the deployed stack (guardian resume"
                        + " --aws)"))
        .pauser()
        .resume(target, by, reason, now);
  }
}
