/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionAdmin.Removal;
import io.sesguardian.domain.sync.Unsuppression;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code guardian unsuppress}: takes addresses off the suppression list, recorded. */
@Command(
    name = "unsuppress",
    mixinStandardHelpOptions = true,
    description = {
      "Removes addresses from the guardian's suppression list, keeps the removal in its history"
          + " (who, when, why, what the entry was) and queues DeleteSuppressedDestination for"
          + " SES's account-level list; the outbox writer sends it at SES's pace (one request per"
          + " second). A later hard bounce or complaint suppresses the address again.",
      "All or nothing: an address that is not plausible or not on the list changes nothing"
          + " (exit 2 or 1). --aws acts on the deployed stack (GUARDIAN_TABLE, AWS_REGION)."
    })
final class UnsuppressCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ADDRESS", arity = "1..*", description = "Addresses to remove.")
  List<String> addresses;

  @Option(names = "--by", required = true, description = "Who removes them (recorded).")
  String by;

  @Option(names = "--reason", required = true, description = "Why (recorded).")
  String reason;

  @Mixin StateOption state;

  @Option(names = "--aws", description = "Act on the deployed stack instead of the local store.")
  boolean aws;

  @Override
  public Integer call() throws IOException {
    if (by.isBlank() || reason.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--by and --reason must not be blank");
    }
    Instant now = Instant.now();
    Unsuppression.Outcome outcome;
    if (aws) {
      try (AwsClients clients = AwsClients.fromEnvironment(System.getenv())) {
        GuardianRuntime runtime =
            GuardianRuntime.of(GuardianConfig.fromEnvironment(System.getenv()), clients);
        outcome =
            new Unsuppression(runtime.store(), runtime.suppressionAdmin())
                .unsuppress(addresses, by, reason, now);
      }
    } else {
      try (LocalState local = LocalState.existing(state, Clock.systemUTC(), spec.commandLine())) {
        outcome =
            new Unsuppression(local.feedback(), local.suppressionAdmin())
                .unsuppress(addresses, by, reason, now);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Addresses on the terminal are masked, like everywhere the guardian prints them in errors.
    if (outcome instanceof Unsuppression.Outcome.Implausible bad) {
      throw new ParameterException(
          spec.commandLine(),
          Addresses.maskAll(bad.raw())
              + " is not a plausible address: it "
              + bad.problem()
              + " (nothing was changed)");
    }
    if (outcome instanceof Unsuppression.Outcome.NotListed missing) {
      for (String a : missing.addresses()) {
        err.println("guardian: " + Addresses.mask(a) + " is not on the suppression list");
      }
      err.println("guardian: nothing was changed");
      err.flush();
      return GuardianCli.EXIT_REJECTED;
    }
    Unsuppression.Outcome.Removed removed = (Unsuppression.Outcome.Removed) outcome;
    for (Removal r : removed.removals()) {
      out.printf(
          Locale.ROOT,
          "Removed %s (%s, %s, %d recorded, SES %s); %s%n",
          Addresses.mask(r.address()),
          r.reason(),
          r.origin(),
          r.count(),
          r.sesState(),
          // Both stores queue no delete for the mailbox simulator: SES never held it.
          r.sesState() == SesSyncState.SIMULATOR
              ? "no SES delete (mailbox simulator)"
              : "DeleteSuppressedDestination queued");
    }
    out.printf(
        Locale.ROOT,
        "%d address(es) removed by %s; %s%n",
        removed.removals().size(),
        Addresses.maskAll(by),
        aws
            ? "the outbox writer sends the deletes to SES"
            : "SES was not called: queued deletes reach SES only from the deployed outbox writer");
    out.flush();
    return 0;
  }
}
