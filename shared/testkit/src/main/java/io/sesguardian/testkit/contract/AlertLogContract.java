/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.AlertLog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@link AlertLog} contract, for every adapter. Alerts read back by half-open time range. */
public abstract class AlertLogContract extends StoreContract {

  /** The role under test. */
  protected AlertLog monitor;

  @Override
  void roles() {
    monitor = stores.monitor();
  }

  @Test
  void alerts_areReadInAHalfOpenRange_oldestFirst() {
    Instant t0 = Instant.parse("2026-03-16T00:00:00Z");
    Alert before = new Alert("level", "before", "body", t0.minusMillis(1));
    Alert first = new Alert("level", "first", "body", t0);
    Alert second = new Alert("quota", "second", "body\nwith lines", t0.plus(Duration.ofDays(2)));
    Alert atEnd = new Alert("level", "at the end", "body", t0.plus(Duration.ofDays(7)));
    monitor.recordAlert(second);
    monitor.recordAlert(atEnd);
    monitor.recordAlert(first);
    monitor.recordAlert(before);

    assertThat(monitor.alerts(t0, t0.plus(Duration.ofDays(7)))).containsExactly(first, second);
    assertThat(monitor.alerts(t0.plusMillis(1), t0.plus(Duration.ofDays(8))))
        .containsExactly(second, atEnd);
  }
}
