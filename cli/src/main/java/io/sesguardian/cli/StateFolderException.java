/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import picocli.CommandLine;

/**
 * A usage error about the state folder ({@code --state}): printed as one line saying what to do,
 * exit status 2, without the usage help (the options were fine; the folder was not).
 */
final class StateFolderException extends CommandLine.ParameterException {
  private static final long serialVersionUID = 1L;

  StateFolderException(CommandLine cmd, String message) {
    super(cmd, message);
  }
}
