/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the repository's {@code events/} folder and the shared SES corpus beside the checkout. A
 * copy of the test kit's {@code Fixtures} locator: the domain's tests cannot depend on the test
 * kit, which depends on the domain.
 */
final class TestFiles {

  private TestFiles() {}

  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("events")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
  }

  static Path events() {
    return repoRoot().resolve("events");
  }

  /**
   * The shared corpus of real SES notifications: {@code $GUARDIAN_SES_CORPUS}, else {@code
   * ../shared/ses-corpus/samples} beside the checkout. Empty when neither exists.
   */
  static Optional<Path> corpus() {
    String override = System.getenv("GUARDIAN_SES_CORPUS");
    Path beside = repoRoot().getParent();
    Path dir =
        override != null && !override.isBlank()
            ? Path.of(override)
            : beside == null ? null : beside.resolve("shared/ses-corpus/samples");
    return dir != null && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }
}
