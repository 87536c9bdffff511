/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.domain.sync.SesListImport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code guardian import-ses-list}: records what SES's account-level list already holds. */
@Command(
    name = "import-ses-list",
    mixinStandardHelpOptions = true,
    description = {
      "Pages SES's account-level suppression list (ListSuppressedDestinations, one request per"
          + " second) and records every address it holds as NOT_NEEDED with SES's reason and"
          + " time, so the guardian's list is complete. Idempotent: addresses already listed are"
          + " left as they are. The outbox writer does the same on its first run.",
      "Needs --aws and the stack's environment: GUARDIAN_TABLE, AWS_REGION."
    })
final class ImportSesListCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--aws", description = "Required: reads SES and writes the deployed table.")
  boolean aws;

  @Override
  public Integer call() throws InterruptedException {
    if (!aws) {
      throw new ParameterException(
          spec.commandLine(),
          "import-ses-list reads SES: run it with --aws against the deployed stack (set"
              + " GUARDIAN_TABLE and AWS_REGION)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AwsClients clients = AwsClients.fromEnvironment(System.getenv())) {
      GuardianRuntime runtime =
          GuardianRuntime.of(GuardianConfig.fromEnvironment(System.getenv()), clients);
      SesListImport.Report report =
          new SesListImport(
                  runtime.suppressionAdmin(),
                  runtime.sesSuppressionList(),
                  runtime.sesPacer(),
                  runtime.clock())
              .run(
                  Instant.MAX,
                  (pages, found, added) -> {
                    // Progress on stderr, as every command's: stdout keeps the result alone.
                    err.printf(
                        Locale.ROOT,
                        "guardian: page %d: %d found, %d added so far%n",
                        pages,
                        found,
                        added);
                    err.flush();
                  });
      out.printf(
          Locale.ROOT,
          "SES's list: %d found, %d added (%d pages, %d throttled, %d skipped)%n",
          report.found(),
          report.added(),
          report.pages(),
          report.throttled(),
          report.skipped());
      out.flush();
      if (!report.complete()) {
        err.println("guardian: import stopped early: " + report.error());
        err.flush();
        return GuardianCli.EXIT_REJECTED;
      }
      return 0;
    }
  }
}
