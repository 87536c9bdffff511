/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryConfigTest {

  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";

  @Test
  void defaults_areHalfAnHourToWait_andADayBetweenRuns() {
    CanaryConfig c =
        CanaryConfig.fromEnvironment(
            Map.of("CANARY_FROM", "canary@shop.example", "ALERT_TOPIC_ARN", TOPIC));
    assertThat(c.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.interval()).isEqualTo(Duration.ofHours(24));
    assertThat(c.configurationSet()).isNull();
  }

  @Test
  void missingSenderOrTopic_orABadNumber_stopsTheStart_namingTheVariable() {
    assertThatThrownBy(() -> CanaryConfig.fromEnvironment(Map.of("ALERT_TOPIC_ARN", TOPIC)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("CANARY_FROM");
    assertThatThrownBy(() -> CanaryConfig.fromEnvironment(Map.of("CANARY_FROM", "c@shop.example")))
        .hasMessageContaining("ALERT_TOPIC_ARN");
    assertThatThrownBy(
            () ->
                CanaryConfig.fromEnvironment(
                    Map.of(
                        "CANARY_FROM", "c@shop.example",
                        "ALERT_TOPIC_ARN", TOPIC,
                        "CANARY_INTERVAL_HOURS", "daily")))
        .hasMessageContaining("CANARY_INTERVAL_HOURS=daily");
    assertThatThrownBy(
            () ->
                CanaryConfig.fromEnvironment(
                    Map.of(
                        "CANARY_FROM", "c@shop.example",
                        "ALERT_TOPIC_ARN", TOPIC,
                        "CANARY_TIMEOUT_MINUTES", "-5")))
        .hasMessageContaining("CANARY_TIMEOUT_MINUTES=-5");
  }
}
