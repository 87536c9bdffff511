/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks and checks the file as a guardian store, and creates the tables. The mark is SQLite's own
 * header: {@code application_id} says "guardian store", {@code user_version} the format. A file
 * with another application id, or a non-empty database without one, is refused before anything is
 * written to it. Each table's definition lives with the class that reads and writes it.
 */
final class Schema {

  /** {@code application_id} of every guardian store: "SESG" in ASCII. */
  static final int APPLICATION_ID = 0x53455347;

  /** The format this code writes; a store with a higher one came from a newer guardian. */
  static final int FORMAT = 1;

  private static final String READ_TABLE_COUNT = "SELECT count(*) FROM sqlite_master";

  private Schema() {}

  static List<String> statements() {
    List<String> all = new ArrayList<>();
    all.addAll(SqliteFeedbackStore.SCHEMA);
    all.addAll(SuppressionTable.SCHEMA);
    all.addAll(CounterTable.SCHEMA);
    all.addAll(CanaryObservationTable.SCHEMA);
    all.addAll(SqliteCanaryStore.SCHEMA);
    all.addAll(SqliteMonitorStore.SCHEMA);
    all.addAll(SqliteSuppressionAdmin.SCHEMA);
    all.addAll(SqliteRecipientRefusals.SCHEMA);
    all.addAll(SqliteRejectedItems.SCHEMA);
    return all;
  }

  static void prepare(Database db) {
    // Check first: switching the journal mode would already write to someone else's database.
    db.read("read the store's mark", c -> check(db, c));
    db.pragma("PRAGMA journal_mode=WAL");
    db.write(
        "create the store's tables",
        c -> {
          check(db, c);
          try (Statement s = c.createStatement()) {
            for (String sql : statements()) {
              s.execute(sql);
            }
            SuppressionTable.migrate(c);
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + FORMAT);
          }
          return null;
        });
  }

  private static Void check(Database db, Connection c) throws SQLException {
    int id = Database.intPragma(c, "application_id");
    int format = Database.intPragma(c, "user_version");
    if (id == 0 && tableCount(c) == 0) {
      return null; // a new, empty file: ours to set up
    }
    if (id != APPLICATION_ID) {
      throw new NotAGuardianStoreException(db.file(), "is not a guardian store", null);
    }
    if (format > FORMAT) {
      throw new NotAGuardianStoreException(
          db.file(),
          "was written by a newer guardian (format " + format + "; this one reads " + FORMAT + ")",
          null);
    }
    return null;
  }

  private static int tableCount(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(READ_TABLE_COUNT)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
