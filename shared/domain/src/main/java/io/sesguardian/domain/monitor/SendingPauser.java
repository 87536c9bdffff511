/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.rates.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pauses non-critical sending (and, as a last resort, the account) when the team opted in, and
 * resumes a paused target deliberately. The pause switch in the {@link PauseLog} is written before
 * SES is called, so of racing evaluations exactly one pauses.
 */
public final class SendingPauser {

  private final SesAccount ses;
  private final PauseLog pauses;
  private final AlertPublisher alerts;
  private final MonitorPolicy policy;

  SendingPauser(SesAccount ses, PauseLog pauses, AlertPublisher alerts, MonitorPolicy policy) {
    this.ses = Objects.requireNonNull(ses, "ses");
    this.pauses = Objects.requireNonNull(pauses, "pauses");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Pauses what the policy says at {@code level}, announcing each pause.
   *
   * @param level the account's actionable level (the higher of the guardian's and SES's)
   */
  List<ActionRecord> pauseIfNeeded(
      Level level, AccountStatus status, Instant now, List<Alert> raised) {
    List<ActionRecord> done = new ArrayList<>();
    Set<String> paused = pauses.pausedTargets();
    if (policy.pauseLevel().isPresent() && level.compareTo(policy.pauseAt()) >= 0) {
      for (String set : new TreeSet<>(policy.nonCriticalConfigurationSets())) {
        String target = PauseTarget.configurationSet(set).key();
        if (paused.contains(target)) {
          continue;
        }
        ActionRecord record =
            new ActionRecord(
                target,
                ActionRecord.Action.PAUSE,
                now,
                "guardian",
                "account level "
                    + level.jsonName()
                    + " reached the pause level "
                    + policy.pauseAt().jsonName());
        if (pauses.setPaused(target, true, record)) {
          ses.setConfigurationSetSending(set, false);
          done.add(record);
        }
      }
    }
    if (policy.pauseAccountLevel().isPresent()
        && level.compareTo(policy.pauseAccountAt()) >= 0
        && !paused.contains(PauseTarget.ACCOUNT.key())
        && status.sendingEnabled()) {
      ActionRecord record =
          new ActionRecord(
              PauseTarget.ACCOUNT.key(),
              ActionRecord.Action.PAUSE,
              now,
              "guardian",
              "account level "
                  + level.jsonName()
                  + " reached the last-resort level "
                  + policy.pauseAccountAt().jsonName());
      if (pauses.setPaused(PauseTarget.ACCOUNT.key(), true, record)) {
        ses.setAccountSending(false);
        done.add(record);
      }
    }
    for (ActionRecord r : done) {
      Alert alert =
          AlertTexts.account(
              "pause",
              "SES guardian: paused " + r.target(),
              String.format(
                      Locale.ROOT,
                      "The guardian paused sending for %s at %s: %s.%nResume deliberately with:",
                      r.target(),
                      now,
                      r.reason())
                  + String.format(
                      Locale.ROOT,
                      "%n  guardian resume --aws %s --by YOUR_NAME --reason \"what was fixed\"%n",
                      r.target()),
              now);
      alerts.publish(alert);
      raised.add(alert);
    }
    return done;
  }

  /**
   * Resumes a target the guardian paused. Refused while SES's enforcement status is SHUTDOWN (a
   * pause AWS imposed cannot be lifted this way).
   *
   * @throws ResumeRefusedException when SES has shut the account down
   */
  public ActionRecord resume(PauseTarget target, String by, String reason, Instant now) {
    AccountStatus status = ses.status();
    if (status.shutdown()) {
      throw new ResumeRefusedException(
          "SES's enforcement status is SHUTDOWN: AWS paused this account and only AWS can lift"
              + " it; contact AWS Support with your corrective actions");
    }
    if (target instanceof PauseTarget.ConfigurationSet set) {
      ses.setConfigurationSetSending(set.name(), true);
    } else {
      ses.setAccountSending(true);
    }
    ActionRecord record =
        new ActionRecord(target.key(), ActionRecord.Action.RESUME, now, by, reason);
    pauses.setPaused(target.key(), false, record);
    alerts.publish(
        AlertTexts.account(
            "resume",
            "SES guardian: " + target + " resumed by " + by,
            String.format(
                Locale.ROOT,
                "%s resumed sending for %s at %s.%nReason given: %s%n",
                by,
                target,
                now,
                reason),
            now));
    return record;
  }
}
