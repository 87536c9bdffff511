/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link SuppressionList} contract, for every adapter. Addresses are added once and read back
 * ordered by address.
 */
public abstract class SuppressionListContract extends StoreContract {

  /** The role under test. */
  protected SuppressionList list;

  @Override
  void roles() {
    list = store;
  }

  @Test
  void suppressIfAbsent_addsOnce_andTheListReadsBackOrderedByAddress() {
    assertThat(suppress("b@example.org")).isTrue();
    assertThat(suppress("b@example.org")).isFalse();
    clock.advance(Duration.ofHours(1));
    Instant later = clock.instant();
    assertThat(suppress("a@example.org")).isTrue();

    assertThat(list.suppressionCount()).isEqualTo(2);
    assertThat(list.allSuppressions())
        .extracting(SuppressionEntry::address)
        .containsExactly("a@example.org", "b@example.org");
    assertThat(list.suppressions(List.of("b@example.org", "nobody@example.org")))
        .containsOnlyKeys("b@example.org");
    assertThat(list.suppressionsRecordedSince(later))
        .extracting(SuppressionEntry::address)
        .containsExactly("a@example.org");
    SuppressionEntry b = suppression("b@example.org").orElseThrow();
    assertThat(b.count()).isEqualTo(1);
    assertThat(b.firstLedgerKey()).isEqualTo("k#b@example.org");
    assertThat(b.recordedAt()).isEqualTo(later.minus(Duration.ofHours(1)));
  }

  @Test
  void creatingAnEntry_countsItOnceInTheHourOfItsFirstEvent_andTheListTotal() {
    Instant bounced = clock.instant().minus(Duration.ofMinutes(3));
    clock.advance(Duration.ofHours(2)); // recorded two hours after SES's event: a later hour
    store.applyOnce(
        List.of(Effects.hardBounce("fb-1", "a@example.org", bounced)), new Counts(), opKey);
    store.applyOnce(
        List.of(Effects.hardBounce("fb-2", "a@example.org", bounced.plusSeconds(60))),
        new Counts(),
        opKey);
    assertThat(suppress("b@example.org")).isTrue();
    assertThat(suppress("b@example.org")).isFalse();

    assertThat(count(Scope.ACCOUNT, bounced, CounterField.SUPPRESSED_BOUNCE)).isEqualTo(1);
    assertThat(count(Scope.ACCOUNT, bounced, CounterField.RECORDED_WITHIN_6H)).isEqualTo(1);
    assertThat(total(Scope.ACCOUNT, CounterField.SUPPRESSED_BOUNCE)).isEqualTo(2);
    assertThat(total(Scope.ACCOUNT, CounterField.RECORDED_WITHIN_1S)).isEqualTo(1);
    assertThat(total(Scope.ACCOUNT, CounterField.SUPPRESSED_COMPLAINT)).isZero();
    assertThat(list.suppressionCount()).isEqualTo(2);
  }
}
