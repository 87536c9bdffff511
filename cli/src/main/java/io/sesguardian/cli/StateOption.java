/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --state DIR} and {@code --wait[=DURATION]}: the local store's folder and what to do when
 * another process holds it, the same options on every local command.
 */
final class StateOption {

  /** What {@code --wait} without a duration means. */
  static final String FOREVER = "forever";

  @Option(
      names = "--state",
      paramLabel = "DIR",
      defaultValue = ".guardian",
      description = "Folder of the local store (default ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--wait",
      arity = "0..1",
      paramLabel = "DURATION",
      fallbackValue = FOREVER,
      description =
          "When another guardian process holds the store, wait for it (for ever, or at most"
              + " DURATION: 30s, 5m, 2h) instead of exiting with status 2.")
  String wait;

  /** How long to wait for the store: {@code null} not at all. */
  Duration waitLimit(CommandLine cmd) {
    if (wait == null) {
      return null;
    }
    if (wait.equals(FOREVER)) {
      return Duration.ofDays(365L * 1000);
    }
    String text = wait.strip().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("pt")) {
        return nonNegative(Duration.parse(text), cmd);
      }
      char unit = text.isEmpty() ? 's' : text.charAt(text.length() - 1);
      String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
      long n = Long.parseLong(number);
      return nonNegative(
          switch (unit) {
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            case 's' -> Duration.ofSeconds(n);
            default -> {
              if (!Character.isDigit(unit)) {
                throw new NumberFormatException(text);
              }
              yield Duration.ofSeconds(n);
            }
          },
          cmd);
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new CommandLine.ParameterException(
          cmd, "--wait=" + wait + " is not a duration: give e.g. --wait=30s, --wait=5m or --wait");
    }
  }

  private Duration nonNegative(Duration d, CommandLine cmd) {
    if (d.isNegative()) {
      throw new CommandLine.ParameterException(
          cmd, "--wait=" + wait + " is negative: give e.g. --wait=30s");
    }
    return d;
  }
}
