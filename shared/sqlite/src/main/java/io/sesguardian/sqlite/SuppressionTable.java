/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionCounts;
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

/**
 * The suppression list with its SES outbox: one row per address. An entry is in the outbox while
 * {@code ses_state} is PENDING, due at {@code due_at} (first {@code recorded_at}, then each retry
 * time).
 */
final class SuppressionTable {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS suppressions ("
              + " address TEXT PRIMARY KEY, reason TEXT NOT NULL, origin TEXT NOT NULL,"
              + " first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, count INTEGER NOT NULL,"
              + " last_feedback_id TEXT, diagnostic TEXT, recorded_at TEXT NOT NULL,"
              + " first_ledger_key TEXT NOT NULL, simulator INTEGER NOT NULL,"
              + " ses_state TEXT NOT NULL, ses_last_error TEXT,"
              + " ses_attempts INTEGER NOT NULL DEFAULT 0, synced_at TEXT, ses_note TEXT,"
              + " due_at TEXT NOT NULL, configuration_set TEXT)",
          "CREATE INDEX IF NOT EXISTS suppressions_outbox"
              + " ON suppressions (ses_state, due_at, address)",
          "CREATE INDEX IF NOT EXISTS suppressions_recorded ON suppressions (recorded_at)");

  private static final String COLUMNS =
      "address, reason, origin, first_seen, last_seen, count, last_feedback_id, diagnostic,"
          + " recorded_at, first_ledger_key, ses_state, ses_last_error, ses_attempts, synced_at,"
          + " simulator, configuration_set";

  private static final String INSERT =
      "INSERT INTO suppressions (address, reason, origin, first_seen, last_seen,"
          + " last_feedback_id, diagnostic, recorded_at, first_ledger_key, simulator, ses_state,"
          + " due_at, configuration_set, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The first update creates the entry; later ones describe the latest recorded event. */
  private static final String RECORD =
      INSERT
          + " ON CONFLICT (address) DO UPDATE SET last_seen = excluded.last_seen,"
          + " count = count + 1,"
          + " last_feedback_id = coalesce(excluded.last_feedback_id, last_feedback_id),"
          + " diagnostic = coalesce(excluded.diagnostic, diagnostic)";

  private static final String INSERT_IF_ABSENT = INSERT + " ON CONFLICT (address) DO NOTHING";
  private static final String EXISTS = "SELECT 1 FROM suppressions WHERE address = ?";
  private static final String ONE = "SELECT " + COLUMNS + " FROM suppressions WHERE address = ?";
  private static final String ALL = "SELECT " + COLUMNS + " FROM suppressions ORDER BY address";
  private static final String RECORDED_SINCE =
      "SELECT " + COLUMNS + " FROM suppressions WHERE recorded_at >= ? ORDER BY address";
  private static final String COUNT = "SELECT count(*) FROM suppressions";
  private static final String DUE =
      "SELECT "
          + COLUMNS
          + " FROM suppressions WHERE ses_state = 'PENDING' AND due_at <= ?"
          + " ORDER BY due_at, address LIMIT ?";
  private static final String PENDING_COUNT =
      "SELECT count(*) FROM suppressions WHERE ses_state = 'PENDING'";
  private static final String MARK_SYNCED =
      "UPDATE suppressions SET ses_state = 'SYNCED', synced_at = ?, ses_last_error = NULL,"
          + " ses_attempts = ses_attempts + 1 WHERE address = ?";
  private static final String MARK_NOT_NEEDED =
      "UPDATE suppressions SET ses_state = 'NOT_NEEDED', synced_at = ?, ses_last_error = NULL,"
          + " ses_note = ? WHERE address = ?";
  private static final String MARK_FAILED =
      "UPDATE suppressions SET ses_last_error = ?, due_at = ?, ses_attempts = ses_attempts + 1"
          + " WHERE address = ?";

  private SuppressionTable() {}

  /**
   * Adds recorded bounces and complaints to their addresses' entries (creating them if needed),
   * with one statement prepared for many updates in one transaction.
   */
  static Recorder recorder(Connection c) throws SQLException {
    PreparedStatement exists = c.prepareStatement(EXISTS);
    try {
      return new Recorder(exists, c.prepareStatement(RECORD));
    } catch (SQLException e) {
      exists.close();
      throw e;
    }
  }

  /** Records updates with prepared statements; close it before the transaction ends. */
  static final class Recorder implements AutoCloseable {
    private final PreparedStatement exists;
    private final PreparedStatement statement;

    private Recorder(PreparedStatement exists, PreparedStatement statement) {
      this.exists = exists;
      this.statement = statement;
    }

    /**
     * Adds one recorded bounce or complaint to the address's entry, creating it if needed; whether
     * it created it (the transaction's write lock keeps the answer true until it commits).
     */
    boolean record(SuppressionUpdate u, Instant now) throws SQLException {
      exists.setString(1, u.address());
      boolean created;
      try (ResultSet rs = exists.executeQuery()) {
        created = !rs.next();
      }
      bind(statement, u, now, 1);
      statement.executeUpdate();
      return created;
    }

    @Override
    public void close() throws SQLException {
      try {
        exists.close();
      } finally {
        statement.close();
      }
    }
  }

  /** Creates the entry with {@code count} unless the address is listed; whether it did. */
  static boolean insertIfAbsent(Connection c, SuppressionUpdate u, Instant now, long count)
      throws SQLException {
    if (insert(c, INSERT_IF_ABSENT, u, now, count) != 1) {
      return false;
    }
    CounterTable.add(c, SuppressionCounts.added(u, now, new Counts()));
    return true;
  }

  /**
   * Adds the columns later versions introduced to a store created before them (SQLite has no "ADD
   * COLUMN IF NOT EXISTS"); older guardians ignore them.
   */
  static void migrate(Connection c) throws SQLException {
    boolean hasSet = false;
    try (PreparedStatement s = c.prepareStatement("PRAGMA table_info(suppressions)");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        hasSet |= "configuration_set".equals(rs.getString("name"));
      }
    }
    if (!hasSet) {
      try (PreparedStatement s =
          c.prepareStatement("ALTER TABLE suppressions ADD COLUMN configuration_set TEXT")) {
        s.executeUpdate();
      }
    }
  }

  private static int insert(Connection c, String sql, SuppressionUpdate u, Instant now, long count)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, u, now, count);
      return s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, SuppressionUpdate u, Instant now, long count)
      throws SQLException {
    s.setString(1, u.address());
    s.setString(2, u.reason().name());
    s.setString(3, u.origin().name());
    s.setString(4, Times.text(u.eventTime()));
    s.setString(5, Times.text(u.eventTime()));
    s.setString(6, u.feedbackId());
    s.setString(7, u.diagnostic() == null || u.diagnostic().isEmpty() ? null : u.diagnostic());
    s.setString(8, Times.text(now));
    s.setString(9, u.ledgerKey());
    s.setInt(10, u.simulator() ? 1 : 0);
    s.setString(11, u.initialState().name());
    s.setString(12, Times.text(now));
    s.setString(13, u.configurationSet());
    s.setLong(14, count);
  }

  static SuppressionEntry one(Connection c, String address) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(ONE)) {
      s.setString(1, address);
      List<SuppressionEntry> found = entries(s);
      return found.isEmpty() ? null : found.get(0);
    }
  }

  static List<SuppressionEntry> all(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(ALL)) {
      return entries(s);
    }
  }

  static List<SuppressionEntry> recordedSince(Connection c, Instant since) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(RECORDED_SINCE)) {
      s.setString(1, Times.text(since));
      return entries(s);
    }
  }

  static long count(Connection c) throws SQLException {
    return single(c, COUNT);
  }

  static List<SuppressionEntry> due(Connection c, Instant now, int limit) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(DUE)) {
      s.setString(1, Times.text(now));
      s.setInt(2, limit);
      return entries(s);
    }
  }

  static long pendingCount(Connection c) throws SQLException {
    return single(c, PENDING_COUNT);
  }

  private static final String SYNC_FACTS =
      "SELECT first_seen, ses_state FROM suppressions WHERE address = ?";

  /**
   * Whether the address had an entry. The first time an entry becomes SYNCED its time to reach
   * SES's list is counted (SuppressionCounts), in the same transaction.
   */
  static boolean markSynced(Connection c, String address, Instant at) throws SQLException {
    Instant firstSeen = null;
    boolean alreadySynced = false;
    try (PreparedStatement s = c.prepareStatement(SYNC_FACTS)) {
      s.setString(1, address);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        firstSeen = Times.instant(rs.getString(1));
        alreadySynced = SesSyncState.SYNCED.name().equals(rs.getString(2));
      }
    }
    try (PreparedStatement s = c.prepareStatement(MARK_SYNCED)) {
      s.setString(1, Times.text(at));
      s.setString(2, address);
      s.executeUpdate();
    }
    if (!alreadySynced) {
      CounterTable.add(c, SuppressionCounts.synced(firstSeen, at, new Counts()));
    }
    return true;
  }

  static boolean markNotNeeded(Connection c, String address, String why, Instant at)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(MARK_NOT_NEEDED)) {
      s.setString(1, Times.text(at));
      s.setString(2, why);
      s.setString(3, address);
      return s.executeUpdate() == 1;
    }
  }

  static boolean markFailed(Connection c, String address, String error, Instant retryAt)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(MARK_FAILED)) {
      s.setString(1, io.sesguardian.domain.ingest.SuppressionOutbox.clipError(error));
      s.setString(2, Times.text(retryAt));
      s.setString(3, address);
      return s.executeUpdate() == 1;
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  static List<SuppressionEntry> entries(PreparedStatement s) throws SQLException {
    List<SuppressionEntry> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new SuppressionEntry(
                rs.getString("address"),
                SuppressionReason.valueOf(rs.getString("reason")),
                SuppressionOrigin.valueOf(rs.getString("origin")),
                Times.instant(rs.getString("first_seen")),
                Times.instant(rs.getString("last_seen")),
                rs.getLong("count"),
                rs.getString("last_feedback_id"),
                rs.getString("diagnostic"),
                Times.instant(rs.getString("recorded_at")),
                rs.getString("first_ledger_key"),
                SesSyncState.valueOf(rs.getString("ses_state")),
                rs.getString("ses_last_error"),
                rs.getInt("ses_attempts"),
                Times.instant(rs.getString("synced_at")),
                rs.getInt("simulator") == 1,
                rs.getString("configuration_set")));
      }
    }
    return out;
  }
}
