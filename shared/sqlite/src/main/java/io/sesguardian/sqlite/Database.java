/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.domain.time.Deadline;
import io.sesguardian.domain.time.RetryPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One connection to {@code guardian.db} and the only way the stores use it. Threads of one process
 * take turns on the connection (a lock); processes take turns through SQLite's own locking: WAL
 * journal (readers never wait for the writer), every write in {@code BEGIN IMMEDIATE} (the write
 * lock is taken before anything is read, so a read-then-write cannot be overtaken), and a busy
 * timeout so a second process waits for the first instead of failing.
 */
final class Database implements AutoCloseable {

  /** How long one statement waits for another process's write lock. */
  static final int BUSY_TIMEOUT_MILLIS = 30_000;

  /**
   * Retries of a statement or transaction whose lock stayed taken beyond the busy timeout (SQLite
   * itself already waited up to {@link #BUSY_TIMEOUT_MILLIS} in each attempt, so the back-off is
   * short and the total is bounded by five such waits). Local commands have no deadline.
   */
  private static final RetryPolicy BUSY_RETRIES =
      new RetryPolicy(
          5,
          Duration.ofMillis(10),
          Duration.ofMillis(200),
          Duration.ofMinutes(5),
          Duration.ZERO,
          ThreadLocalRandom.current(),
          Sleeper.REAL);

  /** A unit of work on the connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens {@code file}, creating it and its schema when absent; refuses anything else. */
  static Database open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // In WAL mode NORMAL loses no committed transaction when the process dies (kill -9), only
    // possibly the last ones when the machine loses power, and never corrupts the file.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    } catch (SQLException e) {
      throw failure(file, "open the store", e);
    }
    Database db = new Database(file, connection);
    try {
      Schema.prepare(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  Path file() {
    return file;
  }

  /** Runs {@code work} outside any explicit transaction (each statement sees committed data). */
  <T> T read(String what, Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction: all of it commits or none. A
   * transaction that could not get the write lock is retried from the start.
   */
  <T> T write(String what, Work<T> work) {
    lock.lock();
    try {
      return whileBusy(what, () -> inTransaction(work));
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code attempt} again while another process holds the lock, by {@link #BUSY_RETRIES}. */
  private <T> T whileBusy(String what, SqlCall<T> attempt) {
    RetryPolicy.Execution run = BUSY_RETRIES.start(Deadline.none(Clock.systemUTC()));
    SQLException last = null;
    while (run.next()) {
      try {
        return attempt.call();
      } catch (SQLException e) {
        if (!busy(e)) {
          throw failure(what, e);
        }
        last = e;
      }
    }
    if (last == null) {
      throw new StoreUnavailableException(what + " in " + file, run.giveUp(), null);
    }
    throw failure(what, last);
  }

  /** One attempt at the connection. */
  private interface SqlCall<T> {
    T call() throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
    boolean committed = false;
    try {
      T result = work.run(connection);
      try (Statement s = connection.createStatement()) {
        s.execute("COMMIT");
      }
      committed = true;
      return result;
    } finally {
      if (!committed) {
        rollback();
      }
    }
  }

  private void rollback() {
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      // SQLite already rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
    }
  }

  /** Runs one statement outside a transaction, waiting out another process's lock. */
  void pragma(String sql) {
    lock.lock();
    try {
      whileBusy(
          sql,
          () -> {
            try (Statement s = connection.createStatement()) {
              return s.execute(sql);
            }
          });
    } finally {
      lock.unlock();
    }
  }

  /** The integer a {@code PRAGMA name} returns. */
  static int intPragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private RuntimeException failure(String what, SQLException e) {
    return failure(file, what, e);
  }

  private static RuntimeException failure(Path file, String what, SQLException e) {
    int code = primaryCode(e);
    if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
      return new NotAGuardianStoreException(file, "is damaged or not a database", e);
    }
    return new StoreUnavailableException(what + " in " + file, e);
  }

  static boolean busy(SQLException e) {
    int code = primaryCode(e);
    return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
  }

  private static int primaryCode(SQLException e) {
    int code =
        e instanceof SQLiteException s && s.getResultCode() != null
            ? s.getResultCode().code
            : e.getErrorCode();
    return code & 0xff;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing checkpoints the WAL; if that fails, the next open replays it. Nothing is lost.
    } finally {
      lock.unlock();
    }
  }
}
