/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints an HTML page to PDF with headless Chromium (or Google Chrome), the one renderer here that
 * honours the page's print stylesheet ({@code @page size: A4}) and draws inline SVG as a browser
 * does. Nothing is installed or downloaded: the browser must already be on the machine.
 */
final class ChromiumPdf {

  /** Executable names looked for on {@code PATH}, in this order. */
  static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  static final String ENV = "GUARDIAN_CHROMIUM";

  private static final long TIMEOUT_SECONDS = 120;

  private ChromiumPdf() {}

  /** Chromium was not found, or could not print; the message is one line that says what to do. */
  static final class ChromiumException extends Exception {
    private static final long serialVersionUID = 1L;

    ChromiumException(String message) {
      super(message);
    }
  }

  /**
   * {@code GUARDIAN_CHROMIUM} if set, else the first of {@link #NAMES} found on {@code PATH}.
   *
   * @throws ChromiumException when neither gives an executable file
   */
  static Path locate(Map<String, String> env) throws ChromiumException {
    String explicit = env.get(ENV);
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
      throw new ChromiumException(
          ENV
              + "="
              + explicit
              + " is not an executable file: point it at chromium or google-chrome");
    }
    String path = env.getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
      }
    }
    throw new ChromiumException(
        "--format pdf prints the HTML report with headless Chromium, which was not found on PATH"
            + " (looked for "
            + String.join(", ", NAMES)
            + "): install the 'chromium' package (apt-get install chromium) or Google Chrome,"
            + " or set "
            + ENV
            + " to its path");
  }

  /** Prints {@code html} to {@code pdf} (A4, as the page's print stylesheet asks). */
  static void print(Path chromium, String html, Path pdf) throws IOException, ChromiumException {
    Path work = Files.createTempDirectory("guardian-pdf");
    try {
      Path page = work.resolve("report.html");
      Path out = work.resolve("report.pdf");
      Path log = work.resolve("chromium.log");
      Files.writeString(page, html, StandardCharsets.UTF_8);
      // A fresh profile, and nothing that phones home: the page itself loads nothing either.
      List<String> command =
          List.of(
              chromium.toString(),
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--no-first-run",
              "--user-data-dir=" + work.resolve("profile"),
              "--no-pdf-header-footer",
              "--print-to-pdf=" + out,
              page.toUri().toString());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean done;
      try {
        done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new ChromiumException("interrupted while Chromium printed the report");
      }
      if (!done) {
        process.destroyForcibly();
        throw new ChromiumException(
            chromium + " did not finish printing within " + TIMEOUT_SECONDS + " s");
      }
      if (!isPdf(out)) {
        throw new ChromiumException(
            chromium + " printed no PDF (exit " + process.exitValue() + "): " + lastLine(log));
      }
      Files.move(out, pdf, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteTree(work);
    }
  }

  private static boolean isPdf(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) < 5) {
      return false;
    }
    byte[] head = new byte[5];
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, 5) == 5
          && new String(head, StandardCharsets.US_ASCII).equals("%PDF-");
    }
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines =
        Files.exists(log)
            ? Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList()
            : List.of();
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
