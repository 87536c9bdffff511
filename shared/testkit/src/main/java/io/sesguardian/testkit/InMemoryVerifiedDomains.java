/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.ingest.VerifiedDomains;
import java.util.Optional;

/**
 * {@link VerifiedDomains} in memory, with a switch that makes every call fail as an unreachable
 * table would, and a count of reads.
 */
public final class InMemoryVerifiedDomains implements VerifiedDomains {

  private Snapshot latest;
  private boolean unavailable;
  private int reads;

  @Override
  public synchronized Optional<Snapshot> latest() {
    reads++;
    if (unavailable) {
      throw new StoreUnavailableException(
          "read the verified domains", new IllegalStateException("injected"));
    }
    return Optional.ofNullable(latest);
  }

  @Override
  public synchronized void keep(Snapshot snapshot) {
    if (unavailable) {
      throw new StoreUnavailableException(
          "keep the verified domains", new IllegalStateException("injected"));
    }
    latest = snapshot;
  }

  /** From now on every call fails ({@code true}) or works again ({@code false}). */
  public synchronized void unavailable(boolean unavailable) {
    this.unavailable = unavailable;
  }

  /** How many times {@link #latest} was called. */
  public synchronized int reads() {
    return reads;
  }
}
