/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * The account status last seen, with whether the quota alert is raised.
 *
 * @param status what SES said
 * @param quotaHigh whether 24-hour quota use was at or above the alert share
 * @param at when it was seen
 * @param version for conditional writes (see {@link ScopeState#version()})
 */
public record AccountSnapshot(AccountStatus status, boolean quotaHigh, Instant at, long version) {
  public AccountSnapshot {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
