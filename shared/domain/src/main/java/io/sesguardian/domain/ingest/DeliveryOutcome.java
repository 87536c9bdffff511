/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

/** What became of one delivery in an ingest call. */
public enum DeliveryOutcome {
  /** Its records are stored (new or already there); some recipients may have been refused. */
  STORED,
  /** It carries no feedback. */
  IGNORED,
  /** Nothing in it could be used; delivering it again would fail the same way. */
  REJECTED,
  /** Some of its records could not be stored; delivering it again is safe and needed. */
  FAILED,
  /** Not started: the deadline left no time for it; delivering it again is needed. */
  NOT_STARTED;

  /** Whether the delivery must come again (a queue message back to the queue, a retry). */
  public boolean unfinished() {
    return this == FAILED || this == NOT_STARTED;
  }
}
