/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.testkit.contract.FeedbackLedgerContract;
import io.sesguardian.testkit.contract.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite feedback store keeps the ledger contract. */
class SqliteFeedbackStoreTest extends FeedbackLedgerContract {

  @TempDir Path dir;
  private final List<SqliteStore> opened = new ArrayList<>();

  @Override
  protected Stores newStores(Clock clock) {
    SqliteStore store = open("store", clock, null);
    return new Stores(store.feedback(), store.monitor(), store.canary());
  }

  @Override
  protected Optional<FeedbackStore> newStoreWithLedgerRetention(Clock clock, Duration retention) {
    return Optional.of(open("forgetful", clock, retention).feedback());
  }

  @Override
  protected boolean failNextApply(FeedbackStore store) {
    ((SqliteFeedbackStore) store).failNextApplies(1);
    return true;
  }

  private SqliteStore open(String name, Clock clock, Duration retention) {
    try {
      SqliteStore store = SqliteStore.open(dir.resolve(name), clock, retention);
      opened.add(store);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    opened.forEach(SqliteStore::close);
  }
}
