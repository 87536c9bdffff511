/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.testkit.contract.RecipientRefusalsContract;
import io.sesguardian.testkit.contract.RolePortContracts;
import io.sesguardian.testkit.contract.Stores;
import io.sesguardian.testkit.contract.SuppressionAdminContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite stores keep every role port's contract (the ledger's in {@link
 * SqliteFeedbackStoreTest}).
 */
class SqliteStoresContractTest extends RolePortContracts {

  @TempDir Path dir;
  private SqliteStore store;

  @Override
  protected Stores newStores(Clock clock) {
    try {
      store = SqliteStore.open(dir, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Stores(store.feedback(), store.monitor(), store.canary());
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Nested
  class Refusals extends RecipientRefusalsContract {
    @Override
    protected io.sesguardian.domain.ingest.RecipientRefusals newRefusals(Clock clock) {
      newStores(clock);
      return store.recipientRefusals();
    }
  }

  @Nested
  class Admin extends SuppressionAdminContract {
    @Override
    protected Both newStores(Clock clock) {
      SqliteStoresContractTest.this.newStores(clock);
      return new Both(store.feedback(), store.suppressionAdmin());
    }
  }
}
