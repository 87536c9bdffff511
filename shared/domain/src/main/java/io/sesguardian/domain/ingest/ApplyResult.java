/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a store did with a group of effects.
 *
 * @param duplicates ledger keys that were already applied (by an earlier delivery or a concurrent
 *     one); nothing of theirs was changed, and each was counted as a duplicate
 * @param failed ledger keys that could not be applied after retries (throttling, conflicts,
 *     outages); nothing of theirs was changed, and applying them again later is safe
 * @param created the suppression entries this call created, by address, when the store knows them
 *     without another read (DynamoDB decides create or update before its transaction); empty when
 *     it does not, and the caller reads the entries it needs
 */
public record ApplyResult(
    Set<String> duplicates, Set<String> failed, Optional<Map<String, SuppressionEntry>> created) {
  public ApplyResult {
    duplicates = Set.copyOf(duplicates);
    failed = Set.copyOf(failed);
    created = created.map(Map::copyOf);
  }

  /** A result that does not say which entries were created. */
  public ApplyResult(Set<String> duplicates, Set<String> failed) {
    this(duplicates, failed, Optional.empty());
  }
}
