/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account's verified domains as last read from SES (port). SES leaves bounces to verified
 * domains out of the bounce rate ({@link CountingRules}). The monitor reads SES's {@code
 * ListEmailIdentities} at most hourly and keeps the answer here ({@code
 * io.sesguardian.domain.monitor.VerifiedDomainsRefresh}); ingest reads it from here ({@link
 * KeptVerifiedDomains}), so the ingest function calls no SES API at all (issue 14: its jar and its
 * cold start). Last writer wins; safe to call from many threads and processes.
 */
public interface VerifiedDomains {

  /** The last list kept, or empty when the monitor has not kept one yet. */
  Optional<Snapshot> latest();

  /** Keeps {@code snapshot} as the latest, replacing the one before. */
  void keep(Snapshot snapshot);

  /**
   * One answer of SES.
   *
   * @param domains the verified domain identities, lower-cased (a copy is kept)
   * @param readAt when SES was asked
   */
  record Snapshot(Set<String> domains, Instant readAt) {
    public Snapshot {
      Objects.requireNonNull(readAt, "readAt");
      Set<String> lower = new TreeSet<>();
      for (String d : Objects.requireNonNull(domains, "domains")) {
        lower.add(d.strip().toLowerCase(Locale.ROOT));
      }
      lower.remove("");
      domains = Set.copyOf(lower);
    }
  }
}
