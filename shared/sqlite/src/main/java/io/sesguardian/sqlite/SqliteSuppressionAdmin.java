/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SuppressionAdmin} on SQLite, over the same file as the feedback store: removal history
 * ({@code suppression_removals}), queued {@code DeleteSuppressedDestination}s ({@code
 * unsuppress_queue}) and the import mark ({@code marks}). A removal is one transaction.
 */
public final class SqliteSuppressionAdmin implements SuppressionAdmin {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS suppression_removals ("
              + " address TEXT NOT NULL, removed_at TEXT NOT NULL, removed_by TEXT NOT NULL,"
              + " why TEXT NOT NULL, reason TEXT NOT NULL, origin TEXT NOT NULL, first_seen TEXT,"
              + " last_seen TEXT, count INTEGER NOT NULL, ses_state TEXT NOT NULL)",
          "CREATE INDEX IF NOT EXISTS suppression_removals_address"
              + " ON suppression_removals (address, removed_at)",
          "CREATE TABLE IF NOT EXISTS unsuppress_queue ("
              + " address TEXT PRIMARY KEY, queued_at TEXT NOT NULL, due_at TEXT NOT NULL,"
              + " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT)",
          "CREATE TABLE IF NOT EXISTS marks (name TEXT PRIMARY KEY, at TEXT NOT NULL)");

  private static final String REMOVE = "DELETE FROM suppressions WHERE address = ?";
  private static final String HISTORY =
      "INSERT INTO suppression_removals (address, removed_at, removed_by, why, reason, origin,"
          + " first_seen, last_seen, count, ses_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String QUEUE =
      "INSERT OR REPLACE INTO unsuppress_queue (address, queued_at, due_at, attempts)"
          + " VALUES (?, ?, ?, 0)";
  private static final String REMOVALS =
      "SELECT * FROM suppression_removals WHERE address = ? ORDER BY removed_at, rowid";
  private static final String DUE =
      "SELECT * FROM unsuppress_queue WHERE due_at <= ? ORDER BY due_at, address LIMIT ?";
  private static final String QUEUED = "SELECT count(*) FROM unsuppress_queue";
  private static final String DONE = "DELETE FROM unsuppress_queue WHERE address = ?";
  private static final String FAILED =
      "UPDATE unsuppress_queue SET last_error = ?, due_at = ?, attempts = attempts + 1"
          + " WHERE address = ?";
  private static final String LOCAL_ONLY =
      "UPDATE suppressions SET ses_state = 'LOCAL_ONLY', synced_at = ?, ses_last_error = NULL,"
          + " ses_note = ? WHERE address = ?";
  private static final String NOTE_IMPORTED =
      "UPDATE suppressions SET synced_at = ?, ses_note = ? WHERE address = ?";
  private static final String MARK = "SELECT at FROM marks WHERE name = ?";
  private static final String SET_MARK = "INSERT OR REPLACE INTO marks (name, at) VALUES (?, ?)";
  private static final String IMPORTED = "ses-import";

  private final Database db;

  SqliteSuppressionAdmin(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public Optional<Removal> remove(String address, String by, String why, Instant at) {
    Objects.requireNonNull(at, "at");
    return db.write(
        "remove a suppression",
        c -> {
          SuppressionEntry entry = SuppressionTable.one(c, address);
          if (entry == null) {
            return Optional.empty();
          }
          Removal removal = Removal.of(entry, by, why, at);
          update(c, REMOVE, address);
          try (PreparedStatement s = c.prepareStatement(HISTORY)) {
            s.setString(1, address);
            s.setString(2, Times.text(at));
            s.setString(3, by);
            s.setString(4, why);
            s.setString(5, entry.reason().name());
            s.setString(6, entry.origin().name());
            s.setString(7, Times.text(entry.firstSeen()));
            s.setString(8, Times.text(entry.lastSeen()));
            s.setLong(9, entry.count());
            s.setString(10, entry.sesState().name());
            s.executeUpdate();
          }
          if (!entry.simulator()) {
            update(c, QUEUE, address, Times.text(at), Times.text(at));
          }
          return Optional.of(removal);
        });
  }

  @Override
  public List<Removal> removals(String address) {
    return db.read(
        "read removals",
        c -> {
          List<Removal> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(REMOVALS)) {
            s.setString(1, address);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Removal(
                        address,
                        rs.getString("removed_by"),
                        rs.getString("why"),
                        Times.instant(rs.getString("removed_at")),
                        SuppressionReason.valueOf(rs.getString("reason")),
                        SuppressionOrigin.valueOf(rs.getString("origin")),
                        Times.instant(rs.getString("first_seen")),
                        Times.instant(rs.getString("last_seen")),
                        rs.getLong("count"),
                        SesSyncState.valueOf(rs.getString("ses_state"))));
              }
            }
          }
          return out;
        });
  }

  @Override
  public List<PendingDelete> pendingDeletes(Instant now, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("negative limit: " + limit);
    }
    return db.read(
        "read queued deletes",
        c -> {
          List<PendingDelete> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(DUE)) {
            s.setString(1, Times.text(now));
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new PendingDelete(
                        rs.getString("address"),
                        Times.instant(rs.getString("queued_at")),
                        Times.instant(rs.getString("due_at")),
                        rs.getInt("attempts"),
                        rs.getString("last_error")));
              }
            }
          }
          return out;
        });
  }

  @Override
  public int pendingDeleteCount() {
    return db.read(
        "count queued deletes",
        c -> {
          try (PreparedStatement s = c.prepareStatement(QUEUED);
              ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }

  @Override
  public void markDeleted(String address, Instant at) {
    Objects.requireNonNull(at, "at");
    db.write("mark a delete done", c -> update(c, DONE, address));
  }

  @Override
  public void markDeleteFailed(String address, String error, Instant retryAt) {
    String kept = io.sesguardian.domain.ingest.SuppressionOutbox.clipError(error);
    int n =
        db.write(
            "record a refused delete", c -> update(c, FAILED, kept, Times.text(retryAt), address));
    if (n == 0) {
      throw new IllegalStateException("cannot record a refused delete: none is queued");
    }
  }

  @Override
  public boolean recordImported(
      String address, SuppressionReason reason, Instant sesTime, Instant now) {
    return db.write(
        "import a suppression",
        c -> {
          boolean added =
              SuppressionTable.insertIfAbsent(
                  c, SuppressionUpdate.imported(address, reason, sesTime), now, 0);
          if (added) {
            update(
                c,
                NOTE_IMPORTED,
                Times.text(now),
                "already on SES's account-level list (imported)",
                address);
          }
          return added;
        });
  }

  @Override
  public void markLocalOnly(String address, String why, Instant at) {
    Objects.requireNonNull(why, "why");
    int n =
        db.write(
            "keep a suppression local", c -> update(c, LOCAL_ONLY, Times.text(at), why, address));
    if (n == 0) {
      throw new IllegalStateException(
          "cannot keep it off SES's list: the address is not on the suppression list");
    }
  }

  @Override
  public Optional<Instant> importedAt() {
    return db.read(
        "read the import mark",
        c -> {
          try (PreparedStatement s = c.prepareStatement(MARK)) {
            s.setString(1, IMPORTED);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.of(Times.instant(rs.getString(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void markImported(Instant at) {
    db.write("mark the import done", c -> update(c, SET_MARK, IMPORTED, Times.text(at)));
  }

  private static int update(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      return s.executeUpdate();
    }
  }
}
