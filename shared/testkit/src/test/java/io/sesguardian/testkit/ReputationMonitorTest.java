/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.MonitorReport;
import io.sesguardian.domain.monitor.PauseTarget;
import io.sesguardian.domain.monitor.RatesReader;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.monitor.ResumeRefusedException;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReputationMonitorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:30:00Z"));
  private final InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
  private final InMemoryMonitorStore store = new InMemoryMonitorStore(feedback);
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private final StubSesAccount ses = new StubSesAccount();

  private ReputationMonitor monitor(MonitorPolicy policy) {
    return new ReputationMonitor(store, alerts::add, ses, policy);
  }

  /** Adds traffic to the account and a configuration set in the current hour. */
  private void traffic(long sends, long bounces, long complaints) {
    Counts counts = new Counts();
    for (Scope scope : List.of(Scope.ACCOUNT, Scope.configurationSet("marketing"))) {
      CounterKey key = CounterKey.of(scope, clock.instant());
      counts.add(key, CounterField.SEND, sends);
      counts.add(key, CounterField.BOUNCE_PERMANENT, bounces);
      counts.add(key, CounterField.BOUNCE_COUNTED, bounces);
      counts.add(key, CounterField.COMPLAINT, complaints);
      counts.add(key, CounterField.COMPLAINT_COUNTED, complaints);
    }
    if (bounces > 0) {
      counts.add(
          CounterKey.of(Scope.recipientDomain("example.com"), clock.instant()),
          CounterField.BOUNCE_COUNTED,
          bounces);
    }
    feedback.addCounts(counts);
  }

  private List<Alert> levelAlerts() {
    return alerts.stream().filter(a -> a.kind().equals("level")).toList();
  }

  @Test
  void ratesReader_ratesScopes_withoutStoringAnnouncingOrCallingSes() {
    traffic(1000, 80, 0); // 8%: above SES's review level
    RatesReader reader = new RatesReader(store, store, MonitorPolicy.DEFAULT);

    assertThat(reader.rates(clock.instant()))
        .first()
        .satisfies(
            account -> {
              assertThat(account.scope()).isEqualTo(Scope.ACCOUNT);
              assertThat(account.level()).isEqualTo(Level.REVIEW);
            });
    assertThat(store.scopeStates()).isEmpty();
    assertThat(store.alerts(Instant.EPOCH, clock.instant().plusSeconds(1))).isEmpty();
    assertThat(alerts).isEmpty();
    assertThat(ses.calls()).isEmpty();
  }

  @Test
  void localMonitor_announcesLevelChanges_butNeitherPausesNorResumes() {
    MonitorPolicy pauseAtReview =
        new MonitorPolicy(Thresholds.DEFAULT, Level.REVIEW, Set.of("marketing"), null, 0.8);
    ReputationMonitor local = ReputationMonitor.local(store, alerts::add, pauseAtReview);
    traffic(1000, 80, 0);

    MonitorReport report = local.evaluate(clock.instant());

    assertThat(report.level()).isEqualTo(Level.REVIEW);
    assertThat(report.actions()).isEmpty();
    assertThat(report.account()).isNull();
    assertThat(levelAlerts()).isNotEmpty();
    assertThat(store.pausedTargets()).isEmpty();
    assertThatThrownBy(
            () ->
                local.resume(
                    PauseTarget.configurationSet("marketing"),
                    "ana",
                    "list cleaned",
                    clock.instant()))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("--aws");
  }

  @Test
  void monitor_refusesMissingSesAccount() {
    assertThatThrownBy(() -> new ReputationMonitor(store, alerts::add, null, MonitorPolicy.DEFAULT))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ses");
  }

  @Test
  void levelChange_isAnnouncedOnceGoingUp_andOnceComingBackDown() {
    ReputationMonitor monitor = monitor(MonitorPolicy.DEFAULT);
    traffic(1000, 0, 0);
    assertThat(monitor.evaluate(clock.instant()).level()).isEqualTo(Level.HEALTHY);
    assertThat(alerts).isEmpty();

    traffic(0, 55, 0); // 55 / 1000 = 5.5%: SES review level
    MonitorReport up = monitor.evaluate(clock.instant());
    assertThat(up.level()).isEqualTo(Level.REVIEW);
    assertThat(levelAlerts())
        .filteredOn(a -> a.subject().contains("account"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.subject())
                  .hasSizeLessThanOrEqualTo(Alert.MAX_SUBJECT)
                  .contains("REVIEW");
              assertThat(a.body()).contains("5.5%").contains("recipient:example.com");
              assertThat(a.body()).contains("What to do next");
            });

    int before = alerts.size();
    monitor.evaluate(clock.instant());
    assertThat(alerts).hasSize(before);

    clock.advance(Duration.ofHours(1));
    traffic(30_000, 0, 0); // 55 / 31,000 = 0.18% in every window
    MonitorReport down = monitor.evaluate(clock.instant());
    assertThat(down.level()).isEqualTo(Level.HEALTHY);
    assertThat(levelAlerts()).filteredOn(a -> a.subject().contains("account")).hasSize(2);
    assertThat(levelAlerts().get(levelAlerts().size() - 1).body()).contains("went down");
  }

  @Test
  void levelChangeAlert_readsTheSameInAnyDefaultLocale() throws Exception {
    traffic(1000, 0, 0);
    traffic(0, 55, 0);
    List<String> texts = new ArrayList<>();
    for (Locale locale :
        List.of(Locale.ROOT, DefaultLocale.ARABIC_DIGITS, DefaultLocale.DECIMAL_COMMA)) {
      // A fresh monitor state each time: a level change is announced once per state.
      List<Alert> announced = new ArrayList<>();
      ReputationMonitor fresh =
          new ReputationMonitor(
              new InMemoryMonitorStore(feedback), announced::add, ses, MonitorPolicy.DEFAULT);
      DefaultLocale.during(locale, () -> fresh.evaluate(clock.instant()));
      texts.add(
          announced.stream()
              .filter(a -> a.kind().equals("level"))
              .map(a -> a.subject() + "\n" + a.body())
              .toList()
              .toString());
    }
    assertThat(texts.get(0)).contains("5.5%").contains("REVIEW");
    assertThat(texts).containsOnly(texts.get(0));
  }

  @Test
  void concurrentEvaluations_announceAChangeOnce() throws Exception {
    ReputationMonitor monitor = monitor(MonitorPolicy.DEFAULT);
    traffic(1000, 120, 0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 8; i++) {
      pool.submit(
          () -> {
            start.await();
            return monitor.evaluate(clock.instant());
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(levelAlerts()).filteredOn(a -> a.subject().contains(": account ")).hasSize(1);
  }

  @Test
  void enforcementSendingAndQuotaChanges_alertOnce() {
    ReputationMonitor monitor = monitor(MonitorPolicy.DEFAULT);
    monitor.evaluate(clock.instant());
    ses.status(new AccountStatus("PROBATION", true, true, 50_000, 41_000));
    monitor.evaluate(clock.instant());
    monitor.evaluate(clock.instant());
    assertThat(alerts).extracting(Alert::kind).containsExactly("enforcement", "quota");
    ses.status(new AccountStatus("SHUTDOWN", false, true, 50_000, 41_000));
    monitor.evaluate(clock.instant());
    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly("enforcement", "quota", "enforcement", "sending");
    assertThat(alerts.get(2).subject())
        .isEqualTo("SES guardian: enforcement PROBATION -> SHUTDOWN");
  }

  @Test
  void optInPausing_pausesOnlyNonCriticalSetsOnce_andTheAccountAsALastResort() {
    MonitorPolicy policy =
        new MonitorPolicy(Thresholds.DEFAULT, Level.REVIEW, Set.of("marketing"), Level.PAUSE, 0.8);
    ReputationMonitor monitor = monitor(policy);
    traffic(1000, 60, 0);
    MonitorReport review = monitor.evaluate(clock.instant());
    assertThat(review.actions()).hasSize(1);
    assertThat(ses.calls()).containsExactly("configset:marketing=false");
    monitor.evaluate(clock.instant());
    assertThat(ses.calls()).containsExactly("configset:marketing=false");
    traffic(0, 60, 0); // 12%: the last-resort level
    monitor.evaluate(clock.instant());
    assertThat(ses.calls()).containsExactly("configset:marketing=false", "account=false");
    assertThat(store.pausedTargets()).containsExactlyInAnyOrder("configset:marketing", "account");
    assertThat(alerts).extracting(Alert::kind).contains("pause");
  }

  @Test
  void lowVolumeWindow_neverTriggersAPause() {
    MonitorPolicy policy =
        new MonitorPolicy(Thresholds.DEFAULT, Level.WARNING, Set.of("marketing"), null, 0.8);
    ReputationMonitor monitor = monitor(policy);
    traffic(100, 30, 0); // 30%, but only 100 eligible sends
    MonitorReport report = monitor.evaluate(clock.instant());
    assertThat(report.level()).isEqualTo(Level.PAUSE);
    assertThat(report.actions()).isEmpty();
    assertThat(ses.calls()).isEmpty();
  }

  @Test
  void pausingIsOffByDefault() {
    ReputationMonitor monitor = monitor(MonitorPolicy.DEFAULT);
    traffic(10_000, 2000, 0);
    assertThat(monitor.evaluate(clock.instant()).actions()).isEmpty();
    assertThat(ses.calls()).isEmpty();
  }

  @Test
  void resume_isRefusedUnderShutdown_andRecordedOtherwise() {
    MonitorPolicy policy =
        new MonitorPolicy(Thresholds.DEFAULT, Level.REVIEW, Set.of("marketing"), null, 0.8);
    ReputationMonitor monitor = monitor(policy);
    traffic(1000, 60, 0);
    monitor.evaluate(clock.instant());
    ses.status(new AccountStatus("SHUTDOWN", false, true, 50_000, 0));
    assertThatThrownBy(
            () ->
                monitor.resume(
                    PauseTarget.configurationSet("marketing"),
                    "ana",
                    "list cleaned",
                    clock.instant()))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("SHUTDOWN");
    assertThat(ses.calls()).containsExactly("configset:marketing=false");

    ses.status(new AccountStatus("HEALTHY", true, true, 50_000, 0));
    monitor.resume(
        PauseTarget.configurationSet("marketing"), "ana", "list cleaned", clock.instant());
    assertThat(ses.calls())
        .containsExactly("configset:marketing=false", "configset:marketing=true");
    assertThat(store.pausedTargets()).isEmpty();
    assertThat(store.actions(Instant.EPOCH))
        .extracting(a -> a.action() + " " + a.target() + " by " + a.by() + ": " + a.reason())
        .containsExactly(
            "PAUSE configset:marketing by guardian: account level review reached the pause level"
                + " review",
            "RESUME configset:marketing by ana: list cleaned");
  }
}
