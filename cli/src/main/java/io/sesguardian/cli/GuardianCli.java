/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.sqlite.NotAGuardianStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code guardian} command. */
@Command(
    name = "guardian",
    mixinStandardHelpOptions = true,
    version = "guardian 0.1.0",
    description = "SES Reputation Guardian: read, check and act on Amazon SES feedback.",
    subcommands = {
      DemoCommand.class,
      ReplayCommand.class,
      StatusCommand.class,
      ReportCommand.class,
      RequestDraftCommand.class,
      ReadinessCommand.class,
      ResumeCommand.class,
      SuppressionsCommand.class,
      UnsuppressCommand.class,
      ImportSesListCommand.class,
      NormalizeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GuardianCli {

  /** Exit code when some input was rejected (the rest was still processed). */
  public static final int EXIT_REJECTED = 1;

  /** Exit code for usage errors (picocli's convention). */
  public static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command with the guardian's error handling: state-folder errors as one line. */
  static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new GuardianCli());
    // A usage error is one line saying what is wrong and what to do, with any address in it
    // masked (a path or value may quote one), then where the usage is: not the whole help text.
    cmd.setParameterExceptionHandler(
        (e, args) -> {
          java.io.PrintWriter err = e.getCommandLine().getErr();
          err.println("guardian: " + Addresses.maskAll(e.getMessage()));
          if (!(e instanceof StateFolderException)) {
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println(
                "guardian: run '"
                    + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for the options");
          }
          err.flush();
          return EXIT_USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          // A store that turns out damaged mid-run, or cannot be written (full disk, read-only
          // file): one line naming it, not a stack trace. What was stored is intact.
          if (e instanceof NotAGuardianStoreException || e instanceof StoreUnavailableException) {
            String message =
                e instanceof NotAGuardianStoreException n && n.file() != null
                    ? StateFolder.whatToDo(n, n.file().getParent())
                    : e.getMessage();
            command.getErr().println("guardian: " + Addresses.maskAll(message));
            command.getErr().flush();
            return e instanceof NotAGuardianStoreException ? EXIT_USAGE : EXIT_REJECTED;
          }
          throw e;
        });
    return cmd;
  }
}
