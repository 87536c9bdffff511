/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.AccountSnapshot;
import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.LevelMove;
import io.sesguardian.domain.monitor.MonitorStore;
import io.sesguardian.domain.monitor.ScopeState;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.Window;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MonitorStore} on SQLite; counters are read through the feedback store that writes them. A
 * versioned write reads the stored version and writes inside one {@code BEGIN IMMEDIATE}
 * transaction, so of several racing evaluations exactly one succeeds, as DynamoDB's condition
 * expressions guarantee.
 */
public final class SqliteMonitorStore implements MonitorStore {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS scope_states ("
              + " scope TEXT PRIMARY KEY, level TEXT NOT NULL, levels TEXT NOT NULL,"
              + " since TEXT NOT NULL, evaluated_at TEXT NOT NULL, version INTEGER NOT NULL)",
          "CREATE TABLE IF NOT EXISTS account_snapshot ("
              + " id INTEGER PRIMARY KEY CHECK (id = 1), enforcement_status TEXT NOT NULL,"
              + " sending_enabled INTEGER NOT NULL, production_access INTEGER NOT NULL,"
              + " max_24_hour_send REAL NOT NULL, sent_last_24_hours REAL NOT NULL,"
              + " quota_high INTEGER NOT NULL, at TEXT NOT NULL, version INTEGER NOT NULL)",
          "CREATE TABLE IF NOT EXISTS pauses ("
              + " target TEXT PRIMARY KEY, paused INTEGER NOT NULL, at TEXT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS actions ("
              + " id INTEGER PRIMARY KEY AUTOINCREMENT, target TEXT NOT NULL, action TEXT NOT NULL,"
              + " at TEXT NOT NULL, by_whom TEXT NOT NULL, reason TEXT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS alerts ("
              + " id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, subject TEXT NOT NULL,"
              + " body TEXT NOT NULL, at TEXT NOT NULL)",
          "CREATE INDEX IF NOT EXISTS alerts_by_time ON alerts (at)",
          // A table of its own rather than new columns: stores written before alerts carried
          // their levels gain it on open, and their old alerts simply have no row here.
          "CREATE TABLE IF NOT EXISTS alert_moves ("
              + " alert_id INTEGER PRIMARY KEY REFERENCES alerts (id), scope TEXT NOT NULL,"
              + " metric TEXT NOT NULL, from_level TEXT NOT NULL, to_level TEXT NOT NULL,"
              + " worst_window TEXT NOT NULL)");

  private static final String STATE_COLUMNS = "scope, level, levels, since, evaluated_at, version";
  private static final String STATES =
      "SELECT " + STATE_COLUMNS + " FROM scope_states ORDER BY scope";
  private static final String STATE_VERSION = "SELECT version FROM scope_states WHERE scope = ?";
  private static final String STATE_PUT =
      "INSERT OR REPLACE INTO scope_states (" + STATE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
  private static final String ACCOUNT =
      "SELECT enforcement_status, sending_enabled, production_access, max_24_hour_send,"
          + " sent_last_24_hours, quota_high, at, version FROM account_snapshot WHERE id = 1";
  private static final String ACCOUNT_VERSION = "SELECT version FROM account_snapshot WHERE id = 1";
  private static final String ACCOUNT_PUT =
      "INSERT OR REPLACE INTO account_snapshot (id, enforcement_status, sending_enabled,"
          + " production_access, max_24_hour_send, sent_last_24_hours, quota_high, at, version)"
          + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String PAUSED_FLAG = "SELECT paused FROM pauses WHERE target = ?";
  private static final String PAUSE_PUT =
      "INSERT OR REPLACE INTO pauses (target, paused, at) VALUES (?, ?, ?)";
  private static final String PAUSED_TARGETS =
      "SELECT target FROM pauses WHERE paused = 1 ORDER BY target";
  private static final String ACTION_ADD =
      "INSERT INTO actions (target, action, at, by_whom, reason) VALUES (?, ?, ?, ?, ?)";
  private static final String ACTIONS_SINCE =
      "SELECT target, action, at, by_whom, reason FROM actions WHERE at >= ? ORDER BY at, id";
  private static final String ALERT_ADD =
      "INSERT INTO alerts (kind, subject, body, at) VALUES (?, ?, ?, ?)";
  private static final String ALERT_MOVE_ADD =
      "INSERT INTO alert_moves (alert_id, scope, metric, from_level, to_level, worst_window)"
          + " VALUES (last_insert_rowid(), ?, ?, ?, ?, ?)";
  private static final String ALERTS_BETWEEN =
      "SELECT a.kind, a.subject, a.body, a.at, m.scope, m.metric, m.from_level, m.to_level,"
          + " m.worst_window FROM alerts a LEFT JOIN alert_moves m ON m.alert_id = a.id"
          + " WHERE a.at >= ? AND a.at < ? ORDER BY a.at, a.id";

  private final Database db;
  private final EventCounters counters;

  SqliteMonitorStore(Database db, EventCounters counters) {
    this.db = Objects.requireNonNull(db, "db");
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  @Override
  public void addCounts(Counts counts) {
    counters.addCounts(counts);
  }

  @Override
  public Set<Scope> activeScopes(Instant since, Instant until) {
    return counters.activeScopes(since, until);
  }

  @Override
  public Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    return counters.counters(scope, fromHour, toHour);
  }

  @Override
  public List<ScopeState> scopeStates() {
    return db.read(
        "read scope states",
        c -> {
          try (PreparedStatement s = c.prepareStatement(STATES)) {
            return states(s);
          }
        });
  }

  @Override
  public boolean replaceScopeState(ScopeState state, long expectedVersion) {
    return db.write(
        "store a scope state",
        c -> {
          if (version(c, STATE_VERSION, state.scope().key()) != expectedVersion) {
            return false;
          }
          try (PreparedStatement s = c.prepareStatement(STATE_PUT)) {
            s.setString(1, state.scope().key());
            s.setString(2, state.level().name());
            s.setString(3, LevelsText.encode(state.levels()));
            s.setString(4, Times.text(state.since()));
            s.setString(5, Times.text(state.evaluatedAt()));
            s.setLong(6, state.version());
            s.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public Optional<AccountSnapshot> accountSnapshot() {
    return db.read(
        "read the account snapshot",
        c -> {
          try (PreparedStatement s = c.prepareStatement(ACCOUNT);
              ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            return Optional.of(
                new AccountSnapshot(
                    new AccountStatus(
                        rs.getString(1),
                        rs.getInt(2) == 1,
                        rs.getInt(3) == 1,
                        rs.getDouble(4),
                        rs.getDouble(5)),
                    rs.getInt(6) == 1,
                    Times.instant(rs.getString(7)),
                    rs.getLong(8)));
          }
        });
  }

  @Override
  public boolean replaceAccountSnapshot(AccountSnapshot snapshot, long expectedVersion) {
    return db.write(
        "store the account snapshot",
        c -> {
          if (version(c, ACCOUNT_VERSION, null) != expectedVersion) {
            return false;
          }
          AccountStatus status = snapshot.status();
          try (PreparedStatement s = c.prepareStatement(ACCOUNT_PUT)) {
            s.setString(1, status.enforcementStatus());
            s.setInt(2, status.sendingEnabled() ? 1 : 0);
            s.setInt(3, status.productionAccess() ? 1 : 0);
            s.setDouble(4, status.max24HourSend());
            s.setDouble(5, status.sentLast24Hours());
            s.setInt(6, snapshot.quotaHigh() ? 1 : 0);
            s.setString(7, Times.text(snapshot.at()));
            s.setLong(8, snapshot.version());
            s.executeUpdate();
          }
          return true;
        });
  }

  /** The stored version, 0 when nothing is stored. */
  private static long version(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (key != null) {
        s.setString(1, key);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  @Override
  public boolean setPaused(String target, boolean paused, ActionRecord record) {
    return db.write(
        "record a " + record.action(),
        c -> {
          if (pausedNow(c, target) == paused) {
            return false;
          }
          try (PreparedStatement s = c.prepareStatement(PAUSE_PUT)) {
            s.setString(1, target);
            s.setInt(2, paused ? 1 : 0);
            s.setString(3, Times.text(record.at()));
            s.executeUpdate();
          }
          try (PreparedStatement s = c.prepareStatement(ACTION_ADD)) {
            s.setString(1, record.target());
            s.setString(2, record.action().name());
            s.setString(3, Times.text(record.at()));
            s.setString(4, record.by());
            s.setString(5, record.reason());
            s.executeUpdate();
          }
          return true;
        });
  }

  private static boolean pausedNow(Connection c, String target) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(PAUSED_FLAG)) {
      s.setString(1, target);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  @Override
  public Set<String> pausedTargets() {
    return db.read(
        "read paused targets",
        c -> {
          Set<String> out = new LinkedHashSet<>();
          try (PreparedStatement s = c.prepareStatement(PAUSED_TARGETS);
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  @Override
  public List<ActionRecord> actions(Instant since) {
    return db.read(
        "read pauses and resumes",
        c -> {
          List<ActionRecord> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(ACTIONS_SINCE)) {
            s.setString(1, Times.text(since));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new ActionRecord(
                        rs.getString(1),
                        ActionRecord.Action.valueOf(rs.getString(2)),
                        Times.instant(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public void recordAlert(Alert alert) {
    db.write(
        "record an alert",
        c -> {
          try (PreparedStatement s = c.prepareStatement(ALERT_ADD)) {
            s.setString(1, alert.kind());
            s.setString(2, alert.subject());
            s.setString(3, alert.body());
            s.setString(4, Times.text(alert.at()));
            s.executeUpdate();
          }
          if (alert.move().isPresent()) {
            LevelMove m = alert.move().get();
            try (PreparedStatement s = c.prepareStatement(ALERT_MOVE_ADD)) {
              s.setString(1, m.scope().key());
              s.setString(2, m.metric().name());
              s.setString(3, m.from().name());
              s.setString(4, m.to().name());
              s.setString(5, m.window().name());
              s.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public List<Alert> alerts(Instant since, Instant until) {
    return db.read(
        "read alerts",
        c -> {
          List<Alert> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(ALERTS_BETWEEN)) {
            s.setString(1, Times.text(since));
            s.setString(2, Times.text(until));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                String scope = rs.getString(5);
                Optional<LevelMove> move =
                    scope == null
                        ? Optional.empty()
                        : Optional.of(
                            new LevelMove(
                                Scope.parse(scope),
                                LevelMove.Metric.valueOf(rs.getString(6)),
                                Level.valueOf(rs.getString(7)),
                                Level.valueOf(rs.getString(8)),
                                Window.valueOf(rs.getString(9))));
                out.add(
                    new Alert(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Times.instant(rs.getString(4)),
                        move));
              }
            }
          }
          return out;
        });
  }

  private static List<ScopeState> states(PreparedStatement s) throws SQLException {
    List<ScopeState> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ScopeState(
                Scope.parse(rs.getString(1)),
                Level.valueOf(rs.getString(2)),
                LevelsText.decode(rs.getString(3)),
                Times.instant(rs.getString(4)),
                Times.instant(rs.getString(5)),
                rs.getLong(6)));
      }
    }
    return out;
  }
}
