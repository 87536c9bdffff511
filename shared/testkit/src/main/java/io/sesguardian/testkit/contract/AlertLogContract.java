/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.AlertLog;
import io.sesguardian.domain.monitor.LevelMove;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

  @Test
  void levelAlerts_keepTheLevelsTheyMovedBetween_otherAlertsHaveNone() {
    Instant t0 = Instant.parse("2026-03-16T00:00:00Z");
    LevelMove up =
        new LevelMove(
            Scope.configurationSet("marketing"),
            LevelMove.Metric.COMPLAINT,
            Level.WARNING,
            Level.REVIEW,
            Window.H24);
    LevelMove back =
        new LevelMove(
            Scope.ACCOUNT, LevelMove.Metric.BOUNCE, Level.UNKNOWN, Level.HEALTHY, Window.VOLUME);
    Alert raised = new Alert("level", "up", "body", t0, Optional.of(up));
    Alert quota = new Alert("quota", "quota", "body", t0.plusSeconds(1));
    Alert resolved = new Alert("level", "back", "body", t0.plusSeconds(2), Optional.of(back));
    monitor.recordAlert(raised);
    monitor.recordAlert(quota);
    monitor.recordAlert(resolved);

    assertThat(monitor.alerts(t0, t0.plusSeconds(3)))
        .extracting(Alert::move)
        .containsExactly(Optional.of(up), Optional.empty(), Optional.of(back));
  }
}
