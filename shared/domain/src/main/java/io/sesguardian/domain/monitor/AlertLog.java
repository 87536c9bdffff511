/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.time.Instant;
import java.util.List;

/** The announced alerts, kept for the weekly report (port). */
public interface AlertLog {

  /**
   * Keeps an announced alert. Not guaranteed idempotent: the announcer records each alert once,
   * after the conditional state write that makes the announcement unique.
   */
  void recordAlert(Alert alert);

  /** Alerts announced in {@code [since, until)}, oldest first. */
  List<Alert> alerts(Instant since, Instant until);
}
