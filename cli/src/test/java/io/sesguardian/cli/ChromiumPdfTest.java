/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code --format pdf} finds Chromium, and what it says when there is none. */
class ChromiumPdfTest {

  @TempDir Path dir;

  private Path executable(Path folder, String name) throws Exception {
    Files.createDirectories(folder);
    Path p = folder.resolve(name);
    Files.writeString(p, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void noBrowserOnPath_saysWhatToInstallInOneLine() {
    assertThatThrownBy(() -> ChromiumPdf.locate(Map.of("PATH", dir.toString())))
        .isInstanceOf(ChromiumPdf.ChromiumException.class)
        .hasMessageContaining("apt-get install chromium")
        .hasMessageContaining("GUARDIAN_CHROMIUM")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void firstKnownNameOnPath_isUsed_chromiumBeforeGoogleChrome() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    executable(a, "google-chrome");
    Path chromium = executable(b, "chromium");
    Files.writeString(a.resolve("chromium"), "not executable");
    String path = a + ":" + b;
    assertThat(ChromiumPdf.locate(Map.of("PATH", path))).isEqualTo(chromium);
  }

  @Test
  void guardianChromium_winsOverPath_andMustBeExecutable() throws Exception {
    Path chosen = executable(dir.resolve("x"), "my-chrome");
    executable(dir.resolve("y"), "chromium");
    assertThat(
            ChromiumPdf.locate(
                Map.of(
                    "GUARDIAN_CHROMIUM", chosen.toString(), "PATH", dir.resolve("y").toString())))
        .isEqualTo(chosen);
    assertThatThrownBy(
            () -> ChromiumPdf.locate(Map.of("GUARDIAN_CHROMIUM", dir.resolve("nope").toString())))
        .isInstanceOf(ChromiumPdf.ChromiumException.class)
        .hasMessageContaining("GUARDIAN_CHROMIUM=" + dir.resolve("nope"))
        .hasMessageContaining("not an executable file");
  }
}
