/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.util.List;
import java.util.Optional;

/**
 * What the monitor remembers between evaluations (port): the last level of each scope and the last
 * account snapshot. Writes are conditional on the version read (optimistic locking), so of several
 * racing evaluations exactly one announces a change. Reads are strongly consistent (read-your-
 * writes).
 */
public interface MonitorState {

  /** Every stored scope state, in no particular order. */
  List<ScopeState> scopeStates();

  /**
   * Stores {@code state} if the stored version is {@code expectedVersion} (0: none stored yet).
   *
   * @return false when another evaluation wrote first; the caller then announces nothing
   */
  boolean replaceScopeState(ScopeState state, long expectedVersion);

  /** The last stored account snapshot, if any. */
  Optional<AccountSnapshot> accountSnapshot();

  /** Like {@link #replaceScopeState}, for the account snapshot. */
  boolean replaceAccountSnapshot(AccountSnapshot snapshot, long expectedVersion);
}
