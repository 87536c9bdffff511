/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.ingest.RejectedItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The guardian's state in one SQLite file, {@code guardian.db} in a folder of its own: the adapters
 * of the feedback, monitor and canary ports over one connection. Safe for many threads of one
 * process and for several processes on one folder. Close it when done.
 */
public final class SqliteStore implements AutoCloseable {

  /** The database file in the state folder. */
  public static final String DATABASE = "guardian.db";

  /**
   * Every file SQLite keeps beside the database (WAL, shared memory, rollback journal), with the
   * database itself: what the store owns in its folder.
   */
  public static final List<String> FILES =
      List.of(DATABASE, DATABASE + "-wal", DATABASE + "-shm", DATABASE + "-journal");

  private final Database db;
  private final SqliteFeedbackStore feedback;
  private final SqliteMonitorStore monitor;
  private final SqliteCanaryStore canary;
  private final SqliteSuppressionAdmin admin;
  private final SqliteRecipientRefusals refusals;
  private final SqliteRejectedItems rejected;

  private SqliteStore(Database db, Clock clock, Duration ledgerRetention) {
    this.db = db;
    this.feedback = new SqliteFeedbackStore(db, clock, ledgerRetention);
    this.monitor = new SqliteMonitorStore(db, feedback);
    this.canary = new SqliteCanaryStore(db);
    this.admin = new SqliteSuppressionAdmin(db);
    this.refusals = new SqliteRecipientRefusals(db);
    this.rejected = new SqliteRejectedItems(db, clock, RejectedItems.DEFAULT_RETENTION);
  }

  /**
   * Opens the store in {@code dir}, creating the folder and the database when absent. The ledger
   * remembers every key for ever (a local store is replayed from files, often months apart).
   *
   * @throws NotAGuardianStoreException when {@code dir/guardian.db} is another program's file, is
   *     damaged, or comes from a newer guardian (nothing is written to it)
   */
  public static SqliteStore open(Path dir, Clock clock) throws IOException {
    return open(dir, clock, null);
  }

  /**
   * Like {@link #open(Path, Clock)}, with a ledger that forgets a key {@code ledgerRetention} after
   * recording it (as the deployed table's TTL does); {@code null} for ever.
   */
  public static SqliteStore open(Path dir, Clock clock, Duration ledgerRetention)
      throws IOException {
    Objects.requireNonNull(clock, "clock");
    if (ledgerRetention != null && (ledgerRetention.isNegative() || ledgerRetention.isZero())) {
      throw new IllegalArgumentException("ledger retention must be positive: " + ledgerRetention);
    }
    Files.createDirectories(dir);
    return new SqliteStore(Database.open(dir.resolve(DATABASE)), clock, ledgerRetention);
  }

  /**
   * Whether {@code dir} holds a guardian store: its database file carries the guardian's mark.
   * Reads the file's header only; changes nothing.
   */
  public static boolean isStore(Path dir) {
    Path file = dir.resolve(DATABASE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    byte[] header = new byte[72];
    try (var in = Files.newInputStream(file)) {
      if (in.readNBytes(header, 0, header.length) < header.length) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    // SQLite's header: the magic string, and at offset 68 the application id (big-endian).
    String magic = new String(header, 0, 15, java.nio.charset.StandardCharsets.US_ASCII);
    int id =
        ((header[68] & 0xff) << 24)
            | ((header[69] & 0xff) << 16)
            | ((header[70] & 0xff) << 8)
            | (header[71] & 0xff);
    return magic.equals("SQLite format 3") && id == Schema.APPLICATION_ID;
  }

  public SqliteFeedbackStore feedback() {
    return feedback;
  }

  public SqliteMonitorStore monitor() {
    return monitor;
  }

  /** Removals, imports and queued deletes, over the same file. */
  public SqliteSuppressionAdmin suppressionAdmin() {
    return admin;
  }

  /** The latest sender-side refusal per recipient domain, over the same file. */
  public SqliteRecipientRefusals recipientRefusals() {
    return refusals;
  }

  public SqliteCanaryStore canary() {
    return canary;
  }

  /** Input the local replay rejected, kept for {@link RejectedItems#DEFAULT_RETENTION}. */
  public SqliteRejectedItems rejected() {
    return rejected;
  }

  @Override
  public void close() {
    db.close();
  }
}
