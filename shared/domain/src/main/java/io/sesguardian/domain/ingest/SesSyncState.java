/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

/** Where a suppression stands with the SES account-level suppression list. */
public enum SesSyncState {
  /** In the outbox: to be sent with {@code PutSuppressedDestination}. */
  PENDING,
  /** SES accepted it. */
  SYNCED,
  /** SES has it already (it said so, or adds it by itself for this reason). */
  NOT_NEEDED,
  /** A mailbox-simulator address: recorded, never sent to SES. */
  SIMULATOR,
  /**
   * Kept on the guardian's list only: the deployment's {@code AccountListReasons} does not push
   * this reason to SES's account-level list.
   */
  LOCAL_ONLY
}
