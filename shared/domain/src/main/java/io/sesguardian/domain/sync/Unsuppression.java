/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionAdmin.Removal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Takes addresses off the suppression list by hand ({@code guardian unsuppress}): all or nothing.
 * Every address must be plausible and listed, else nothing changes and the outcome says which is
 * not; otherwise each is removed, kept in history with who, when and why, and a {@code
 * DeleteSuppressedDestination} is queued for the outbox writer, which sends it at SES's pace.
 */
public final class Unsuppression {

  private final FeedbackStore store;
  private final SuppressionAdmin admin;

  public Unsuppression(FeedbackStore store, SuppressionAdmin admin) {
    this.store = Objects.requireNonNull(store, "store");
    this.admin = Objects.requireNonNull(admin, "admin");
  }

  /** How a request ended. */
  public sealed interface Outcome {
    /** Every address was removed. */
    record Removed(List<Removal> removals) implements Outcome {
      public Removed {
        removals = List.copyOf(removals);
      }
    }

    /** An address is not plausible: {@code problem} follows "the address …". Nothing changed. */
    record Implausible(String raw, String problem) implements Outcome {}

    /** These (normalised) addresses are not on the list. Nothing changed. */
    record NotListed(List<String> addresses) implements Outcome {
      public NotListed {
        addresses = List.copyOf(addresses);
      }
    }
  }

  public Outcome unsuppress(List<String> raw, String by, String why, Instant at) {
    if (by == null || by.isBlank() || why == null || why.isBlank()) {
      throw new IllegalArgumentException("an unsuppression needs who (--by) and why (--reason)");
    }
    Set<String> addresses = new LinkedHashSet<>();
    for (String r : raw) {
      Addresses.Parsed parsed = Addresses.parse(r);
      if (!parsed.ok()) {
        return new Outcome.Implausible(r, parsed.problem());
      }
      addresses.add(parsed.address());
    }
    Map<String, ?> listed = store.suppressions(addresses);
    List<String> missing = addresses.stream().filter(a -> !listed.containsKey(a)).toList();
    if (!missing.isEmpty()) {
      return new Outcome.NotListed(missing);
    }
    List<Removal> removals = new ArrayList<>();
    for (String address : addresses) {
      // A concurrent removal between the check and here is reported by omission, not undone.
      admin.remove(address, by.strip(), why.strip(), at).ifPresent(removals::add);
    }
    return new Outcome.Removed(removals);
  }
}
