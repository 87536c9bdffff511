/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.testkit.contract.RejectedItemsContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite adapter keeps the {@link RejectedItems} contract. */
class SqliteRejectedItemsTest extends RejectedItemsContract {

  @TempDir Path dir;
  private SqliteStore store;

  @Override
  protected RejectedItems newRejectedItems(Clock clock) {
    try {
      store = SqliteStore.open(dir, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store.rejected();
  }

  @AfterEach
  void close() {
    store.close();
  }
}
