/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.util.Set;

/**
 * What a store did with a group of effects.
 *
 * @param duplicates ledger keys that were already applied (by an earlier delivery or a concurrent
 *     one); nothing of theirs was changed, and each was counted as a duplicate
 * @param failed ledger keys that could not be applied after retries (throttling, conflicts,
 *     outages); nothing of theirs was changed, and applying them again later is safe
 */
public record ApplyResult(Set<String> duplicates, Set<String> failed) {
  public ApplyResult {
    duplicates = Set.copyOf(duplicates);
    failed = Set.copyOf(failed);
  }
}
