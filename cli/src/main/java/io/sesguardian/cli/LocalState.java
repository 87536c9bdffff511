/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.domain.canary.CanaryRuns;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.RecipientRefusals;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionList;
import io.sesguardian.domain.monitor.MonitorStore;
import io.sesguardian.sqlite.NotAGuardianStoreException;
import io.sesguardian.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;

/**
 * The guardian's local state: the SQLite store ({@code guardian.db}) in a folder of its own ({@code
 * ./.guardian/} by default), behind the same ports the deployed functions use. Several commands may
 * use one folder at once. Close it when done.
 */
final class LocalState implements AutoCloseable {

  private final SqliteStore store;

  private LocalState(SqliteStore store) {
    this.store = store;
  }

  /**
   * Opens (creating if needed) the store in {@code dir}; {@code fresh} first deletes the guardian's
   * own files there, refusing a folder that holds anything else.
   */
  static LocalState open(Path dir, boolean fresh, Clock clock, CommandLine cmd) throws IOException {
    StateFolder folder = new StateFolder(dir, cmd);
    if (fresh) {
      folder.clear();
    }
    folder.checkUsable();
    return open(folder, dir, clock);
  }

  /** Opens the store that must already exist in {@code dir} (commands that only read it). */
  static LocalState existing(Path dir, Clock clock, CommandLine cmd) throws IOException {
    StateFolder folder = new StateFolder(dir, cmd);
    folder.requireStore();
    return open(folder, dir, clock);
  }

  private static LocalState open(StateFolder folder, Path dir, Clock clock) throws IOException {
    try {
      return new LocalState(SqliteStore.open(dir, clock));
    } catch (NotAGuardianStoreException e) {
      throw folder.error(e.getMessage() + ": give --state a folder of its own");
    } catch (java.nio.file.FileSystemException e) {
      throw folder.error("cannot use " + dir + " for the store: " + e.getMessage());
    }
  }

  FeedbackStore feedback() {
    return store.feedback();
  }

  SuppressionAdmin suppressionAdmin() {
    return store.suppressionAdmin();
  }

  RecipientRefusals recipientRefusals() {
    return store.recipientRefusals();
  }

  /** The suppression list alone, for commands that only read it. */
  SuppressionList suppressions() {
    return store.feedback();
  }

  MonitorStore monitor() {
    return store.monitor();
  }

  CanaryRuns canary() {
    return store.canary();
  }

  @Override
  public void close() {
    store.close();
  }
}
