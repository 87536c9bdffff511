/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.MonitorReport;
import io.sesguardian.domain.monitor.PauseTarget;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.monitor.ResumeRefusedException;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;

/**
 * The monitor on moto, with SESv2 and SNS stubs driven through the real SDK clients: conditional
 * state writes announce a change once, pauses and resumes reach SES, and a resume is refused under
 * SHUTDOWN.
 */
@ExtendWith(MotoExtension.class)
class MonitorOnDynamoDbTest {

  private static final Instant NOW = Instant.parse("2026-05-10T12:30:00Z");
  private AwsClients dynamoClients;
  private AwsClients stubClients;
  private SesHttpStub ses;
  private SnsHttpStub sns;
  private DynamoDbFeedbackStore feedback;
  private DynamoDbMonitorStore store;

  @BeforeEach
  void setUp(MotoServer moto) throws Exception {
    dynamoClients = MotoDynamoDb.clients(moto);
    feedback =
        new DynamoDbFeedbackStore(
            dynamoClients.dynamoDb(),
            MotoDynamoDb.newTable(dynamoClients),
            DynamoDbFeedbackStore.Settings.DEFAULT,
            Clock.fixed(NOW, ZoneOffset.UTC),
            Sleeper.REAL);
    store = feedback.monitorStore();
    ses = new SesHttpStub();
    sns = new SnsHttpStub();
    stubClients = AwsClients.forEndpoint(Region.US_EAST_1, ses.endpoint());
  }

  @AfterEach
  void tearDown() {
    ses.close();
    sns.close();
    stubClients.close();
    dynamoClients.close();
  }

  private ReputationMonitor monitor(MonitorPolicy policy) {
    AwsClients snsClients = AwsClients.forEndpoint(Region.US_EAST_1, sns.endpoint());
    return new ReputationMonitor(
        store,
        new SnsAlertPublisher(snsClients.sns(), "arn:aws:sns:us-east-1:123456789012:alerts"),
        new SesV2Account(stubClients.sesV2()),
        policy);
  }

  private void traffic(long sends, long bounces) {
    Counts counts = new Counts();
    for (Scope scope : List.of(Scope.ACCOUNT, Scope.configurationSet("marketing"))) {
      CounterKey key = CounterKey.of(scope, NOW);
      counts.add(key, CounterField.SEND, sends);
      counts.add(key, CounterField.BOUNCE_PERMANENT, bounces);
      counts.add(key, CounterField.BOUNCE_COUNTED, bounces);
    }
    feedback.addCounts(counts);
  }

  @Test
  void racingEvaluations_publishALevelChangeOnce_throughSns() throws Exception {
    traffic(2000, 130); // 6.5%: review
    ReputationMonitor monitor = monitor(MonitorPolicy.DEFAULT);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Callable<MonitorReport>> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tasks.add(() -> monitor.evaluate(NOW));
    }
    for (var f : pool.invokeAll(tasks)) {
      assertThat(f.get().level()).isEqualTo(Level.REVIEW);
    }
    pool.shutdown();
    List<Map<String, String>> accountAlerts =
        sns.published.stream().filter(m -> m.get("Subject").contains(": account ")).toList();
    assertThat(accountAlerts).hasSize(1);
    assertThat(accountAlerts.get(0).get("Subject"))
        .hasSizeLessThanOrEqualTo(100)
        .contains("REVIEW");
    assertThat(accountAlerts.get(0).get("Message")).contains("6.5%");
    assertThat(
            store.scopeStates().stream()
                .filter(s -> s.scope().equals(Scope.ACCOUNT))
                .findFirst()
                .orElseThrow()
                .level())
        .isEqualTo(Level.REVIEW);
    assertThat(store.activeScopes(NOW, NOW))
        .containsExactlyInAnyOrder(Scope.ACCOUNT, Scope.configurationSet("marketing"));
  }

  @Test
  void pauseAndResume_driveSes_andResumeIsRefusedUnderShutdown() {
    traffic(2000, 130);
    ReputationMonitor monitor =
        monitor(
            new MonitorPolicy(Thresholds.DEFAULT, Level.REVIEW, Set.of("marketing"), null, 0.8));
    MonitorReport report = monitor.evaluate(NOW);
    assertThat(report.actions()).hasSize(1);
    assertThat(ses.configurationSetSending).containsEntry("marketing", false);
    assertThat(store.pausedTargets()).containsExactly("configset:marketing");

    ses.enforcementStatus = "SHUTDOWN";
    assertThatThrownBy(
            () -> monitor.resume(PauseTarget.configurationSet("marketing"), "ana", "fixed", NOW))
        .isInstanceOf(ResumeRefusedException.class);
    assertThat(ses.configurationSetSending).containsEntry("marketing", false);

    ses.enforcementStatus = "HEALTHY";
    monitor.resume(PauseTarget.configurationSet("marketing"), "ana", "fixed the signup form", NOW);
    assertThat(ses.configurationSetSending).containsEntry("marketing", true);
    assertThat(store.pausedTargets()).isEmpty();
    assertThat(store.actions(Instant.EPOCH)).hasSize(2);
  }
}
