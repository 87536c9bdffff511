/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Reads SES's own reputation figures (CloudWatch {@code Reputation.BounceRate} and {@code
 * Reputation.ComplaintRate}). Contract: one request per call, whatever the number of scopes; only
 * the account and configuration-set scopes have figures (others are ignored); a scope SES publishes
 * nothing for is absent from the answer. Failures are the adapter's to report: an unreadable answer
 * is an empty map, never an exception, so SES's figures can only add to a verdict, never stop one.
 */
@FunctionalInterface
public interface SesReputationMetrics {

  /** No figures: local mode, tests, or CloudWatch not wired. */
  SesReputationMetrics NONE = (scopes, now) -> Map.of();

  /**
   * @param scopes the scopes evaluated (account and configuration sets are read)
   * @param now the evaluation time; figures older than a day are not SES's current view
   * @return the newest figures per scope that has any
   */
  Map<Scope, SesFigures> read(Collection<Scope> scopes, Instant now);
}
