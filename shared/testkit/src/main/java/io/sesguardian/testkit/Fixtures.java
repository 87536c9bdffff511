/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The repository's sample events and the shared corpus of real SES notifications. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The checkout's root: the nearest folder above the working directory holding {@code events/}.
   */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("events")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
  }

  /** A file under {@code events/}, e.g. {@code lambda-sns/bounce-permanent-general.json}. */
  public static Path event(String relative) {
    Path file = repoRoot().resolve("events").resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no sample event " + file);
    }
    return file;
  }

  public static byte[] eventBytes(String relative) {
    try {
      return Files.readAllBytes(event(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The shared corpus: {@code $GUARDIAN_SES_CORPUS}, else {@code ../shared/ses-corpus/samples}
   * beside the checkout; empty when absent, so tests can skip with a message.
   */
  public static Optional<Path> corpus() {
    String override = System.getenv("GUARDIAN_SES_CORPUS");
    Path beside = repoRoot().getParent();
    Path dir =
        override != null && !override.isBlank()
            ? Path.of(override)
            : beside == null ? null : beside.resolve("shared/ses-corpus/samples");
    return dir != null && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }
}
