/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import java.util.List;

/**
 * One evaluation.
 *
 * @param level the account scope's level: the higher of the guardian's and SES's own figure's
 * @param scopes every scope's rates, the account first
 * @param alerts alerts this evaluation announced (others may have been announced by a concurrent
 *     one)
 * @param actions pauses this evaluation carried out
 * @param account the account status read from SES, or null when not read (local mode)
 * @param ses SES's own figures per scope that has any (empty when not read)
 */
public record MonitorReport(
    Level level,
    List<ScopeRates> scopes,
    List<Alert> alerts,
    List<ActionRecord> actions,
    AccountStatus account,
    java.util.Map<io.sesguardian.domain.ingest.Scope, SesFigures> ses) {
  public MonitorReport {
    scopes = List.copyOf(scopes);
    alerts = List.copyOf(alerts);
    actions = List.copyOf(actions);
    ses = java.util.Map.copyOf(ses);
  }

  /** An evaluation without SES's figures. */
  public MonitorReport(
      Level level,
      List<ScopeRates> scopes,
      List<Alert> alerts,
      List<ActionRecord> actions,
      AccountStatus account) {
    this(level, scopes, alerts, actions, account, java.util.Map.of());
  }
}
