/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite store has: its file, its mark, and several connections on one file. */
class SqliteStoreTest {

  private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant HOUR = AT;

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-04-01T10:00:00Z");

  @Test
  void severalConnectionsOnOneFile_applyEachEffectExactlyOnce() throws Exception {
    List<Effect> effects = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      effects.add(bounce("fb-" + i, "user" + i + "@example.org"));
    }
    CounterKey op = CounterKey.of(Scope.ACCOUNT, clock.instant());
    int writers = 4;
    List<SqliteStore> stores = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> applied = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        // Its own store, so its own connection: SQLite's file locks decide, as between processes.
        SqliteStore store = SqliteStore.open(dir, clock);
        stores.add(store);
        applied.add(
            pool.submit(
                () -> {
                  int mine = 0;
                  for (int from = 0; from < effects.size(); from += 10) {
                    List<Effect> unit = effects.subList(from, from + 10);
                    ApplyResult r = store.feedback().applyOnce(unit, new Counts(), op);
                    assertThat(r.failed()).isEmpty();
                    mine += unit.size() - r.duplicates().size();
                  }
                  return mine;
                }));
      }
      int total = 0;
      for (Future<Integer> f : applied) {
        total += f.get();
      }
      assertThat(total).isEqualTo(effects.size());
    } finally {
      pool.shutdownNow();
      stores.forEach(SqliteStore::close);
    }
    try (SqliteStore store = SqliteStore.open(dir, clock)) {
      assertThat(store.feedback().suppressionCount()).isEqualTo(200);
      assertThat(store.feedback().counters(Scope.ACCOUNT, HOUR, HOUR).get(HOUR))
          .containsEntry(CounterField.BOUNCE_PERMANENT, 200L);
      Instant opHour = op.hour();
      assertThat(store.feedback().counters(Scope.ACCOUNT, opHour, opHour).get(opHour))
          .containsEntry(CounterField.DUPLICATES, 200L * (writers - 1));
    }
  }

  @Test
  void closedAndReopened_theStoreKeepsEverything() throws Exception {
    Effect effect = bounce("fb-1", "a@example.org");
    CounterKey op = CounterKey.of(Scope.ACCOUNT, clock.instant());
    try (SqliteStore store = SqliteStore.open(dir, clock)) {
      store.feedback().applyOnce(List.of(effect), new Counts(), op);
    }

    assertThat(SqliteStore.isStore(dir)).isTrue();
    try (SqliteStore store = SqliteStore.open(dir, clock)) {
      assertThat(store.feedback().applyOnce(List.of(effect), new Counts(), op).duplicates())
          .containsExactly(effect.ledgerKey());
      assertThat(store.feedback().allSuppressions()).hasSize(1);
    }
  }

  @Test
  void anotherProgramsDatabase_isRefusedAndLeftUnchanged() throws Exception {
    Path file = dir.resolve(SqliteStore.DATABASE);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE notes (text TEXT)");
    }
    byte[] before = Files.readAllBytes(file);

    assertThat(SqliteStore.isStore(dir)).isFalse();
    assertThatThrownBy(() -> SqliteStore.open(dir, clock))
        .isInstanceOf(NotAGuardianStoreException.class)
        .hasMessageContaining("is not a guardian store");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(dir.resolve(SqliteStore.DATABASE + "-wal")).doesNotExist();
  }

  @Test
  void aFileThatIsNotADatabase_isRefusedAndLeftUnchanged() throws Exception {
    Path file = dir.resolve(SqliteStore.DATABASE);
    String text = "these are my notes, not a database\n".repeat(200);
    Files.writeString(file, text);

    assertThatThrownBy(() -> SqliteStore.open(dir, clock))
        .isInstanceOf(NotAGuardianStoreException.class);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void countersAreRowsPerField_soAFieldThisVersionDoesNotKnowIsSkipped() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir, clock)) {
      store
          .feedback()
          .addCounts(new Counts().add(CounterKey.of(Scope.ACCOUNT, HOUR), CounterField.SEND, 3));
    }
    // A newer guardian's counter: a row like any other, no column to add.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("guardian.db"));
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO counters (scope, hour, field, value) VALUES ('account', '"
              + Times.text(HOUR)
              + "', 'someFutureField', 7)");
    }

    try (SqliteStore store = SqliteStore.open(dir, clock)) {
      assertThat(store.feedback().counters(Scope.ACCOUNT, HOUR, HOUR).get(HOUR))
          .containsExactly(java.util.Map.entry(CounterField.SEND, 3L));
    }
  }

  private static Effect bounce(String feedbackId, String address) {
    String json =
        """
        {"notificationType":"Bounce","bounce":{"feedbackId":"%s","bounceType":"Permanent",
         "bounceSubType":"General","bouncedRecipients":[{"emailAddress":"%s"}],
         "timestamp":"%s"},"mail":{"timestamp":"%s","source":"orders@example.com",
         "messageId":"msg-%1$s","destination":["%2$s"]}}
        """
            .formatted(feedbackId, address, AT, AT.minusSeconds(1));
    return Effect.of(new FeedbackNormalizer().normalize(feedbackId, json).records().get(0));
  }
}
