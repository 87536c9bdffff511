/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.util.Objects;

/** Publishes each announced alert and keeps it in the alert log for the weekly report. */
final class AlertAnnouncer implements AlertPublisher {

  private final AlertPublisher publisher;
  private final AlertLog log;

  AlertAnnouncer(AlertPublisher publisher, AlertLog log) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public void publish(Alert alert) {
    publisher.publish(alert);
    log.recordAlert(alert);
  }
}
