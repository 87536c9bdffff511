/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.domain.sync.SuppressionSync;
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

  private GuardianRuntime(GuardianConfig config, AwsClients clients) {
    this.config = config;
    this.clients = clients;
    this.store =
        new DynamoDbFeedbackStore(
            clients.dynamoDb(), config.table(), config.store(), clock, Sleeper.REAL);
  }

  public static GuardianRuntime fromEnvironment(Map<String, String> env) {
    return new GuardianRuntime(
        GuardianConfig.fromEnvironment(env), AwsClients.fromEnvironment(env));
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

  public IngestService ingestService() {
    return new IngestService(store, config.policy(), clock);
  }

  /** The outbox writer, pacing SES calls at one per second. */
  public SuppressionSync suppressionSync() {
    return new SuppressionSync(
        store,
        new SesV2SuppressionList(clients.sesV2WithoutRetries()),
        new Pacer(clock, Sleeper.REAL, Duration.ofSeconds(1)),
        clock);
  }
}
