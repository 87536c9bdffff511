/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorConfigTest {

  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";
  private static final String URL =
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1"
          + "#dashboards:name=prod-ses-guardian";

  @Test
  void dashboardUrl_isReadOnce_andBlankMeansNoDashboard() {
    assertThat(
            MonitorConfig.fromEnvironment(Map.of("ALERT_TOPIC_ARN", TOPIC, "DASHBOARD_URL", URL))
                .dashboardUrl())
        .isEqualTo(URL);
    assertThat(MonitorConfig.fromEnvironment(Map.of("ALERT_TOPIC_ARN", TOPIC)).dashboardUrl())
        .isNull();
    assertThat(
            MonitorConfig.fromEnvironment(Map.of("ALERT_TOPIC_ARN", TOPIC, "DASHBOARD_URL", " "))
                .dashboardUrl())
        .isNull();
  }

  @Test
  void aDashboardUrlThatIsNotHttps_stopsTheStart_namingTheVariable() {
    for (String bad : new String[] {"http://example.com/d", "dashboards:name=x", URL + " x"}) {
      assertThatThrownBy(
              () ->
                  MonitorConfig.fromEnvironment(
                      Map.of("ALERT_TOPIC_ARN", TOPIC, "DASHBOARD_URL", bad)))
          .as(bad)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("DASHBOARD_URL");
    }
  }
}
