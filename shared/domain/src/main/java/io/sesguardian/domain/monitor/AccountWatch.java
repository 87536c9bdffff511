/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches the SES account's status (enforcement, sending, production access, quota use) and
 * announces each change once: the snapshot write is conditional, and only the winner announces.
 */
public final class AccountWatch {

  private final SesAccount ses;
  private final MonitorState state;
  private final AlertPublisher alerts;
  private final double quotaAlertShare;

  AccountWatch(SesAccount ses, MonitorState state, AlertPublisher alerts, MonitorPolicy policy) {
    this.ses = Objects.requireNonNull(ses, "ses");
    this.state = Objects.requireNonNull(state, "state");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.quotaAlertShare = Objects.requireNonNull(policy, "policy").quotaAlertShare();
  }

  /** Reads SES's account status once. */
  AccountStatus status() {
    return ses.status();
  }

  /** Compares {@code status} with the last snapshot and announces what changed. */
  List<Alert> watch(AccountStatus status, Instant now) {
    List<Alert> raised = new ArrayList<>();
    Optional<AccountSnapshot> stored = state.accountSnapshot();
    boolean quotaHigh = status.quotaUse() >= quotaAlertShare;
    long version = stored.map(AccountSnapshot::version).orElse(0L);
    if (!state.replaceAccountSnapshot(
        new AccountSnapshot(status, quotaHigh, now, version + 1), version)) {
      return raised;
    }
    if (stored.isEmpty()) {
      if (!status.enforcementStatus().equalsIgnoreCase("HEALTHY")) {
        raised.add(
            AlertTexts.account(
                "enforcement",
                "SES guardian: account enforcement status is " + status.enforcementStatus(),
                String.format(
                    Locale.ROOT,
                    "SES reports the account's enforcement status as %s (first check, %s).%n%s%n",
                    status.enforcementStatus(),
                    now,
                    enforcementAdvice(status)),
                now));
      }
    } else {
      AccountStatus before = stored.get().status();
      if (!before.enforcementStatus().equalsIgnoreCase(status.enforcementStatus())) {
        raised.add(
            AlertTexts.account(
                "enforcement",
                String.format(
                    Locale.ROOT,
                    "SES guardian: enforcement %s -> %s",
                    before.enforcementStatus(),
                    status.enforcementStatus()),
                String.format(
                    Locale.ROOT,
                    "SES changed the account's enforcement status from %s to %s (seen %s).%n%s%n",
                    before.enforcementStatus(),
                    status.enforcementStatus(),
                    now,
                    enforcementAdvice(status)),
                now));
      }
      if (before.sendingEnabled() != status.sendingEnabled()) {
        raised.add(
            AlertTexts.account(
                "sending",
                "SES guardian: account sending "
                    + (status.sendingEnabled() ? "enabled" : "DISABLED"),
                String.format(
                    Locale.ROOT,
                    "SES reports sending %s for the account (seen %s).%n",
                    status.sendingEnabled() ? "enabled" : "disabled",
                    now),
                now));
      }
      if (before.productionAccess() != status.productionAccess()) {
        raised.add(
            AlertTexts.account(
                "production-access",
                "SES guardian: production access "
                    + (status.productionAccess() ? "granted" : "REMOVED"),
                status.productionAccess()
                    ? String.format(
                        Locale.ROOT,
                        "The account left the SES sandbox (seen %s). Pending suppressions now reach SES's account-level list.%n",
                        now)
                    : String.format(
                        Locale.ROOT, "The account is in the SES sandbox (seen %s).%n", now),
                now));
      }
      if (quotaHigh && !stored.get().quotaHigh()) {
        raised.add(
            AlertTexts.account(
                "quota",
                String.format(
                    Locale.ROOT,
                    "SES guardian: %.0f%% of the 24-hour sending quota used",
                    status.quotaUse() * 100),
                String.format(
                    Locale.ROOT,
                    "%.0f of %.0f messages sent in the last 24 hours (%.0f%%). Ask AWS for a higher quota before it runs out (guardian request-draft).%n",
                    status.sentLast24Hours(),
                    status.max24HourSend(),
                    status.quotaUse() * 100),
                now));
      }
    }
    raised.forEach(alerts::publish);
    return raised;
  }

  private static String enforcementAdvice(AccountStatus status) {
    return switch (status.enforcementStatus().toUpperCase(Locale.ROOT)) {
      case "HEALTHY" -> "Nothing to do.";
      case "PROBATION" ->
          "AWS is reviewing the account: fix the cause before the review period ends and answer"
              + " AWS with the corrective actions (the weekly report has the evidence).";
      case "SHUTDOWN" ->
          "AWS paused sending. Only AWS can lift it: contact AWS Support with your corrective"
              + " actions. The guardian will not try to resume while this lasts.";
      default -> "Check the SES console's reputation page.";
    };
  }
}
