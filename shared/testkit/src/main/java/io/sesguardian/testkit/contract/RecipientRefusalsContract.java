/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.RecipientRefusals;
import io.sesguardian.domain.ingest.RecipientRefusals.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@link RecipientRefusals} contract, for every adapter. */
public abstract class RecipientRefusalsContract {

  private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");

  /** A fresh, empty store. */
  protected abstract RecipientRefusals newRefusals(Clock clock);

  @Test
  void latestRefusalPerDomain_isKept_andALateOlderOneDoesNotReplaceIt() {
    RecipientRefusals refusals = newRefusals(Clock.systemUTC());
    refusals.note(new Refusal("corp.example", "5.7.1", "550 5.7.1 auth required", T));
    refusals.note(new Refusal("corp.example", "5.7.26", "550 5.7.26 DMARC", T.plusSeconds(60)));
    refusals.note(new Refusal("corp.example", "5.7.1", "older", T.minusSeconds(60)));
    refusals.note(new Refusal("other.example", null, null, T.minusSeconds(3600)));

    Map<String, Refusal> all = refusals.since(T.minusSeconds(7200));
    assertThat(all).containsOnlyKeys("corp.example", "other.example");
    assertThat(all.get("corp.example").status()).isEqualTo("5.7.26");
    assertThat(all.get("corp.example").diagnostic()).isEqualTo("550 5.7.26 DMARC");
    assertThat(all.get("corp.example").at()).isEqualTo(T.plusSeconds(60));
    assertThat(all.get("other.example").diagnostic()).isNull();
    assertThat(refusals.since(T)).containsOnlyKeys("corp.example");
    assertThat(refusals.since(T.plusSeconds(61))).isEmpty();
  }
}
