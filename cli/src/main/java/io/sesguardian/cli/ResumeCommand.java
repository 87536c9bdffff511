/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.PauseTarget;
import io.sesguardian.domain.monitor.ResumeRefusedException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code guardian resume}: the deliberate end of a pause, recorded with who, when and why. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Resumes sending for a target the guardian paused (configset:NAME or account), on the"
          + " deployed stack, and records who, when and why. Refused while SES's enforcement"
          + " status is SHUTDOWN.",
      "Needs --aws and the stack's environment: GUARDIAN_TABLE, ALERT_TOPIC_ARN, AWS_REGION."
    })
final class ResumeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "configset:NAME or account")
  String target;

  @Option(names = "--by", required = true, description = "Who resumes (recorded).")
  String by;

  @Option(names = "--reason", required = true, description = "Why (recorded, and in the alert).")
  String reason;

  @Option(
      names = "--aws",
      description = "Act on the deployed stack (required: resuming acts on SES).")
  boolean aws;

  @Override
  public Integer call() {
    if (!aws) {
      throw new ParameterException(
          spec.commandLine(),
          "resume acts on SES: run it with --aws against the deployed stack (set GUARDIAN_TABLE,"
              + " ALERT_TOPIC_ARN and AWS_REGION)");
    }
    PauseTarget pauseTarget;
    try {
      pauseTarget = PauseTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "TARGET must be configset:NAME or account, not " + target);
    }
    try (AwsClients clients = AwsClients.fromEnvironment(System.getenv())) {
      GuardianRuntime runtime =
          GuardianRuntime.of(GuardianConfig.fromEnvironment(System.getenv()), clients);
      ActionRecord record =
          runtime
              .reputationMonitor(MonitorConfig.fromEnvironment(System.getenv()))
              .resume(pauseTarget, by, reason, Instant.now());
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "Resumed %s at %s (by %s: %s)%n",
              record.target(),
              record.at(),
              by,
              reason);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (ResumeRefusedException e) {
      spec.commandLine().getErr().println("guardian: resume refused: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }
}
