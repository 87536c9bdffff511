/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import java.nio.file.Path;

/**
 * The file is not a guardian store: another program's database, a corrupted file, or a store
 * written by a newer guardian. Nothing was changed.
 */
public final class NotAGuardianStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  NotAGuardianStoreException(Path file, String why, Throwable cause) {
    super(file + " " + why, cause);
    this.file = file;
  }

  /** The database file that was refused. */
  public Path file() {
    return file;
  }
}
