/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.BatchCounters;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SoftBounce;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.ingest.SuppressionCounts;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link FeedbackStore} on SQLite. {@link #applyOnce} is one transaction for the whole group: the
 * ledger check and every write happen under the database's write lock, so an effect is applied by
 * exactly one caller, in this process or another, and a failure leaves nothing of the group behind.
 * The idempotency ledger and the soft-bounce history live here; suppressions and counters in their
 * own tables.
 */
public final class SqliteFeedbackStore implements FeedbackStore, BatchCounters {

  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS ledger ("
              + " ledger_key TEXT PRIMARY KEY, kind TEXT NOT NULL, event_time TEXT NOT NULL,"
              + " recorded_at TEXT NOT NULL, expires_at TEXT) WITHOUT ROWID",
          "CREATE TABLE IF NOT EXISTS soft_bounces ("
              + " address TEXT NOT NULL, ledger_key TEXT NOT NULL, event_time TEXT NOT NULL,"
              + " PRIMARY KEY (address, ledger_key)) WITHOUT ROWID");

  private static final String LEDGER_EXPIRY = "SELECT expires_at FROM ledger WHERE ledger_key = ?";
  private static final String LEDGER_PUT =
      "INSERT OR REPLACE INTO ledger (ledger_key, kind, event_time, recorded_at, expires_at)"
          + " VALUES (?, ?, ?, ?, ?)";
  private static final String SOFT_BOUNCE_PUT =
      "INSERT INTO soft_bounces (address, ledger_key, event_time) VALUES (?, ?, ?)"
          + " ON CONFLICT DO NOTHING";
  private static final String SOFT_BOUNCE_TIMES =
      "SELECT event_time FROM soft_bounces WHERE address = ? AND event_time BETWEEN ? AND ?"
          + " ORDER BY event_time";

  private final Database db;
  private final Clock clock;
  private final Duration ledgerRetention;
  private final AtomicInteger failNextApplies = new AtomicInteger();

  SqliteFeedbackStore(Database db, Clock clock, Duration ledgerRetention) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ledgerRetention = ledgerRetention;
  }

  // ---------------------------------------------------------------- applyOnce

  @Override
  public ApplyResult applyOnce(List<Effect> effects, Counts operational, CounterKey duplicatesKey) {
    Objects.requireNonNull(effects, "effects");
    Objects.requireNonNull(operational, "operational");
    Objects.requireNonNull(duplicatesKey, "duplicatesKey");
    Set<String> keys = new LinkedHashSet<>();
    for (Effect e : effects) {
      if (!keys.add(e.ledgerKey())) {
        throw new IllegalArgumentException("ledger key twice in one group: " + e.ledgerKey());
      }
    }
    boolean injectFailure = failNextApplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    try {
      Set<String> duplicates =
          db.write(
              "apply " + effects.size() + " effect(s)",
              c -> {
                Set<String> found = apply(c, effects, operational, duplicatesKey);
                if (injectFailure) {
                  // After every write, so tests prove the rollback, not an early exit.
                  throw new SQLException("injected failure (test hook)", "HY000", 10);
                }
                return found;
              });
      return new ApplyResult(duplicates, Set.of());
    } catch (StoreUnavailableException e) {
      // The database already waited out other writers; what is left (a full disk, a read-only
      // file) does not pass by retrying now. Nothing of the group was written.
      addCountsAlone(operational);
      return new ApplyResult(Set.of(), keys);
    }
  }

  private Set<String> apply(
      Connection c, List<Effect> effects, Counts operational, CounterKey duplicatesKey)
      throws SQLException {
    Instant now = clock.instant();
    Set<String> duplicates = new HashSet<>();
    Counts counts = new Counts().addAll(operational);
    // Statements prepared once per transaction: preparing one per effect cost as much as running
    // it (a replay unit holds thousands of effects).
    try (PreparedStatement expiry = c.prepareStatement(LEDGER_EXPIRY);
        PreparedStatement ledger = c.prepareStatement(LEDGER_PUT);
        SuppressionTable.Recorder suppressions = SuppressionTable.recorder(c)) {
      for (Effect e : effects) {
        if (inLedger(expiry, e.ledgerKey(), now)) {
          duplicates.add(e.ledgerKey());
          counts.add(duplicatesKey, CounterField.DUPLICATES, 1);
          continue;
        }
        putLedger(ledger, e, now);
        e.addCountsTo(counts);
        if (e.suppression() != null && suppressions.record(e.suppression(), now)) {
          SuppressionCounts.added(e.suppression(), now, counts);
        }
        if (e.softBounce() != null) {
          putSoftBounce(c, e.softBounce());
        }
        if (e.canaryRun().isPresent()) {
          CanaryObservationTable.insert(c, e.canaryRun().get(), e.canaryObservationKey(), now);
        }
      }
    }
    CounterTable.add(c, counts);
    return duplicates;
  }

  /** Operational counts go in on their own when no group commits, as the port prescribes. */
  private void addCountsAlone(Counts operational) {
    if (operational.isEmpty()) {
      return;
    }
    try {
      addCounts(operational);
    } catch (StoreUnavailableException e) {
      // The effects are reported failed and will be retried; the counts of this try are lost.
    }
  }

  private static boolean inLedger(PreparedStatement s, String key, Instant now)
      throws SQLException {
    s.setString(1, key);
    try (ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return false;
      }
      Instant expires = Times.instant(rs.getString(1));
      return expires == null || now.isBefore(expires);
    }
  }

  private void putLedger(PreparedStatement s, Effect e, Instant now) throws SQLException {
    s.setString(1, e.ledgerKey());
    s.setString(2, e.record().kind().jsonName());
    s.setString(3, Times.text(e.record().eventTime()));
    s.setString(4, Times.text(now));
    s.setString(5, ledgerRetention == null ? null : Times.text(now.plus(ledgerRetention)));
    s.executeUpdate();
  }

  private static void putSoftBounce(Connection c, SoftBounce b) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SOFT_BOUNCE_PUT)) {
      s.setString(1, b.address());
      s.setString(2, b.ledgerKey());
      s.setString(3, Times.text(b.eventTime()));
      s.executeUpdate();
    }
  }

  /** Test hook: the next {@code n} calls fail after writing everything, and are rolled back. */
  void failNextApplies(int n) {
    failNextApplies.set(n);
  }

  // ---------------------------------------------------------------- reads and outbox

  @Override
  public List<Instant> softBounceTimes(String address, Instant since, Instant until) {
    return db.read(
        "read soft bounces",
        c -> {
          List<Instant> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(SOFT_BOUNCE_TIMES)) {
            s.setString(1, address);
            s.setString(2, Times.text(since));
            s.setString(3, Times.text(until));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(Times.instant(rs.getString(1)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public boolean suppressIfAbsent(SuppressionUpdate update, Instant now) {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(now, "now");
    return db.write("suppress an address", c -> SuppressionTable.insertIfAbsent(c, update, now, 1));
  }

  @Override
  public Map<String, SuppressionEntry> suppressions(Collection<String> addresses) {
    return db.read(
        "read suppressions",
        c -> {
          Map<String, SuppressionEntry> out = new LinkedHashMap<>();
          for (String address : new LinkedHashSet<>(addresses)) {
            SuppressionEntry e = SuppressionTable.one(c, address);
            if (e != null) {
              out.put(address, e);
            }
          }
          return out;
        });
  }

  @Override
  public List<SuppressionEntry> allSuppressions() {
    return db.read("read the suppression list", SuppressionTable::all);
  }

  @Override
  public List<SuppressionEntry> suppressionsRecordedSince(Instant since) {
    return db.read("read recent suppressions", c -> SuppressionTable.recordedSince(c, since));
  }

  @Override
  public long suppressionCount() {
    return db.read("count suppressions", SuppressionTable::count);
  }

  @Override
  public List<SuppressionEntry> pendingOutbox(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 0) {
      throw new IllegalArgumentException("negative limit: " + limit);
    }
    return db.read("read the outbox", c -> SuppressionTable.due(c, now, limit));
  }

  @Override
  public int pendingOutboxSize() {
    return (int) (long) db.read("count the outbox", SuppressionTable::pendingCount);
  }

  @Override
  public void markSynced(String address, Instant at) {
    Objects.requireNonNull(at, "at");
    requireListed(
        db.write("mark synced", c -> SuppressionTable.markSynced(c, address, at)),
        "mark it synced");
  }

  @Override
  public void markNotNeeded(String address, String why, Instant at) {
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(at, "at");
    requireListed(
        db.write("mark not needed", c -> SuppressionTable.markNotNeeded(c, address, why, at)),
        "mark it not needed");
  }

  @Override
  public void markFailed(String address, String error, Instant retryAt) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(retryAt, "retryAt");
    requireListed(
        db.write(
            "record an SES error", c -> SuppressionTable.markFailed(c, address, error, retryAt)),
        "record an SES error");
  }

  private static void requireListed(boolean updated, String what) {
    if (!updated) {
      // No address in the text: error messages reach logs.
      throw new IllegalStateException(
          "cannot " + what + ": the address is not on the suppression list");
    }
  }

  @Override
  public void addBatchCounts(Counts counts, String batchKey) {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(batchKey, "batchKey");
    db.write(
        "add a batch's counts",
        c -> {
          // Key and counts in one transaction: either both are stored or neither.
          if (CounterTable.claimBatch(c, batchKey, clock.instant())) {
            CounterTable.add(c, counts);
          }
          return null;
        });
  }

  @Override
  public void addCounts(Counts counts) {
    Objects.requireNonNull(counts, "counts");
    db.write(
        "add counts",
        c -> {
          CounterTable.add(c, counts);
          return null;
        });
  }

  @Override
  public Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    return db.read("read counters", c -> CounterTable.read(c, scope, fromHour, toHour));
  }

  @Override
  public Set<Scope> activeScopes(Instant since, Instant until) {
    Instant from = since.truncatedTo(ChronoUnit.DAYS);
    Instant to = until.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    return db.read("read active scopes", c -> CounterTable.scopes(c, from, to));
  }
}
