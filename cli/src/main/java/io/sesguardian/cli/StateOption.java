/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state DIR}: the local store's folder, the same option on every local command. */
final class StateOption {

  @Option(
      names = "--state",
      paramLabel = "DIR",
      defaultValue = ".guardian",
      description = "Folder of the local store (default ${DEFAULT-VALUE}).")
  Path dir;
}
