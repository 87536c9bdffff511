/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.SesListImport;
import io.sesguardian.domain.sync.SesSuppressionList;
import io.sesguardian.testkit.InMemoryFeedbackStore;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.SesSuppressionHttpStub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The import of SES's account-level list through the real SESv2 client against a loopback stub:
 * 2,500 addresses, paged at SES's pace (the injected sleeper records the waits instead of
 * sleeping), recorded once.
 */
class SesListImportTest {

  private static final Instant LISTED_AT = Instant.parse("2025-06-01T12:00:00Z");

  private final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final Pacer pacer = new Pacer(clock, clock.sleeper(), Duration.ofSeconds(1));
  private SesSuppressionHttpStub stub;
  private AwsClients clients;
  private SesV2SuppressionList ses;

  @BeforeEach
  void setUp() throws Exception {
    stub = new SesSuppressionHttpStub();
    for (int i = 0; i < 2500; i++) {
      stub.holding(
          String.format(java.util.Locale.ROOT, "user%04d@example.org", i),
          i % 10 == 0 ? "COMPLAINT" : "BOUNCE",
          LISTED_AT.plusSeconds(i));
    }
    clients = AwsClients.forEndpoint(Region.US_EAST_1, stub.endpoint());
    ses = new SesV2SuppressionList(clients.sesV2WithoutRetries());
  }

  @AfterEach
  void tearDown() {
    clients.close();
    stub.close();
  }

  private SesListImport.Report importOnce(List<String> progress) throws InterruptedException {
    return new SesListImport(store, ses, pacer, clock)
        .run(
            clock.instant().plus(Duration.ofHours(1)),
            (pages, found, added) -> progress.add(pages + ":" + found + ":" + added));
  }

  @Test
  void twoThousandFiveHundredAddresses_arePagedAtOnePerSecond_andRecordedOnce() throws Exception {
    List<String> progress = new ArrayList<>();
    Instant start = clock.instant();

    SesListImport.Report first = importOnce(progress);

    assertThat(first.complete()).isTrue();
    assertThat(first.found()).isEqualTo(2500);
    assertThat(first.added()).isEqualTo(2500);
    assertThat(first.pages()).isEqualTo(3);
    assertThat(progress).containsExactly("1:1000:1000", "2:2000:2000", "3:2500:2500");
    List<SesSuppressionHttpStub.Call> lists = stub.calls("GET", "/v2/email/suppression/addresses");
    assertThat(lists).hasSize(3);
    assertThat(lists.get(0).query()).contains("PageSize=1000").doesNotContain("NextToken");
    assertThat(lists.get(1).query()).contains("NextToken=1000");
    // The pacer waited before every request but the very first: never two within a second.
    assertThat(clock.slept()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(Duration.between(start, clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(store.suppressionCount()).isEqualTo(2500);
    assertThat(store.importedAt()).isPresent();
    SuppressionEntry complaint = store.suppression("user0010@example.org").orElseThrow();
    assertThat(complaint.reason()).isEqualTo(SuppressionReason.COMPLAINT);
    assertThat(complaint.origin()).isEqualTo(SuppressionOrigin.SES_IMPORT);
    assertThat(complaint.sesState()).isEqualTo(SesSyncState.NOT_NEEDED);
    assertThat(complaint.firstSeen()).isEqualTo(LISTED_AT.plusSeconds(10));
    assertThat(store.pendingOutboxSize()).isZero();

    SesListImport.Report second = importOnce(new ArrayList<>());

    assertThat(second.found()).isEqualTo(2500);
    assertThat(second.added()).isZero();
    assertThat(store.suppressionCount()).isEqualTo(2500);
    assertThat(stub.calls("GET", "/v2/email/suppression/addresses")).hasSize(6);
    assertThat(clock.slept()).hasSize(5).containsOnly(Duration.ofSeconds(1));
  }

  @Test
  void configurationSetSuppressionOptions_areReadThroughTheRealClient() {
    stub.setReasons("quiet");
    stub.setReasons("strict", "BOUNCE", "COMPLAINT");

    assertThat(ses.configurationSet("quiet"))
        .isEqualTo(new SesSuppressionList.SetSuppression.Overrides(java.util.Set.of()));
    assertThat(ses.configurationSet("strict"))
        .isEqualTo(
            new SesSuppressionList.SetSuppression.Overrides(
                java.util.Set.of(SuppressionReason.BOUNCE, SuppressionReason.COMPLAINT)));
    assertThat(ses.configurationSet("plain"))
        .isInstanceOf(SesSuppressionList.SetSuppression.UsesAccount.class);
  }

  @Test
  void deleteOfAnAddressSesDoesNotHold_countsAsDone() {
    assertThat(ses.delete("user0001@example.org"))
        .isInstanceOf(SesSuppressionList.PutOutcome.Accepted.class);
    assertThat(ses.delete("user0001@example.org"))
        .isInstanceOf(SesSuppressionList.PutOutcome.Accepted.class);
    assertThat(stub.held()).doesNotContainKey("user0001@example.org").hasSize(2499);
  }
}
