/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.AlertPublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Local mode's alert topic: one JSON line per alert in {@code alerts.jsonl}, and the terminal. */
final class LocalAlerts implements AlertPublisher {

  private final Path file;
  private final PrintWriter terminal;

  LocalAlerts(Path file, PrintWriter terminal) {
    this.file = file.toAbsolutePath();
    this.terminal = terminal;
  }

  @Override
  public void publish(Alert alert) {
    String line =
        JsonNodeFactory.instance
                .objectNode()
                .put("at", alert.at().toString())
                .put("kind", alert.kind())
                .put("subject", alert.subject())
                .put("body", alert.body())
                .toString()
            + "\n";
    try {
      Path dir = file.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append the alert to " + file, e);
    }
    terminal.println("ALERT " + alert.subject());
    terminal.flush();
  }
}
