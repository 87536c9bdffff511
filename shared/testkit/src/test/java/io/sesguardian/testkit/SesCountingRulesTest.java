/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.CountingRules;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.KeptVerifiedDomains;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.MonitorReport;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.monitor.VerifiedDomainsRefresh;
import io.sesguardian.domain.rates.Denominator;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.rates.WindowRates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's seven findings, each through ingest and the monitor on an injected clock: the rates
 * SES would compute from the same traffic.
 */
class SesCountingRulesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:30:00Z"));
  private final InMemoryFeedbackStore feedback = new InMemoryFeedbackStore(clock);
  private final InMemoryMonitorStore store = new InMemoryMonitorStore(feedback);
  private final List<Alert> alerts = new ArrayList<>();
  private final StubSesAccount ses = new StubSesAccount();
  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();
  private final Instant hourAgo = clock.instant().minus(Duration.ofHours(1));

  private void ingest(SesEvents events, CountingRules rules) {
    IngestService service =
        new IngestService(feedback, new IngestPolicy(3, Duration.ofDays(30), rules), clock);
    List<Normalized> docs = new ArrayList<>();
    int i = 0;
    for (String json : events.documents()) {
      docs.add(normalizer.normalize("doc-" + i++, json));
    }
    service.ingest(docs);
  }

  private ReputationMonitor monitor(MonitorPolicy policy) {
    return new ReputationMonitor(store, alerts::add, ses, policy);
  }

  private WindowRates accountH24() {
    ScopeRates account =
        monitor(MonitorPolicy.DEFAULT).rates(clock.instant()).stream()
            .filter(r -> r.scope().equals(Scope.ACCOUNT))
            .findFirst()
            .orElseThrow();
    return account.window(Window.H24).orElseThrow();
  }

  @Test
  void complaintRate_dividesByFeedbackLoopDomainsOnly_givingQuarterPercent() {
    // 600 to gmail.com (no feedback loop) and 400 to yahoo.com with one Yahoo complaint.
    ingest(
        new SesEvents()
            .delivered("news", "gmail.com", 600, hourAgo)
            .delivered("news", "yahoo.com", 399, hourAgo)
            .complaintReport("news", "yahoo.com", 1, null, hourAgo),
        CountingRules.DEFAULT);

    WindowRates w = accountH24();

    assertThat(w.eligibleSends()).isEqualTo(1000);
    assertThat(w.complaintEligibleSends()).isEqualTo(400);
    assertThat(w.complaints()).isEqualTo(1);
    assertThat(w.complaintRate()).isEqualTo(0.0025);
    assertThat(w.complaintLevel()).isEqualTo(Level.REVIEW);
  }

  /** 5% bounces to example.net, 10% to ourcompany.com (the account's own, verified domain). */
  private SesEvents toOurOwnAndAnotherDomain() {
    return new SesEvents()
        .delivered("news", "example.net", 190, hourAgo)
        .hardBounced("news", "example.net", 10, hourAgo)
        .delivered("news", "ourcompany.com", 90, hourAgo)
        .hardBounced("news", "ourcompany.com", 10, hourAgo);
  }

  @Test
  void bouncesToVerifiedDomains_areLeftOutOfTheBounceRate() {
    ingest(
        toOurOwnAndAnotherDomain(),
        CountingRules.DEFAULT.withVerifiedDomains(Set.of("ourcompany.com")));

    WindowRates w = accountH24();

    assertThat(w.eligibleSends()).isEqualTo(200);
    assertThat(w.bounces()).isEqualTo(10);
    assertThat(w.bounceRate()).isEqualTo(0.05);
  }

  @Test
  void verifiedDomainsTheMonitorKept_areLeftOutOfTheRateIngestCounts() {
    // As deployed: the monitor asks SES and keeps the answer; ingest reads the kept list.
    InMemoryVerifiedDomains table = new InMemoryVerifiedDomains();
    new VerifiedDomainsRefresh(() -> Set.of("OurCompany.com"), clock).refresh(table);
    ingest(
        toOurOwnAndAnotherDomain(),
        CountingRules.DEFAULT.withVerifiedDomains(new KeptVerifiedDomains(clock).through(table)));

    assertThat(accountH24().bounceRate()).isEqualTo(0.05);
  }

  @Test
  void onlyBouncesAndComplaintsWired_isUnknownAndNeverPauses() {
    ingest(
        new SesEvents()
            .bounceOnly(null, "example.net", "Permanent", "General", hourAgo)
            .bounceOnly(null, "example.net", "Transient", "MailboxFull", hourAgo),
        CountingRules.DEFAULT);
    MonitorPolicy pausing =
        new MonitorPolicy(Thresholds.DEFAULT, Level.WARNING, Set.of("news"), Level.REVIEW, 0.8);

    MonitorReport report = monitor(pausing).evaluate(clock.instant());

    WindowRates w = report.scopes().get(0).window(Window.H24).orElseThrow();
    assertThat(w.denominator()).isEqualTo(Denominator.NONE);
    assertThat(w.bounces()).isEqualTo(1);
    assertThat(w.level()).isEqualTo(Level.UNKNOWN);
    assertThat(report.level()).isEqualTo(Level.UNKNOWN);
    assertThat(report.actions()).isEmpty();
    assertThat(ses.calls()).noneMatch(c -> c.contains("=false"));
    // One alert says rates cannot be computed and how to fix it; a second evaluation is silent.
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).body()).contains("Publish Send or Delivery events");
    monitor(pausing).evaluate(clock.instant().plusSeconds(60));
    assertThat(alerts).hasSize(1);
  }

  @Test
  void mixedChannels_sumTheirDenominators_givingTwoAndAHalfPercent() {
    // 100 through a configuration set publishing Send events, 100 identity notifications of
    // which 5 hard-bounced.
    ingest(
        new SesEvents()
            .sent("news", "example.net", 100, hourAgo)
            .delivered(null, "example.org", 95, hourAgo)
            .hardBounced(null, "example.org", 5, hourAgo),
        CountingRules.DEFAULT);

    WindowRates w = accountH24();

    assertThat(w.denominator()).isEqualTo(Denominator.MIXED);
    assertThat(w.eligibleSends()).isEqualTo(200);
    assertThat(w.bounceRate()).isEqualTo(0.025);
  }

  @Test
  void oneComplaintReportNamingThreeRecipients_isOneComplaint() {
    ingest(
        new SesEvents()
            .delivered("news", "yahoo.com", 997, hourAgo)
            .complaintReport("news", "yahoo.com", 3, null, hourAgo),
        CountingRules.DEFAULT);

    WindowRates w = accountH24();

    assertThat(w.complaintEligibleSends()).isEqualTo(1000);
    assertThat(w.complaints()).isEqualTo(1);
    assertThat(w.complaintRate()).isEqualTo(0.001);
    // Every recipient is still suppressed.
    assertThat(feedback.suppressions(Set.of("user-998-0@yahoo.com", "user-998-2@yahoo.com")))
        .hasSize(2);
  }

  @Test
  void tenantTaggedTraffic_isRatedAsItsOwnScope_andTenantListBouncesLeaveTheDenominator() {
    ingest(
        new SesEvents()
            .tenant("acme")
            .delivered("news", "yahoo.com", 90, hourAgo)
            .hardBounced("news", "yahoo.com", 10, hourAgo)
            .onTenantList("news", "yahoo.com", 40, hourAgo)
            .tenant(null)
            .delivered("news", "example.net", 100, hourAgo),
        CountingRules.DEFAULT);

    WindowRates tenant =
        monitor(MonitorPolicy.DEFAULT).rates(clock.instant()).stream()
            .filter(r -> r.scope().equals(Scope.tenant("acme")))
            .findFirst()
            .orElseThrow()
            .window(Window.H24)
            .orElseThrow();
    WindowRates account = accountH24();

    // The 40 sends SES never attempted (the tenant's suppression list) count nowhere.
    assertThat(tenant.eligibleSends()).isEqualTo(100);
    assertThat(tenant.bounces()).isEqualTo(10);
    assertThat(tenant.bounceRate()).isEqualTo(0.10);
    assertThat(account.eligibleSends()).isEqualTo(200);
    assertThat(account.bounceRate()).isEqualTo(0.05);
  }

  @Test
  void sendsSesNeverAttempted_leaveTheDenominator() {
    ingest(
        new SesEvents()
            .delivered("news", "yahoo.com", 190, hourAgo)
            .hardBounced("news", "yahoo.com", 10, hourAgo)
            .onAccountList("news", "yahoo.com", 30, hourAgo)
            .complaintReport("news", "yahoo.com", 1, "OnAccountSuppressionList", hourAgo)
            .rejected("news", "yahoo.com", 20, hourAgo)
            .sent("news", "simulator.amazonses.com", 500, hourAgo),
        CountingRules.DEFAULT);

    WindowRates w = accountH24();

    assertThat(w.denominator()).isEqualTo(Denominator.SEND);
    assertThat(w.eligibleSends()).isEqualTo(200);
    assertThat(w.complaintEligibleSends()).isEqualTo(200);
    assertThat(w.complaints()).isZero();
    assertThat(w.bounceRate()).isEqualTo(0.05);
  }

  @Test
  void volumeWindow_reachesBeyondNinetyDays() {
    Instant longAgo = clock.instant().minus(Duration.ofDays(200));
    ingest(
        new SesEvents()
            .delivered("news", "example.net", 950, longAgo)
            .hardBounced("news", "example.net", 50, longAgo)
            .delivered("news", "example.net", 1000, hourAgo),
        CountingRules.DEFAULT);

    WindowRates volume =
        monitor(MonitorPolicy.DEFAULT)
            .rates(clock.instant())
            .get(0)
            .window(Window.VOLUME)
            .orElseThrow();

    assertThat(volume.eligibleSends()).isEqualTo(2000);
    assertThat(volume.bounces()).isEqualTo(50);
    assertThat(volume.bounceRate()).isEqualTo(0.025);
    assertThat(volume.from()).isBefore(clock.instant().minus(Duration.ofDays(199)));
  }

  @Test
  void sesFigureCrossingReview_whileTheGuardiansDoesNot_raisesTheLevelAndSaysWhy() {
    ingest(
        new SesEvents()
            .delivered("news", "example.net", 990, hourAgo)
            .hardBounced("news", "example.net", 10, hourAgo),
        CountingRules.DEFAULT);
    List<List<Scope>> asked = new ArrayList<>();
    io.sesguardian.domain.monitor.SesReputationMetrics cloudWatch =
        (scopes, now) -> {
          asked.add(List.copyOf(scopes));
          return java.util.Map.of(
              Scope.ACCOUNT, new io.sesguardian.domain.monitor.SesFigures(0.052, 0.0002, now));
        };
    ReputationMonitor monitor =
        new ReputationMonitor(store, alerts::add, ses, MonitorPolicy.DEFAULT, cloudWatch, 2.0);

    MonitorReport report = monitor.evaluate(clock.instant());

    assertThat(report.scopes().get(0).level()).isEqualTo(Level.HEALTHY);
    assertThat(report.level()).isEqualTo(Level.REVIEW);
    assertThat(asked).hasSize(1);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).subject()).contains("account REVIEW");
    assertThat(alerts.get(0).body())
        .contains("SES's own figures")
        .contains("bounce 5.2%")
        .contains("The level comes from SES's figure")
        .contains("differ by more than 2.0×");
    monitor.evaluate(clock.instant().plusSeconds(60));
    assertThat(alerts).hasSize(1);
  }
}
