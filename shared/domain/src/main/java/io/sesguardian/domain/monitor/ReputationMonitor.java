/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.RateCalculator;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.WindowRates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates every scope's rolling rates, announces each change of level exactly once (up and down),
 * watches the SES account status, and pauses non-critical sending when the team opted in.
 * Concurrent evaluations are safe: state writes are conditional, and only the writer that wins
 * announces.
 */
public final class ReputationMonitor {

  /** Scopes with traffic this recent are evaluated (plus any not yet back to healthy). */
  static final Duration ACTIVE = Duration.ofDays(7);

  private static final int MAX_DRIVERS = 5;

  private final MonitorStore store;

  /** Where counters and active scopes are read: the store, or a view of it. */
  private final EventCounters counters;

  private final AlertPublisher alerts;
  private final AlertPublisher publisher;

  /** Publishes and keeps each announced alert. */
  private void announce(Alert alert) {
    publisher.publish(alert);
    store.recordAlert(alert);
  }

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

  private final SesAccount ses;
  private final MonitorPolicy policy;
  private final RateCalculator calculator;

  private final SesReputationMetrics sesMetrics;
  private final double disagreementFactor;

  /** The factor by which the guardian's and SES's figures may differ before it is pointed out. */
  public static final double DEFAULT_DISAGREEMENT_FACTOR = 2.0;

  /**
   * @param ses the SES account, or null to skip the account watch and pausing (local mode)
   */
  public ReputationMonitor(
      MonitorStore store, AlertPublisher alerts, SesAccount ses, MonitorPolicy policy) {
    this(store, alerts, ses, policy, SesReputationMetrics.NONE, DEFAULT_DISAGREEMENT_FACTOR);
  }

  /**
   * @param ses the SES account, or null to skip the account watch and pausing (local mode)
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
    this.store = Objects.requireNonNull(store, "store");
    this.counters = store;
    this.publisher = Objects.requireNonNull(alerts, "alerts");
    this.alerts = this::announce;
    this.ses = ses;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.calculator = new RateCalculator(policy.thresholds());
    this.sesMetrics = Objects.requireNonNull(sesMetrics, "sesMetrics");
    if (!(disagreementFactor > 1)) {
      throw new IllegalArgumentException(
          "the disagreement factor must be above 1, not " + disagreementFactor);
    }
    this.disagreementFactor = disagreementFactor;
  }

  private ReputationMonitor(ReputationMonitor base, EventCounters counters) {
    this.store = base.store;
    this.counters = Objects.requireNonNull(counters, "counters");
    this.publisher = base.publisher;
    this.alerts = this::announce;
    this.ses = base.ses;
    this.policy = base.policy;
    this.calculator = base.calculator;
    this.sesMetrics = base.sesMetrics;
    this.disagreementFactor = base.disagreementFactor;
  }

  /**
   * The same monitor reading counters and active scopes through {@code counters} (a view of the
   * same store's counters, e.g. one that serves a report's overlapping reads from memory); states,
   * alerts and pauses still go to the store.
   */
  public ReputationMonitor countingThrough(EventCounters counters) {
    return new ReputationMonitor(this, counters);
  }

  /** SES's own figures for {@code scopes} (one request), read only. */
  public Map<Scope, SesFigures> sesFigures(List<ScopeRates> scopes, Instant now) {
    return sesMetrics.read(scopes.stream().map(ScopeRates::scope).toList(), now);
  }

  /** The rates of every active scope, read only: nothing is stored or announced. */
  public List<ScopeRates> rates(Instant now) {
    List<ScopeRates> out = new ArrayList<>();
    for (Map.Entry<Scope, Optional<ScopeState>> entry : scopes(now).entrySet()) {
      Scope scope = entry.getKey();
      PreviousLevels previous =
          entry.getValue().map(ScopeState::levels).orElse(PreviousLevels.NONE);
      out.add(evaluate(scope, now, previous));
    }
    return out;
  }

  public MonitorReport evaluate(Instant now) {
    List<Alert> raised = new ArrayList<>();
    List<ActionRecord> actions = new ArrayList<>();
    List<ScopeRates> all = new ArrayList<>();
    ScopeRates account = null;
    Level accountLevel = Level.HEALTHY;
    Map<Scope, Optional<ScopeState>> evaluated = scopes(now);
    Map<Scope, SesFigures> figures = sesMetrics.read(evaluated.keySet(), now);
    for (Map.Entry<Scope, Optional<ScopeState>> entry : evaluated.entrySet()) {
      Scope scope = entry.getKey();
      Optional<ScopeState> stored = entry.getValue();
      ScopeRates rates =
          evaluate(scope, now, stored.map(ScopeState::levels).orElse(PreviousLevels.NONE));
      all.add(rates);
      SesFigures sesFigure = figures.get(scope);
      // A scope's level is the higher of the guardian's and SES's own figure's.
      Level level =
          sesFigure == null
              ? rates.level()
              : Level.max(
                  rates.level(),
                  calculator.grade(sesFigure.bounceRate(), sesFigure.complaintRate()));
      if (scope.equals(Scope.ACCOUNT)) {
        account = rates;
        accountLevel = level;
      }
      Level before = stored.map(ScopeState::level).orElse(Level.HEALTHY);
      if (level == Level.UNKNOWN && !hasFeedback(rates)) {
        // No traffic at all is nothing to report: the state is kept until there is feedback
        // that cannot be rated, which is what the "cannot be computed" alert is about.
        continue;
      }
      boolean changed = level != before;
      if (!changed && stored.isPresent() && stored.get().levels().equals(rates.levels())) {
        continue; // nothing new to remember: no write
      }
      ScopeState next =
          new ScopeState(
              scope,
              level,
              rates.levels(),
              changed || stored.isEmpty() ? now : stored.get().since(),
              now,
              stored.map(ScopeState::version).orElse(0L) + 1);
      boolean won = store.replaceScopeState(next, stored.map(ScopeState::version).orElse(0L));
      // "Rates cannot be computed" is said once, for the account: every scope without a
      // denominator has the same cause and the same fix.
      boolean unknownMove = level == Level.UNKNOWN || before == Level.UNKNOWN;
      if (won && changed && (!unknownMove || scope.equals(Scope.ACCOUNT))) {
        Alert alert =
            AlertTexts.levelChange(
                rates,
                level,
                before,
                policy.thresholds(),
                drivers(rates, now),
                sesFigure,
                disagreementFactor,
                now);
        alerts.publish(alert);
        raised.add(alert);
      }
    }
    AccountStatus status = null;
    if (ses != null) {
      status = ses.status();
      raised.addAll(watchAccount(status, now));
      if (account != null) {
        SesFigures accountFigures = figures.get(Scope.ACCOUNT);
        // SES acts on its own figure: it counts for pausing as the guardian's actionable level.
        Level sesLevel =
            accountFigures == null
                ? Level.UNKNOWN
                : calculator.grade(accountFigures.bounceRate(), accountFigures.complaintRate());
        actions.addAll(pauseIfNeeded(account, sesLevel, status, now, raised));
      }
    }
    for (Watch watch : watches) {
      for (Alert alert : watch.check(now)) {
        alerts.publish(alert);
        raised.add(alert);
      }
    }
    return new MonitorReport(
        account == null ? Level.HEALTHY : accountLevel, all, raised, actions, status, figures);
  }

  private static boolean hasFeedback(ScopeRates rates) {
    return rates.windows().stream().anyMatch(w -> w.bounces() + w.complaints() > 0);
  }

  /**
   * Resumes a target the guardian paused: {@code configset:NAME} or {@code account}. Refused while
   * SES's enforcement status is SHUTDOWN (a pause AWS imposed cannot be lifted this way).
   *
   * @throws ResumeRefusedException when SES has shut the account down or no SES account is wired
   */
  public ActionRecord resume(String target, String by, String reason, Instant now) {
    if (ses == null) {
      throw new ResumeRefusedException(
          "resuming acts on SES: run it against the deployed stack (guardian resume --aws)");
    }
    AccountStatus status = ses.status();
    if (status.shutdown()) {
      throw new ResumeRefusedException(
          "SES's enforcement status is SHUTDOWN: AWS paused this account and only AWS can lift"
              + " it; contact AWS Support with your corrective actions");
    }
    if (target.equals("account")) {
      ses.setAccountSending(true);
    } else if (target.startsWith("configset:")) {
      ses.setConfigurationSetSending(target.substring("configset:".length()), true);
    } else {
      throw new IllegalArgumentException(
          "resume target must be account or configset:NAME, not " + target);
    }
    ActionRecord record = new ActionRecord(target, ActionRecord.Action.RESUME, now, by, reason);
    store.setPaused(target, false, record);
    alerts.publish(
        AlertTexts.account(
            "resume",
            "SES guardian: " + target + " resumed by " + by,
            "%s resumed sending for %s at %s.%nReason given: %s%n"
                .formatted(by, target, now, reason),
            now));
    return record;
  }

  /**
   * Reads the fixed windows' 30 days first; only when the volume window is not yet full there and
   * the lookback reaches further (as far back as counters are kept) are the older counters read, so
   * a busy account never pays for a year of buckets.
   */
  private ScopeRates evaluate(Scope scope, Instant now, PreviousLevels previous) {
    Instant toHour = now.truncatedTo(ChronoUnit.HOURS);
    Instant recent = toHour.minus(Duration.ofDays(30));
    Instant fromHour = toHour.minus(max(policy.thresholds().volumeLookback(), Duration.ofDays(30)));
    Map<Instant, Map<CounterField, Long>> hourly =
        new java.util.HashMap<>(counters.counters(scope, recent, toHour));
    ScopeRates rates = calculator.evaluate(scope, hourly, now, previous);
    boolean volumeFull =
        rates
            .window(io.sesguardian.domain.rates.Window.VOLUME)
            .map(w -> w.eligibleSends() >= policy.thresholds().volumeSends())
            .orElse(true);
    if (volumeFull || !fromHour.isBefore(recent)) {
      return rates;
    }
    counters
        .counters(scope, fromHour, recent.minus(Duration.ofHours(1)))
        .forEach(hourly::putIfAbsent);
    return calculator.evaluate(scope, hourly, now, previous);
  }

  /**
   * The scopes to evaluate, the account first, each with its stored state (one read of all states
   * serves both the choice of scopes and the hysteresis memory).
   */
  private Map<Scope, Optional<ScopeState>> scopes(Instant now) {
    Map<Scope, ScopeState> states = new java.util.HashMap<>();
    for (ScopeState state : store.scopeStates()) {
      states.put(state.scope(), state);
    }
    Set<Scope> others = new TreeSet<>(Comparator.comparing(Scope::key));
    for (Scope s : counters.activeScopes(now.minus(ACTIVE), now)) {
      if (!s.key().startsWith("recipient:")) {
        others.add(s);
      }
    }
    states.values().stream()
        .filter(state -> state.level().compareTo(Level.HEALTHY) > 0)
        .forEach(state -> others.add(state.scope()));
    others.remove(Scope.ACCOUNT);
    Map<Scope, Optional<ScopeState>> scopes = new java.util.LinkedHashMap<>();
    scopes.put(Scope.ACCOUNT, Optional.ofNullable(states.get(Scope.ACCOUNT)));
    others.forEach(s -> scopes.put(s, Optional.ofNullable(states.get(s))));
    return scopes;
  }

  /** For an account alert: the recipient domains and configuration sets behind the counts. */
  private List<String> drivers(ScopeRates rates, Instant now) {
    if (!rates.scope().equals(Scope.ACCOUNT)) {
      return List.of();
    }
    WindowRates worst =
        rates.windows().stream().filter(w -> w.level() == rates.level()).findFirst().orElse(null);
    if (worst == null) {
      return List.of();
    }
    record Driver(String label, long counted) {}
    List<Driver> drivers = new ArrayList<>();
    Instant fromHour = worst.from().truncatedTo(ChronoUnit.HOURS);
    Instant toHour = now.truncatedTo(ChronoUnit.HOURS);
    for (Scope s : counters.activeScopes(fromHour, now)) {
      if (s.equals(Scope.ACCOUNT)) {
        continue;
      }
      long bounces = 0;
      long complaints = 0;
      for (Map<CounterField, Long> hour : counters.counters(s, fromHour, toHour).values()) {
        bounces += hour.getOrDefault(CounterField.BOUNCE_COUNTED, 0L);
        complaints += hour.getOrDefault(CounterField.COMPLAINT_COUNTED, 0L);
      }
      if (bounces + complaints > 0) {
        drivers.add(
            new Driver(
                "%s: %d hard bounces, %d complaints".formatted(s.key(), bounces, complaints),
                bounces + complaints));
      }
    }
    drivers.sort(Comparator.comparingLong(Driver::counted).reversed());
    return drivers.stream().limit(MAX_DRIVERS * 2L).map(Driver::label).toList();
  }

  private List<Alert> watchAccount(AccountStatus status, Instant now) {
    List<Alert> raised = new ArrayList<>();
    Optional<AccountSnapshot> stored = store.accountSnapshot();
    boolean quotaHigh = status.quotaUse() >= policy.quotaAlertShare();
    AccountSnapshot next =
        new AccountSnapshot(
            status, quotaHigh, now, stored.map(AccountSnapshot::version).orElse(0L) + 1);
    if (!store.replaceAccountSnapshot(next, stored.map(AccountSnapshot::version).orElse(0L))) {
      return raised;
    }
    if (stored.isEmpty()) {
      if (!status.enforcementStatus().equalsIgnoreCase("HEALTHY")) {
        raised.add(
            AlertTexts.account(
                "enforcement",
                "SES guardian: account enforcement status is " + status.enforcementStatus(),
                "SES reports the account's enforcement status as %s (first check, %s).%n%s%n"
                    .formatted(status.enforcementStatus(), now, enforcementAdvice(status)),
                now));
      }
    } else {
      AccountStatus before = stored.get().status();
      if (!before.enforcementStatus().equalsIgnoreCase(status.enforcementStatus())) {
        raised.add(
            AlertTexts.account(
                "enforcement",
                "SES guardian: enforcement %s -> %s"
                    .formatted(before.enforcementStatus(), status.enforcementStatus()),
                "SES changed the account's enforcement status from %s to %s (seen %s).%n%s%n"
                    .formatted(
                        before.enforcementStatus(),
                        status.enforcementStatus(),
                        now,
                        enforcementAdvice(status)),
                now));
      }
      if (before.sendingEnabled() != status.sendingEnabled()) {
        raised.add(
            AlertTexts.account(
                "sending",
                "SES guardian: account sending "
                    + (status.sendingEnabled() ? "enabled" : "DISABLED"),
                "SES reports sending %s for the account (seen %s).%n"
                    .formatted(status.sendingEnabled() ? "enabled" : "disabled", now),
                now));
      }
      if (before.productionAccess() != status.productionAccess()) {
        raised.add(
            AlertTexts.account(
                "production-access",
                "SES guardian: production access "
                    + (status.productionAccess() ? "granted" : "REMOVED"),
                status.productionAccess()
                    ? "The account left the SES sandbox (seen %s). Pending suppressions now reach SES's account-level list.%n"
                        .formatted(now)
                    : "The account is in the SES sandbox (seen %s).%n".formatted(now),
                now));
      }
      if (quotaHigh && !stored.get().quotaHigh()) {
        raised.add(
            AlertTexts.account(
                "quota",
                "SES guardian: %.0f%% of the 24-hour sending quota used"
                    .formatted(status.quotaUse() * 100),
                "%.0f of %.0f messages sent in the last 24 hours (%.0f%%). Ask AWS for a higher quota before it runs out (guardian request-draft).%n"
                    .formatted(
                        status.sentLast24Hours(), status.max24HourSend(), status.quotaUse() * 100),
                now));
      }
    }
    raised.forEach(alerts::publish);
    return raised;
  }

  private static String enforcementAdvice(AccountStatus status) {
    return switch (status.enforcementStatus().toUpperCase(java.util.Locale.ROOT)) {
      case "HEALTHY" -> "Nothing to do.";
      case "PROBATION" ->
          "AWS is reviewing the account: fix the cause before the review period ends and answer"
              + " AWS with the corrective actions (the weekly report has the evidence).";
      case "SHUTDOWN" ->
          "AWS paused sending. Only AWS can lift it: contact AWS Support with your corrective"
              + " actions. The guardian will not try to resume while this lasts.";
      default -> "Check the SES console's reputation page.";
    };
  }

  private List<ActionRecord> pauseIfNeeded(
      ScopeRates account, Level sesLevel, AccountStatus status, Instant now, List<Alert> raised) {
    List<ActionRecord> done = new ArrayList<>();
    Level level = Level.max(account.actionableLevel(), sesLevel);
    Set<String> paused = store.pausedTargets();
    if (policy.pauseLevel().isPresent() && level.compareTo(policy.pauseAt()) >= 0) {
      for (String set : new TreeSet<>(policy.nonCriticalConfigurationSets())) {
        String target = "configset:" + set;
        if (paused.contains(target)) {
          continue;
        }
        ActionRecord record =
            new ActionRecord(
                target,
                ActionRecord.Action.PAUSE,
                now,
                "guardian",
                "account level "
                    + level.jsonName()
                    + " reached the pause level "
                    + policy.pauseAt().jsonName());
        if (store.setPaused(target, true, record)) {
          ses.setConfigurationSetSending(set, false);
          done.add(record);
        }
      }
    }
    if (policy.pauseAccountLevel().isPresent()
        && level.compareTo(policy.pauseAccountAt()) >= 0
        && !paused.contains("account")
        && status.sendingEnabled()) {
      ActionRecord record =
          new ActionRecord(
              "account",
              ActionRecord.Action.PAUSE,
              now,
              "guardian",
              "account level "
                  + level.jsonName()
                  + " reached the last-resort level "
                  + policy.pauseAccountAt().jsonName());
      if (store.setPaused("account", true, record)) {
        ses.setAccountSending(false);
        done.add(record);
      }
    }
    for (ActionRecord r : done) {
      Alert alert =
          AlertTexts.account(
              "pause",
              "SES guardian: paused " + r.target(),
              "The guardian paused sending for %s at %s: %s.%nResume deliberately with:"
                      .formatted(r.target(), now, r.reason())
                  + "%n  guardian resume --aws %s --by YOUR_NAME --reason \"what was fixed\"%n"
                      .formatted(r.target()),
              now);
      alerts.publish(alert);
      raised.add(alert);
    }
    return done;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
