/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hourly counters: one row per scope, hour and field, the field stored by its attribute name, so a
 * new {@link CounterField} needs no schema change (and a field this code does not know is skipped).
 */
final class CounterTable {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS counters ("
              + " scope TEXT NOT NULL, hour TEXT NOT NULL, field TEXT NOT NULL,"
              + " value INTEGER NOT NULL, PRIMARY KEY (scope, hour, field)) WITHOUT ROWID",
          "CREATE INDEX IF NOT EXISTS counters_by_hour ON counters (hour, scope)",
          // Keys of count-only batches already added (BatchCounters): kept for the store's life.
          "CREATE TABLE IF NOT EXISTS batch_keys ("
              + " batch_key TEXT PRIMARY KEY, recorded_at TEXT NOT NULL) WITHOUT ROWID");

  private static final String CLAIM_BATCH =
      "INSERT INTO batch_keys (batch_key, recorded_at) VALUES (?, ?) ON CONFLICT DO NOTHING";

  private static final String ADD =
      "INSERT INTO counters (scope, hour, field, value) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (scope, hour, field) DO UPDATE SET value = value + excluded.value";
  private static final String READ =
      "SELECT hour, field, value FROM counters WHERE scope = ? AND hour BETWEEN ? AND ?";
  private static final String SCOPES =
      "SELECT DISTINCT scope FROM counters WHERE hour >= ? AND hour < ? ORDER BY scope";

  private static final Map<String, CounterField> BY_ATTRIBUTE = byAttribute();

  private CounterTable() {}

  static void add(Connection c, Counts counts) throws SQLException {
    try (PreparedStatement add = c.prepareStatement(ADD)) {
      for (var bucket : counts.buckets().entrySet()) {
        for (var field : bucket.getValue().entrySet()) {
          add.setString(1, bucket.getKey().scope().key());
          add.setString(2, Times.text(bucket.getKey().hour()));
          add.setString(3, field.getKey().attribute());
          add.setLong(4, field.getValue());
          add.addBatch();
        }
      }
      add.executeBatch();
    }
  }

  /**
   * Records {@code batchKey} in the caller's transaction; {@code false} when it was there already
   * (the batch was added before).
   */
  static boolean claimBatch(Connection c, String batchKey, Instant now) throws SQLException {
    try (PreparedStatement claim = c.prepareStatement(CLAIM_BATCH)) {
      claim.setString(1, batchKey);
      claim.setString(2, Times.text(now));
      return claim.executeUpdate() == 1;
    }
  }

  static Map<Instant, Map<CounterField, Long>> read(
      Connection c, Scope scope, Instant fromHour, Instant toHour) throws SQLException {
    Map<Instant, Map<CounterField, Long>> out = new TreeMap<>();
    try (PreparedStatement read = c.prepareStatement(READ)) {
      read.setString(1, scope.key());
      read.setString(2, Times.text(fromHour));
      read.setString(3, Times.text(toHour));
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          CounterField field = BY_ATTRIBUTE.get(rs.getString(2));
          if (field != null) {
            out.computeIfAbsent(
                    Times.instant(rs.getString(1)), h -> new EnumMap<>(CounterField.class))
                .put(field, rs.getLong(3));
          }
        }
      }
    }
    out.replaceAll((hour, fields) -> Collections.unmodifiableMap(fields));
    return Collections.unmodifiableMap(out);
  }

  /** Scopes with a counter in an hour of {@code [from, until)}, by key. */
  static Set<Scope> scopes(Connection c, Instant from, Instant until) throws SQLException {
    Set<Scope> out = new LinkedHashSet<>();
    try (PreparedStatement read = c.prepareStatement(SCOPES)) {
      read.setString(1, Times.text(from));
      read.setString(2, Times.text(until));
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          out.add(Scope.parse(rs.getString(1)));
        }
      }
    }
    return out;
  }

  private static Map<String, CounterField> byAttribute() {
    Map<String, CounterField> map = new java.util.HashMap<>();
    for (CounterField f : CounterField.values()) {
      map.put(f.attribute(), f);
    }
    return Map.copyOf(map);
  }
}
