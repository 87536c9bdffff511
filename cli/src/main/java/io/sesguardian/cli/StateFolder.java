/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.sqlite.NotAGuardianStoreException;
import io.sesguardian.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * What the guardian may do with its state folder. It owns only the files it writes there (the
 * SQLite store's files and {@code alerts.jsonl}); {@code --fresh} deletes those and nothing else,
 * and refuses a folder that holds anything more or a database that is not the guardian's.
 */
final class StateFolder {

  static final String ALERTS = "alerts.jsonl";

  /** Where the guardian before 0.2 kept its store (DynamoDB Local's own SQLite file). */
  static final String OLD_LAYOUT = "dynamodb";

  private final Path dir;
  private final CommandLine cmd;

  StateFolder(Path dir, CommandLine cmd) {
    this.dir = dir;
    this.cmd = cmd;
  }

  /** Refuses a {@code --state} that names a file, and a store in the old layout. */
  void checkUsable() {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw error(
          "--state "
              + dir
              + " is a file, not a folder: give a folder for the guardian's store (default"
              + " .guardian)");
    }
    if (Files.isDirectory(dir.resolve(OLD_LAYOUT)) && !SqliteStore.isStore(dir)) {
      throw error(
          dir
              + " holds a store of an older guardian (DynamoDB Local, in "
              + dir.resolve(OLD_LAYOUT)
              + "), which this version cannot read: rebuild it from your input with 'guardian"
              + " replay --fresh --state "
              + dir
              + " PATH...' (deletes only the guardian's files)");
    }
  }

  /** A usage error, saying what to run, when there is no store in the folder. */
  void requireStore() {
    checkUsable();
    if (!Files.isRegularFile(dir.resolve(SqliteStore.DATABASE))) {
      throw error(
          "no local store in "
              + dir
              + ": run 'guardian replay PATH...' first (or give --state DIR)");
    }
  }

  /**
   * Refuses, changing nothing, a {@code --fresh} on a folder that holds anything but the guardian's
   * files or whose database is not a guardian store.
   */
  void checkClearable() throws IOException {
    ownFiles();
  }

  /**
   * Deletes the guardian's own files so the store starts empty (but the lock file, which the caller
   * holds); refuses, deleting nothing, when the folder holds anything else or its database is not a
   * guardian store.
   */
  void clear() throws IOException {
    for (Path p : ownFiles()) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> old = Files.list(p)) {
          for (Path f : old.toList()) {
            Files.delete(f);
          }
        }
      }
      Files.delete(p);
    }
  }

  /** The files {@code --fresh} deletes, after checking that nothing else is in the folder. */
  private List<Path> ownFiles() throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      checkUsable();
    }
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> foreign = new ArrayList<>();
    List<Path> own = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        String name = String.valueOf(p.getFileName());
        if (name.equals(StoreLock.FILE) && Files.isRegularFile(p)) {
          continue;
        }
        if (Files.isRegularFile(p) && (SqliteStore.FILES.contains(name) || name.equals(ALERTS))) {
          own.add(p);
        } else if (name.equals(OLD_LAYOUT) && oldStoreOnly(p)) {
          own.add(p);
        } else {
          foreign.add(name);
        }
      }
    }
    if (!foreign.isEmpty()) {
      throw error(
          "--fresh refused, nothing deleted: "
              + dir
              + " holds files that are not the guardian's ("
              + names(foreign)
              + "); give --state a folder of its own");
    }
    Path db = dir.resolve(SqliteStore.DATABASE);
    if (Files.isRegularFile(db) && Files.size(db) > 0 && !SqliteStore.isStore(dir)) {
      throw error(
          "--fresh refused, nothing deleted: "
              + db
              + " is not a guardian store; give --state a folder of its own");
    }
    return own;
  }

  /** A usage error when the store's database exists but may not be written. */
  void requireWritableStore() {
    Path db = dir.resolve(SqliteStore.DATABASE);
    if (Files.isRegularFile(db) && !Files.isWritable(db)) {
      throw error(
          db
              + " is read-only: the guardian writes to its store on every command; make it"
              + " writable (chmod u+w "
              + db
              + ") or copy the folder somewhere writable and give that to --state");
    }
  }

  /** The usage error for a folder the operating system would not let us write. */
  StateFolderException notWritable(java.nio.file.FileSystemException e) {
    String reason = e.getReason() == null ? "" : e.getReason();
    boolean readOnly =
        e instanceof java.nio.file.AccessDeniedException
            || reason.contains("Read-only file system")
            || reason.contains("Operation not permitted");
    return error(
        readOnly
            ? dir
                + " is read-only (cannot write "
                + e.getFile()
                + "): make it writable (chmod u+w "
                + dir
                + ") or copy it somewhere writable and give that to --state"
            : "cannot use "
                + dir
                + " for the store ("
                + e.getMessage()
                + "): give --state a"
                + " writable folder of its own");
  }

  /**
   * The one line for a database that cannot be used: a guardian store damaged behind its header is
   * rebuilt from the input; anything else is another program's file and is left alone.
   */
  static String whatToDo(NotAGuardianStoreException e, Path dir) {
    if (e.getMessage().contains("damaged") && SqliteStore.isStore(dir)) {
      return e.file()
          + " is a damaged guardian store: rebuild it from your feedback files with 'guardian"
          + " replay --fresh --state "
          + dir
          + " PATH...' (or restore a backup of the folder)";
    }
    return e.getMessage()
        + ": give --state a folder of its own (the guardian leaves that file alone)";
  }

  /** Whether an old-layout folder holds only DynamoDB Local's database files. */
  private static boolean oldStoreOnly(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    Set<String> allowed =
        Set.of("guardian.db", "guardian.db-journal", "guardian.db-wal", "guardian.db-shm");
    try (Stream<Path> files = Files.list(folder)) {
      return files.allMatch(
          f -> Files.isRegularFile(f) && allowed.contains(String.valueOf(f.getFileName())));
    }
  }

  private static String names(List<String> names) {
    return names.size() <= 3
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }

  StateFolderException error(String message) {
    return new StateFolderException(cmd, message);
  }
}
