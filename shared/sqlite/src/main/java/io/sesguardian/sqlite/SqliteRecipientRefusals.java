/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.ingest.RecipientRefusals;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** {@link RecipientRefusals} on SQLite: one row per recipient domain, the latest refusal. */
public final class SqliteRecipientRefusals implements RecipientRefusals {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS recipient_refusals (domain TEXT PRIMARY KEY,"
              + " status TEXT, diagnostic TEXT, at TEXT NOT NULL)");

  private static final String NOTE =
      "INSERT INTO recipient_refusals (domain, status, diagnostic, at) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (domain) DO UPDATE SET status = excluded.status,"
          + " diagnostic = excluded.diagnostic, at = excluded.at WHERE excluded.at >= at";
  private static final String SINCE =
      "SELECT domain, status, diagnostic, at FROM recipient_refusals WHERE at >= ?"
          + " ORDER BY domain";

  private final Database db;

  SqliteRecipientRefusals(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public void note(Refusal refusal) {
    db.write(
        "note a refusal",
        c -> {
          try (PreparedStatement s = c.prepareStatement(NOTE)) {
            s.setString(1, refusal.domain());
            s.setString(2, refusal.status());
            s.setString(3, refusal.diagnostic());
            s.setString(4, Times.text(refusal.at()));
            return s.executeUpdate();
          }
        });
  }

  @Override
  public Map<String, Refusal> since(Instant since) {
    return db.read(
        "read refusals",
        c -> {
          Map<String, Refusal> out = new TreeMap<>();
          try (PreparedStatement s = c.prepareStatement(SINCE)) {
            s.setString(1, Times.text(since));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString(1),
                    new Refusal(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Times.instant(rs.getString(4))));
              }
            }
          }
          return out;
        });
  }
}
