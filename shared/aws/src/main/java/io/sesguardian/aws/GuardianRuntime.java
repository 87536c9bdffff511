/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.KeptVerifiedDomains;
import io.sesguardian.domain.monitor.RecipientRefusalWatch;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.monitor.VerifiedDomainsRefresh;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.domain.time.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The real adapters, wired once per Lambda container from the environment: SDK clients, the
 * DynamoDB store, and the services over them.
 */
public final class GuardianRuntime {

  private final GuardianConfig config;
  private final AwsClients clients;
  private final DynamoDbFeedbackStore store;
  private final Clock clock = Clock.systemUTC();

  /**
   * One cache per container of the verified domains the monitor keeps in the table (read at most
   * every ten minutes), shared by the deadline-bound views.
   */
  private final KeptVerifiedDomains verified;

  private GuardianRuntime(GuardianConfig config, AwsClients clients) {
    this(
        config,
        clients,
        new DynamoDbFeedbackStore(
            clients.dynamoDb(), config.table(), config.store(), Clock.systemUTC(), Sleeper.REAL));
  }

  private GuardianRuntime(GuardianConfig config, AwsClients clients, DynamoDbFeedbackStore store) {
    this(config, clients, store, new KeptVerifiedDomains(Clock.systemUTC()));
  }

  private GuardianRuntime(
      GuardianConfig config,
      AwsClients clients,
      DynamoDbFeedbackStore store,
      KeptVerifiedDomains verified) {
    this.config = config;
    this.clients = clients;
    this.store = store;
    this.verified = verified;
  }

  /**
   * The same adapters over a view of the table that retries only while {@code deadline} allows (a
   * Lambda passes its invocation's, so a throttled table makes it answer in time); the SDK clients
   * and the verified-domain cache are shared.
   */
  public GuardianRuntime withDeadline(Deadline deadline) {
    return new GuardianRuntime(config, clients, store.withDeadline(deadline), verified);
  }

  /** Adapters for a given client factory (the CLI's {@code --aws} mode, tests). */
  public static GuardianRuntime of(GuardianConfig config, AwsClients clients) {
    return new GuardianRuntime(config, clients);
  }

  public static GuardianRuntime fromEnvironment(Map<String, String> env) {
    return new GuardianRuntime(
        GuardianConfig.fromEnvironment(env), AwsClients.fromEnvironment(env));
  }

  public AwsClients clients() {
    return clients;
  }

  public GuardianConfig config() {
    return config;
  }

  public DynamoDbFeedbackStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * The monitor's hourly refresh of the verified domains: SESv2 {@code ListEmailIdentities} into
   * the table, where ingest reads them.
   */
  public VerifiedDomainsRefresh verifiedDomainsRefresh() {
    return new VerifiedDomainsRefresh(new SesV2VerifiedDomains(clients.sesV2()), clock);
  }

  public IngestService ingestService() {
    return ingestService(Deadline.none(clock));
  }

  /**
   * The ingest service over a view of the table that retries only while {@code deadline} allows: a
   * Lambda passes its own, so a throttled table makes it answer in time (the SQS handler hands the
   * rest back) instead of being stopped by the runtime.
   */
  public IngestService ingestService(Deadline deadline) {
    IngestPolicy p = config.policy();
    DynamoDbFeedbackStore bounded = store.withDeadline(deadline);
    // Sends, deliveries and other count-only events: one counter transaction per batch, no
    // per-event ledger entry (README, "Costs per million messages").
    return new IngestService(
            bounded,
            bounded.recipientRefusals(),
            new IngestPolicy(
                p.softBounceThreshold(),
                p.softBounceWindow(),
                p.counting().withVerifiedDomains(verified.through(bounded.verifiedDomains()))),
            clock)
        .batchingCountOnlyEvents(bounded);
  }

  /**
   * Rejected input kept in the same table for 14 days, so that {@code guardian replay --rejected
   * --aws} can take it back.
   */
  public DynamoDbRejectedItems rejectedItems() {
    return store.rejectedItems();
  }

  /** The latest sender-side refusal per recipient domain, over the same table. */
  public DynamoDbRecipientRefusals recipientRefusals() {
    return store.recipientRefusals();
  }

  /** Removals, imports and the queued deletes over the same table. */
  public DynamoDbSuppressionAdmin suppressionAdmin() {
    return store.suppressionAdmin();
  }

  /** The SES account-level list through a client without SDK retries (callers pace). */
  public SesV2SuppressionList sesSuppressionList() {
    return new SesV2SuppressionList(clients.sesV2WithoutRetries());
  }

  /** The monitor store over the same table. */
  public DynamoDbMonitorStore monitorStore() {
    return store.monitorStore();
  }

  /** The canary runs over the same table. */
  public DynamoDbCanaryStore canaryStore() {
    return store.canaryStore();
  }

  /** The weekly report archive over the same table. */
  public DynamoDbReportArchive reportArchive() {
    return store.reportArchive();
  }

  /** The reputation monitor, alerting to the SNS alert topic (with the dashboard's link). */
  public ReputationMonitor reputationMonitor(MonitorConfig monitor) {
    return reputationMonitor(monitor, sesMetrics());
  }

  /** The monitor reading SES's figures through {@code sesMetrics} (one client per container). */
  public ReputationMonitor reputationMonitor(
      MonitorConfig monitor, CloudWatchSesMetrics sesMetrics) {
    DynamoDbMonitorStore monitorStore = monitorStore();
    return new ReputationMonitor(
            monitorStore,
            monitor.alerts(clients.sns()),
            new SesV2Account(clients.sesV2()),
            monitor.policy(),
            sesMetrics,
            MonitorConfig.disagreementFactor(System.getenv()))
        .with(new RecipientRefusalWatch(monitorStore, recipientRefusals()));
  }

  /** SES's own reputation figures (CloudWatch {@code GetMetricData}, one request per read). */
  public CloudWatchSesMetrics sesMetrics() {
    return new CloudWatchSesMetrics(
        clients.build(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()));
  }

  /** The outbox writer, pacing SES calls at one per second. */
  public SuppressionSync suppressionSync() {
    return new SuppressionSync(
        store,
        suppressionAdmin(),
        sesSuppressionList(),
        sesPacer(),
        clock,
        new SuppressionSync.Settings(config.accountListReasons(), true));
  }

  /**
   * Paces SES account-management calls at one per second, SES's limit for the suppression-list APIs
   * (ses-facts; the outbox writer and {@code guardian import-ses-list}).
   */
  public Pacer sesPacer() {
    return new Pacer(clock, Sleeper.REAL, Duration.ofSeconds(1));
  }
}
