/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.KeptVerifiedDomains;
import io.sesguardian.domain.ingest.VerifiedDomains;
import io.sesguardian.domain.ingest.VerifiedDomains.Snapshot;
import io.sesguardian.domain.monitor.VerifiedDomainsRefresh;
import io.sesguardian.domain.monitor.VerifiedDomainsRefresh.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The monitor keeps SES's verified domains in the table at most hourly; ingest reads them from
 * there at most every ten minutes, and neither lets a failure stop its work.
 */
class VerifiedDomainsTest {

  private static final Instant T = Instant.parse("2026-05-10T12:00:00Z");

  private final MutableClock clock = new MutableClock(T);
  private final InMemoryVerifiedDomains table = new InMemoryVerifiedDomains();
  private final AtomicInteger sesCalls = new AtomicInteger();

  private Supplier<Set<String>> ses(Set<String> answer) {
    return () -> {
      sesCalls.incrementAndGet();
      return answer;
    };
  }

  @Test
  void monitor_asksSesOnceAnHour_andKeepsTheAnswerForIngest() {
    VerifiedDomainsRefresh refresh =
        new VerifiedDomainsRefresh(ses(Set.of("OurCompany.com")), clock);

    Outcome first = refresh.refresh(table);
    assertThat(first.read()).isTrue();
    assertThat(first.domains()).isEqualTo(1);
    assertThat(table.latest()).contains(new Snapshot(Set.of("ourcompany.com"), T));

    clock.advance(Duration.ofMinutes(59));
    assertThat(refresh.refresh(table).read()).isFalse();
    assertThat(sesCalls).hasValue(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(refresh.refresh(table).read()).isTrue();
    assertThat(sesCalls).hasValue(2);
  }

  @Test
  void aNewMonitorContainer_trustsAFreshListInTheTable_withoutAskingSes() {
    table.keep(new Snapshot(Set.of("ourcompany.com"), T.minus(Duration.ofMinutes(30))));
    VerifiedDomainsRefresh refresh = new VerifiedDomainsRefresh(ses(Set.of()), clock);

    Outcome outcome = refresh.refresh(table);

    assertThat(outcome.read()).isFalse();
    assertThat(outcome.domains()).isEqualTo(1);
    assertThat(sesCalls).hasValue(0);
    clock.advance(Duration.ofMinutes(30));
    assertThat(refresh.refresh(table).read()).isTrue();
  }

  @Test
  void sesFailing_keepsTheLastList_andIsAskedAgainAfterAQuarterOfAnHour() {
    table.keep(new Snapshot(Set.of("ourcompany.com"), T.minus(Duration.ofHours(2))));
    AtomicInteger calls = new AtomicInteger();
    VerifiedDomainsRefresh refresh =
        new VerifiedDomainsRefresh(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("Rate exceeded");
              }
              return Set.of("ourcompany.com", "new.example");
            },
            clock);

    Outcome failed = refresh.refresh(table);
    assertThat(failed.read()).isFalse();
    assertThat(failed.failure()).contains("ListEmailIdentities").contains("Rate exceeded");
    assertThat(table.latest().orElseThrow().domains()).containsExactly("ourcompany.com");

    clock.advance(Duration.ofMinutes(1));
    Outcome quiet = refresh.refresh(table);
    assertThat(quiet.read()).isFalse();
    assertThat(quiet.failure()).isNull();
    assertThat(calls).hasValue(1);

    clock.advance(VerifiedDomainsRefresh.RETRY_AFTER);
    assertThat(refresh.refresh(table).read()).isTrue();
    assertThat(table.latest().orElseThrow().domains())
        .containsExactlyInAnyOrder("ourcompany.com", "new.example");
  }

  @Test
  void tableFailing_isReported_notThrown() {
    table.unavailable(true);
    Outcome outcome = new VerifiedDomainsRefresh(ses(Set.of("a.example")), clock).refresh(table);
    assertThat(outcome.read()).isFalse();
    assertThat(outcome.failure()).contains("verified domains");
  }

  @Test
  void anUnreadableKeptList_isReplacedBySesAnswer_andIngestKeepsWorking() {
    VerifiedDomains broken =
        new VerifiedDomains() {
          @Override
          public java.util.Optional<Snapshot> latest() {
            throw new IllegalStateException("readAt is not a time");
          }

          @Override
          public void keep(Snapshot snapshot) {
            table.keep(snapshot);
          }
        };
    Outcome outcome = new VerifiedDomainsRefresh(ses(Set.of("a.example")), clock).refresh(broken);
    assertThat(outcome.read()).isTrue();
    assertThat(table.latest().orElseThrow().domains()).containsExactly("a.example");
    assertThat(new KeptVerifiedDomains(clock).get(broken)).isEmpty();
  }

  @Test
  void ingest_readsTheKeptList_atMostEveryTenMinutes() {
    KeptVerifiedDomains ingest = new KeptVerifiedDomains(clock);
    assertThat(ingest.get(table)).isEmpty();

    table.keep(new Snapshot(Set.of("ourcompany.com"), T));
    clock.advance(Duration.ofMinutes(9));
    assertThat(ingest.get(table)).isEmpty();
    assertThat(table.reads()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(ingest.get(table)).containsExactly("ourcompany.com");
    assertThat(table.reads()).isEqualTo(2);
  }

  @Test
  void ingest_keepsTheLastAnswer_whenTheTableFails() {
    table.keep(new Snapshot(Set.of("ourcompany.com"), T));
    KeptVerifiedDomains ingest = new KeptVerifiedDomains(clock);
    assertThat(ingest.get(table)).containsExactly("ourcompany.com");

    table.unavailable(true);
    clock.advance(KeptVerifiedDomains.REREAD);
    assertThat(ingest.get(table)).containsExactly("ourcompany.com");
    assertThat(table.reads()).isEqualTo(2);
  }
}
