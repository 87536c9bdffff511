/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.RecipientRefusalWatch;
import io.sesguardian.domain.monitor.ReputationMonitor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor names a recipient domain that starts refusing the account's mail. */
class RecipientRefusalWatchTest {

  private final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");
  private final InMemoryFeedbackStore store = new InMemoryFeedbackStore(clock);
  private final InMemoryMonitorStore monitorStore = new InMemoryMonitorStore(store);
  private final IngestService ingest = new IngestService(store, store, IngestPolicy.DEFAULT, clock);
  private final List<Alert> published = new ArrayList<>();
  private final ReputationMonitor monitor =
      ReputationMonitor.local(monitorStore, published::add, MonitorPolicy.DEFAULT)
          .with(new RecipientRefusalWatch(monitorStore, store));
  private int n;

  private void refusal(String recipient, String status, String diagnostic) {
    String json =
        SesJson.bounceWithDsn(
            SesJson.Format.NOTIFICATION,
            "fb-" + n,
            "Transient",
            "General",
            clock.instant(),
            status,
            "failed",
            diagnostic,
            recipient);
    n++;
    ingest.ingest(List.of(new FeedbackNormalizer().normalize("r" + n, json)));
  }

  private List<Alert> refusalAlerts() {
    return published.stream().filter(a -> a.kind().equals(RecipientRefusalWatch.KIND)).toList();
  }

  @Test
  void threeDmarcRefusals_nameTheDomainAndTheMaskedDiagnostic_once() {
    for (int i = 0; i < 3; i++) {
      refusal(
          "user" + i + "@corp.example",
          "5.7.26",
          "smtp; 550 5.7.26 Unauthenticated email from news@example.com is not accepted for user"
              + i
              + "@corp.example due to DMARC policy");
      clock.advance(Duration.ofHours(5));
    }
    monitor.evaluate(clock.instant());
    monitor.evaluate(clock.instant().plus(Duration.ofHours(1)));

    assertThat(refusalAlerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.subject()).isEqualTo("SES guardian: mail refused by corp.example");
              assertThat(a.body()).contains("3 times").contains("5.7.26").contains("DMARC");
              assertThat(a.body())
                  .doesNotContain("user2@corp.example")
                  .doesNotContain("news@example.com");
            });
    assertThat(store.allSuppressions()).isEmpty();
  }

  @Test
  void twoRefusals_orMailboxBounces_raiseNothing() {
    refusal("a@corp.example", "5.7.1", "smtp; 550 5.7.1 authentication required");
    refusal("b@corp.example", "5.7.1", "smtp; 550 5.7.1 authentication required");
    for (int i = 0; i < 3; i++) {
      refusal("full" + i + "@other.example", "4.2.2", "smtp; 452 4.2.2 mailbox full");
    }
    monitor.evaluate(clock.instant());
    assertThat(refusalAlerts()).isEmpty();
  }

  @Test
  void refusalsOlderThanTheWindow_doNotCount() {
    for (int i = 0; i < 3; i++) {
      refusal("u" + i + "@corp.example", "5.7.1", "smtp; 550 5.7.1 authentication required");
    }
    Instant later = clock.instant().plus(RecipientRefusalWatch.DEFAULT_WINDOW).plusSeconds(3600);
    monitor.evaluate(later);
    assertThat(refusalAlerts()).isEmpty();
  }
}
