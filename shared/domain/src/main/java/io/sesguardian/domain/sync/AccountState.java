/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import io.sesguardian.domain.feedback.SuppressionReason;
import java.util.Objects;
import java.util.Set;

/**
 * The parts of SES's {@code GetAccount} the outbox writer needs.
 *
 * @param productionAccess false while the account is in the sandbox, where {@code
 *     PutSuppressedDestination} is refused
 * @param suppressedReasons the account's {@code SuppressionAttributes}: reasons SES adds to the
 *     account-level list by itself
 */
public record AccountState(boolean productionAccess, Set<SuppressionReason> suppressedReasons) {
  public AccountState {
    Objects.requireNonNull(suppressedReasons, "suppressedReasons");
    suppressedReasons = Set.copyOf(suppressedReasons);
  }
}
