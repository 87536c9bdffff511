/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.domain.sync.SyncReport;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;

/**
 * The outbox writer end to end on real time: DynamoDB on moto, the real SESv2 client, a stub SES on
 * loopback. Slow on purpose (it paces at one request per second).
 */
@ExtendWith(MotoExtension.class)
class OutboxSyncTest {

  private final Clock clock = Clock.systemUTC();
  private AwsClients dynamoClients;
  private AwsClients sesClients;
  private SesHttpStub stub;
  private DynamoDbFeedbackStore store;
  private SuppressionSync sync;

  @BeforeEach
  void setUp(MotoServer moto) throws Exception {
    dynamoClients = MotoDynamoDb.clients(moto);
    store =
        new DynamoDbFeedbackStore(
            dynamoClients.dynamoDb(),
            MotoDynamoDb.newTable(dynamoClients),
            DynamoDbFeedbackStore.Settings.DEFAULT,
            clock,
            Sleeper.REAL);
    stub = new SesHttpStub();
    stub.suppressedReasons = List.of();
    sesClients = AwsClients.forEndpoint(Region.US_EAST_1, stub.endpoint());
    sync =
        new SuppressionSync(
            store,
            store.suppressionAdmin(),
            new SesV2SuppressionList(sesClients.sesV2WithoutRetries()),
            new Pacer(clock, Sleeper.REAL, Duration.ofSeconds(1)),
            clock,
            SuppressionSync.Settings.DEFAULT.withoutImport());
    IngestService ingest = new IngestService(store, IngestPolicy.DEFAULT, clock);
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    for (String event :
        List.of(
            "ses/notification/bounce-permanent-general-two-recipients.json",
            "ses/notification/complaint-abuse.json")) {
      ingest.ingest(
          List.of(
              FeedbackEnvelopes.normalizeDocument(
                  normalizer,
                  event,
                  new String(Fixtures.eventBytes(event), StandardCharsets.UTF_8))));
    }
  }

  @AfterEach
  void tearDown() {
    stub.close();
    sesClients.close();
    dynamoClients.close();
  }

  private SyncReport run() throws InterruptedException {
    return sync.run(Instant.now().plusSeconds(30));
  }

  private Map<SesSyncState, Long> states() {
    return store.allSuppressions().stream()
        .collect(Collectors.groupingBy(SuppressionEntry::sesState, Collectors.counting()));
  }

  @Test
  void sandbox_holdsEverything_thenBackFillsOnceOut_atMostOneRequestPerSecond() throws Exception {
    stub.productionAccess = false;
    SyncReport held = run();
    assertThat(held.sandbox()).isTrue();
    assertThat(held.pendingAfter()).isEqualTo(3);
    assertThat(stub.puts.get()).isZero();
    assertThat(states()).isEqualTo(Map.of(SesSyncState.PENDING, 3L));

    stub.productionAccess = true;
    SyncReport backFill = run();
    assertThat(backFill.synced()).hasSize(3);
    assertThat(backFill.pendingAfter()).isZero();
    assertThat(stub.suppressed).hasSize(3).containsValue("COMPLAINT").containsValue("BOUNCE");
    assertThat(states()).isEqualTo(Map.of(SesSyncState.SYNCED, 3L));
    List<SesHttpStub.Call> calls = stub.calls;
    for (int i = 1; i < calls.size(); i++) {
      long gap = calls.get(i).nanos() - calls.get(i - 1).nanos();
      assertThat(gap).as("gap before SES call " + i).isGreaterThanOrEqualTo(950_000_000L);
    }
  }

  @Test
  void throttledBySes_backsOffAndRetriesTheSameEntry() throws Exception {
    stub.script(429, 200);
    SyncReport report = run();
    assertThat(report.throttled()).isEqualTo(1);
    assertThat(report.synced()).hasSize(3);
    List<SesHttpStub.Call> puts =
        stub.calls.stream().filter(c -> c.method().equals("PUT")).toList();
    assertThat(puts.get(0).body()).isEqualTo(puts.get(1).body());
    assertThat(puts.get(1).nanos() - puts.get(0).nanos()).isGreaterThanOrEqualTo(1_900_000_000L);
  }

  @Test
  void whatSesAddsByItself_isMarkedNotNeededWithoutAnyPut() throws Exception {
    stub.suppressedReasons = List.of("BOUNCE", "COMPLAINT");
    SyncReport report = run();
    assertThat(report.notNeeded()).hasSize(3);
    assertThat(stub.puts.get()).isZero();
    assertThat(states()).isEqualTo(Map.of(SesSyncState.NOT_NEEDED, 3L));
  }

  @Test
  void refusedEntry_staysPendingWithItsError_andIsNotRetriedAtOnce() throws Exception {
    stub.script(500);
    SyncReport report = run();
    assertThat(report.failed()).hasSize(1);
    assertThat(report.synced()).hasSize(2);
    assertThat(report.pendingAfter()).isEqualTo(1);
    SuppressionEntry failed =
        store.allSuppressions().stream()
            .filter(e -> e.sesState() == SesSyncState.PENDING)
            .findFirst()
            .orElseThrow();
    assertThat(failed.sesLastError()).contains("InternalFailure");
    assertThat(failed.sesAttempts()).isEqualTo(1);
    assertThat(run().synced()).isEmpty();
  }
}
