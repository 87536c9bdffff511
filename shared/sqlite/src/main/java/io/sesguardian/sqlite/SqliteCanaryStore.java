/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.canary.CanaryRun;
import io.sesguardian.domain.canary.CanaryRuns;
import io.sesguardian.domain.feedback.FeedbackKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link CanaryRuns} on SQLite: one row per run, its per-address maps as JSON text; the
 * observations are the ones ingest wrote with each canary record.
 */
public final class SqliteCanaryStore implements CanaryRuns {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS canary_runs ("
              + " run_id TEXT PRIMARY KEY, sent_at TEXT NOT NULL, outcome TEXT,"
              + " expected TEXT NOT NULL, latencies_ms TEXT NOT NULL, missing TEXT NOT NULL)",
          "CREATE INDEX IF NOT EXISTS canary_runs_by_time ON canary_runs (sent_at)");

  private static final String COLUMNS = "run_id, sent_at, outcome, expected, latencies_ms, missing";
  private static final String PUT =
      "INSERT OR REPLACE INTO canary_runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
  private static final String OPEN =
      "SELECT " + COLUMNS + " FROM canary_runs WHERE outcome IS NULL ORDER BY sent_at, run_id";
  private static final String BETWEEN =
      "SELECT "
          + COLUMNS
          + " FROM canary_runs WHERE sent_at >= ? AND sent_at < ? ORDER BY sent_at, run_id";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, FeedbackKind>> EXPECTED = new TypeReference<>() {};
  private static final TypeReference<Map<String, Long>> MILLIS = new TypeReference<>() {};
  private static final TypeReference<List<String>> ADDRESSES = new TypeReference<>() {};

  private final Database db;

  SqliteCanaryStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public void saveRun(CanaryRun run) {
    Map<String, Long> latencies = new LinkedHashMap<>();
    run.latencies().forEach((a, d) -> latencies.put(a, d.toMillis()));
    db.write(
        "store a canary run",
        c -> {
          try (PreparedStatement s = c.prepareStatement(PUT)) {
            s.setString(1, run.runId());
            s.setString(2, Times.text(run.sentAt()));
            s.setString(3, run.outcome() == null ? null : run.outcome().name());
            s.setString(4, json(run.expected()));
            s.setString(5, json(latencies));
            s.setString(6, json(run.missing()));
            s.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<CanaryRun> openRuns() {
    return db.read(
        "read open canary runs",
        c -> {
          try (PreparedStatement s = c.prepareStatement(OPEN)) {
            return runs(s);
          }
        });
  }

  @Override
  public List<CanaryRun> runs(Instant since, Instant until) {
    return db.read(
        "read canary runs",
        c -> {
          try (PreparedStatement s = c.prepareStatement(BETWEEN)) {
            s.setString(1, Times.text(since));
            s.setString(2, Times.text(until));
            return runs(s);
          }
        });
  }

  @Override
  public Map<String, Instant> observations(String runId) {
    return db.read("read canary observations", c -> CanaryObservationTable.read(c, runId));
  }

  private static List<CanaryRun> runs(PreparedStatement s) throws SQLException {
    List<CanaryRun> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Map<String, Duration> latencies = new LinkedHashMap<>();
        read(rs.getString(5), MILLIS).forEach((a, ms) -> latencies.put(a, Duration.ofMillis(ms)));
        String outcome = rs.getString(3);
        out.add(
            new CanaryRun(
                rs.getString(1),
                Times.instant(rs.getString(2)),
                read(rs.getString(4), EXPECTED),
                outcome == null ? null : CanaryRun.Outcome.valueOf(outcome),
                latencies,
                read(rs.getString(6), ADDRESSES)));
      }
    }
    return out;
  }

  private static String json(Object value) throws SQLException {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot write canary run data as JSON", e);
    }
  }

  private static <T> T read(String text, TypeReference<T> type) throws SQLException {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored canary run data is not valid JSON", e);
    }
  }
}
