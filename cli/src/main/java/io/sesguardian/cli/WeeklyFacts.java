/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.SesV2Account;
import io.sesguardian.domain.canary.Canaries;
import io.sesguardian.domain.canary.CanaryRuns;
import io.sesguardian.domain.ingest.SuppressionList;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.MonitorStore;
import io.sesguardian.domain.monitor.RatesReader;
import io.sesguardian.domain.monitor.SesReputationMetrics;
import io.sesguardian.domain.report.WeeklyReport;
import io.sesguardian.domain.report.WeeklyReports;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The weekly report's facts, for {@code report} and {@code request-draft}: local or deployed. */
final class WeeklyFacts {

  private WeeklyFacts() {}

  /** {@code --week}, or the last complete ISO week; a malformed week is a usage error. */
  static String week(String option, CommandLine cmd) {
    String isoWeek =
        option != null ? option : WeeklyReports.weekOf(Instant.now().minus(Duration.ofDays(7)));
    try {
      WeeklyReports.weekStart(isoWeek);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, "--week: " + e.getMessage());
    }
    return isoWeek;
  }

  /**
   * Builds the report from the deployed stack and SES ({@code aws}) or from the local store under
   * {@code --state} (the account snapshot is then not taken).
   */
  static WeeklyReport build(
      String isoWeek, boolean aws, StateOption state, MonitorPolicy policy, CommandLine cmd)
      throws IOException {
    if (aws) {
      try (AwsClients clients = AwsClients.fromEnvironment(System.getenv())) {
        GuardianRuntime runtime =
            GuardianRuntime.of(GuardianConfig.fromEnvironment(System.getenv()), clients);
        return build(
            runtime.store(),
            runtime.monitorStore(),
            runtime.canaryStore(),
            isoWeek,
            policy,
            new SesV2Account(clients.sesV2()).status(),
            runtime.sesMetrics());
      }
    }
    try (LocalState local = LocalState.existing(state, Clock.systemUTC(), cmd)) {
      return build(
          local.feedback(),
          local.monitor(),
          local.canary(),
          isoWeek,
          policy,
          null,
          SesReputationMetrics.NONE);
    }
  }

  /** The report from the ports, local or deployed alike. */
  static <F extends SuppressionList & SuppressionOutbox> WeeklyReport build(
      F feedback,
      MonitorStore monitor,
      CanaryRuns canary,
      String isoWeek,
      MonitorPolicy policy,
      AccountStatus account,
      SesReputationMetrics sesMetrics) {
    Instant from = WeeklyReports.weekStart(isoWeek);
    String canaries = Canaries.summary(canary.runs(from, from.plus(Duration.ofDays(7))));
    return new WeeklyReports(
            feedback,
            monitor,
            new RatesReader(monitor, monitor, policy),
            policy.thresholds(),
            sesMetrics)
        .build(isoWeek, account, null, canaries);
  }
}
