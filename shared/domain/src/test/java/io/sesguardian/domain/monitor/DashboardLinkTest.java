/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardLinkTest {

  private static final String URL =
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
          + "#dashboards:name=prod-ses-guardian";
  private static final Alert ALERT =
      new Alert(
          "level",
          "SES guardian: account CRITICAL",
          "The level went UP.\n\nWhat to do next:\n  Pause bulk campaigns.\n",
          Instant.parse("2026-05-10T12:30:00Z"));

  @Test
  void deployedAlerts_endWithTheDashboardLine_subjectKindAndTimeUnchanged() {
    List<Alert> sent = new ArrayList<>();
    DashboardLink.of(sent::add, URL).publish(ALERT);
    Alert out = sent.get(0);
    assertThat(out.body())
        .startsWith(ALERT.body().stripTrailing())
        .endsWith("\n\nDashboard: " + URL + "\n");
    assertThat(out.subject()).isEqualTo(ALERT.subject());
    assertThat(out.kind()).isEqualTo(ALERT.kind());
    assertThat(out.at()).isEqualTo(ALERT.at());
  }

  @Test
  void withoutADashboard_alertsPassUnchanged() {
    List<Alert> sent = new ArrayList<>();
    DashboardLink.of(sent::add, null).publish(ALERT);
    assertThat(sent).containsExactly(ALERT);
    assertThat(sent.get(0).body()).doesNotContain("Dashboard:");
  }
}
