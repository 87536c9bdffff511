/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * A pause or resume the guardian carried out (or refused), kept for the weekly report.
 *
 * @param target {@code configset:NAME} or {@code account}
 * @param action PAUSE or RESUME
 * @param at when
 * @param by who: {@code guardian} for automatic pauses, the operator's name for resumes
 * @param reason why
 */
public record ActionRecord(String target, Action action, Instant at, String by, String reason) {

  /** What was done to sending. */
  public enum Action {
    PAUSE,
    RESUME
  }

  public ActionRecord {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(reason, "reason");
  }
}
