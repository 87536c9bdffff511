/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feedback ingest recorded for canary addresses, written with the record's ledger entry and read by
 * the canary store: run id, {@code kind#address}, when it was recorded (the first time).
 */
final class CanaryObservationTable {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS canary_observations ("
              + " run_id TEXT NOT NULL, observation TEXT NOT NULL, recorded_at TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, observation)) WITHOUT ROWID");

  private static final String INSERT =
      "INSERT INTO canary_observations (run_id, observation, recorded_at) VALUES (?, ?, ?)"
          + " ON CONFLICT DO NOTHING";
  private static final String READ =
      "SELECT observation, recorded_at FROM canary_observations WHERE run_id = ?";

  private CanaryObservationTable() {}

  static void insert(Connection c, String runId, String observation, Instant at)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      insert.setString(1, runId);
      insert.setString(2, observation);
      insert.setString(3, Times.text(at));
      insert.executeUpdate();
    }
  }

  static Map<String, Instant> read(Connection c, String runId) throws SQLException {
    Map<String, Instant> out = new HashMap<>();
    try (PreparedStatement read = c.prepareStatement(READ)) {
      read.setString(1, runId);
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), Times.instant(rs.getString(2)));
        }
      }
    }
    return out;
  }
}
