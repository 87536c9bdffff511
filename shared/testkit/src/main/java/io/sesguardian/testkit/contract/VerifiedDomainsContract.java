/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.VerifiedDomains;
import io.sesguardian.domain.ingest.VerifiedDomains.Snapshot;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@link VerifiedDomains} contract, for every adapter. */
public abstract class VerifiedDomainsContract {

  private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");

  /** A fresh, empty store. */
  protected abstract VerifiedDomains newVerifiedDomains();

  @Test
  void nothingKept_readsAsEmpty() {
    assertThat(newVerifiedDomains().latest()).isEmpty();
  }

  @Test
  void theLastListKept_isReadBack_lowerCased_andAnEmptyListIsAList() {
    VerifiedDomains kept = newVerifiedDomains();
    kept.keep(new Snapshot(Set.of("OurCompany.com", "mail.shop.example"), T));
    assertThat(kept.latest())
        .contains(new Snapshot(Set.of("ourcompany.com", "mail.shop.example"), T));

    kept.keep(new Snapshot(Set.of(), T.plusSeconds(3600)));
    assertThat(kept.latest()).contains(new Snapshot(Set.of(), T.plusSeconds(3600)));
  }
}
