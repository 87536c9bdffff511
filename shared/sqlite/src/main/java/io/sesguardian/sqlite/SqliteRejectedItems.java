/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.RejectedItem;
import io.sesguardian.domain.ingest.RejectedItems;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link RejectedItems} on SQLite: one row per kept document, its reasons as JSON text, with the
 * moment its retention ends (rows past it are skipped on read and replaced on keep).
 */
public final class SqliteRejectedItems implements RejectedItems {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS rejected_items ("
              + " id TEXT PRIMARY KEY, source TEXT NOT NULL, rejected_at TEXT NOT NULL,"
              + " raw TEXT, raw_length INTEGER NOT NULL, rejections TEXT NOT NULL,"
              + " expires_at TEXT NOT NULL)");

  private static final String COLUMNS = "id, source, rejected_at, raw, raw_length, rejections";
  private static final String DROP_EXPIRED =
      "DELETE FROM rejected_items WHERE id = ? AND expires_at <= ?";
  private static final String PUT =
      "INSERT OR IGNORE INTO rejected_items ("
          + COLUMNS
          + ", expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String PAGE =
      "SELECT "
          + COLUMNS
          + " FROM rejected_items WHERE id > ? AND expires_at > ? ORDER BY id LIMIT ?";
  private static final String FORGET = "DELETE FROM rejected_items WHERE id = ?";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, String>>> REASONS = new TypeReference<>() {};

  private final Database db;
  private final Clock clock;
  private final Duration retention;

  SqliteRejectedItems(Database db, Clock clock, Duration retention) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @Override
  public void keep(RejectedItem item) {
    String now = Times.text(clock.instant());
    db.write(
        "keep a rejected item",
        c -> {
          try (PreparedStatement s = c.prepareStatement(DROP_EXPIRED)) {
            s.setString(1, item.id());
            s.setString(2, now);
            s.executeUpdate();
          }
          try (PreparedStatement s = c.prepareStatement(PUT)) {
            s.setString(1, item.id());
            s.setString(2, item.source());
            s.setString(3, Times.text(item.rejectedAt()));
            s.setString(4, item.raw());
            s.setInt(5, item.rawLength());
            s.setString(6, reasons(item.rejections()));
            s.setString(7, Times.text(item.rejectedAt().plus(retention)));
            s.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<RejectedItem> after(String afterId, int limit) {
    String now = Times.text(clock.instant());
    return db.read(
        "read rejected items",
        c -> {
          try (PreparedStatement s = c.prepareStatement(PAGE)) {
            s.setString(1, afterId == null ? "" : afterId);
            s.setString(2, now);
            s.setInt(3, limit);
            List<RejectedItem> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new RejectedItem(
                        rs.getString(1),
                        rs.getString(2),
                        Times.instant(rs.getString(3)),
                        rs.getString(4),
                        rs.getInt(5),
                        reasons(rs.getString(6))));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void forget(String id) {
    db.write(
        "forget a rejected item",
        c -> {
          try (PreparedStatement s = c.prepareStatement(FORGET)) {
            s.setString(1, id);
            s.executeUpdate();
          }
          return null;
        });
  }

  private static String reasons(List<Rejection> rejections) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Rejection r : rejections) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("source", r.source());
      m.put("code", r.code().name());
      m.put("reason", r.reason());
      out.add(m);
    }
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }

  private static List<Rejection> reasons(String json) throws SQLException {
    try {
      List<Rejection> out = new ArrayList<>();
      for (Map<String, String> m : JSON.readValue(json, REASONS)) {
        out.add(
            new Rejection(m.get("source"), Rejection.Code.valueOf(m.get("code")), m.get("reason")));
      }
      return out;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SQLException("a kept item's reasons are unreadable: " + e.getMessage(), e);
    }
  }
}
