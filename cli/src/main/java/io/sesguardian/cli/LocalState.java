/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.domain.canary.CanaryRuns;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.RecipientRefusals;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionList;
import io.sesguardian.domain.monitor.AlertPublisher;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.MonitorStore;
import io.sesguardian.domain.monitor.RecipientRefusalWatch;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.sqlite.NotAGuardianStoreException;
import io.sesguardian.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;

/**
 * The guardian's local state: the SQLite store ({@code guardian.db}) in a folder of its own ({@code
 * ./.guardian/} by default), behind the same ports the deployed functions use. One process at a
 * time uses a folder ({@link StoreLock}): a second one exits 2 naming the holder, or waits with
 * {@code --wait}. Close it when done (that releases the folder).
 */
final class LocalState implements AutoCloseable {

  private final SqliteStore store;
  private final StoreLock lock;

  private LocalState(SqliteStore store, StoreLock lock) {
    this.store = store;
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) the store in {@code --state}; {@code fresh} first deletes the
   * guardian's own files there, refusing a folder that holds anything else.
   */
  static LocalState open(StateOption state, boolean fresh, Clock clock, CommandLine cmd)
      throws IOException {
    Path dir = state.dir;
    StateFolder folder = new StateFolder(dir, cmd);
    if (fresh) {
      // Refused before anything is written, not even the lock file.
      folder.checkClearable();
    } else {
      folder.checkUsable();
    }
    try {
      Files.createDirectories(dir);
    } catch (java.nio.file.FileSystemException e) {
      throw folder.notWritable(e);
    }
    StoreLock lock = lock(folder, state, clock, cmd);
    try {
      if (fresh) {
        folder.clear();
      }
      folder.checkUsable();
      return open(folder, dir, clock, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Opens the store that must already exist in {@code --state} (commands that only read it). */
  static LocalState existing(StateOption state, Clock clock, CommandLine cmd) throws IOException {
    StateFolder folder = new StateFolder(state.dir, cmd);
    folder.requireStore();
    StoreLock lock = lock(folder, state, clock, cmd);
    try {
      // Again under the lock: the holder we waited for may have removed it.
      folder.requireStore();
      return open(folder, state.dir, clock, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static StoreLock lock(StateFolder folder, StateOption state, Clock clock, CommandLine cmd)
      throws IOException {
    PrintWriter err = cmd.getErr();
    try {
      return StoreLock.acquire(
          state.dir,
          cmd.getCommandName(),
          state.waitLimit(cmd),
          clock,
          holder -> {
            err.println("guardian: waiting for " + state.dir + ", in use by " + holder);
            err.flush();
          });
    } catch (StoreLock.HeldException e) {
      throw folder.error(
          state.dir
              + " is in use by "
              + e.holder()
              + ": run again when it has finished, or add --wait (or --wait=DURATION) to wait"
              + " for it");
    } catch (java.nio.file.FileSystemException e) {
      throw folder.notWritable(e);
    }
  }

  private static LocalState open(StateFolder folder, Path dir, Clock clock, StoreLock lock)
      throws IOException {
    folder.requireWritableStore();
    try {
      return new LocalState(SqliteStore.open(dir, clock), lock);
    } catch (NotAGuardianStoreException e) {
      throw folder.error(StateFolder.whatToDo(e, dir));
    } catch (java.nio.file.FileSystemException e) {
      throw folder.notWritable(e);
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

  /**
   * The ingest use case over this store, wired as the deployed ingest is (sender-side refusals
   * recorded per recipient domain): every command that ingests uses this one.
   */
  IngestService ingestService(IngestPolicy policy, Clock clock) {
    return new IngestService(feedback(), recipientRefusals(), policy, clock);
  }

  /**
   * The monitor over this store, with the recipient-refusal watch the deployed monitor has; it
   * never pauses or calls SES ({@link ReputationMonitor#local}).
   */
  ReputationMonitor reputationMonitor(AlertPublisher alerts, MonitorPolicy policy) {
    return ReputationMonitor.local(monitor(), alerts, policy)
        .with(new RecipientRefusalWatch(monitor(), recipientRefusals()));
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

  RejectedItems rejected() {
    return store.rejected();
  }

  @Override
  public void close() throws IOException {
    try {
      store.close();
    } finally {
      lock.close();
    }
  }
}
