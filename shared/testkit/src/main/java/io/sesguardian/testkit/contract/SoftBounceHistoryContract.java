/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static io.sesguardian.testkit.contract.Effects.softBounce;
import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.SoftBounceHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link SoftBounceHistory} contract, for every adapter. Soft bounces the ledger wrote read
 * back per address and time range.
 */
public abstract class SoftBounceHistoryContract extends StoreContract {

  /** The role under test. */
  protected SoftBounceHistory softBounces;

  @Override
  void roles() {
    softBounces = store;
  }

  @Test
  void softBounceTimes_readBackInclusiveOfBothBounds_oldestFirst() {
    Instant t1 = Instant.parse("2026-03-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-03-02T00:00:00Z");
    Instant t3 = Instant.parse("2026-03-03T00:00:00Z");
    store.applyOnce(
        List.of(
            softBounce("s3", "soft@example.org", t3),
            softBounce("s1", "soft@example.org", t1),
            softBounce("s2", "soft@example.org", t2)),
        new Counts(),
        opKey);

    assertThat(softBounces.softBounceTimes("soft@example.org", t1, t3)).containsExactly(t1, t2, t3);
    assertThat(softBounces.softBounceTimes("soft@example.org", t2, t2)).containsExactly(t2);
    assertThat(softBounces.softBounceTimes("other@example.org", t1, t3)).isEmpty();
  }
}
