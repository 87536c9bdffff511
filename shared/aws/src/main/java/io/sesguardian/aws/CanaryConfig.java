/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import java.time.Duration;
import java.util.Map;

/**
 * The canary function's settings, read once from the environment and refused at start when wrong (a
 * misconfigured canary would otherwise fail every hour, or never send).
 *
 * @param from {@code CANARY_FROM}: the verified identity canaries send from (required)
 * @param configurationSet {@code CANARY_CONFIGURATION_SET}: the set whose events reach the guardian
 *     (nullable)
 * @param alertTopicArn {@code ALERT_TOPIC_ARN}: where a failed run is announced (required)
 * @param dashboardUrl {@code DASHBOARD_URL}: linked from alerts (nullable)
 * @param timeout {@code CANARY_TIMEOUT_MINUTES} (30): how long a run may wait for its feedback
 * @param interval {@code CANARY_INTERVAL_HOURS} (24): how often a new run is sent
 */
public record CanaryConfig(
    String from,
    String configurationSet,
    String alertTopicArn,
    String dashboardUrl,
    Duration timeout,
    Duration interval) {

  public static CanaryConfig fromEnvironment(Map<String, String> env) {
    String from = env.get("CANARY_FROM");
    if (from == null || from.isBlank()) {
      throw new ConfigurationException(
          "CANARY_FROM is not set: canaries send from a verified SES identity (template parameter"
              + " CanaryFromAddress)");
    }
    String topic = env.get("ALERT_TOPIC_ARN");
    if (topic == null || topic.isBlank()) {
      throw new ConfigurationException("ALERT_TOPIC_ARN is not set (template.yaml sets it)");
    }
    return new CanaryConfig(
        from,
        env.get("CANARY_CONFIGURATION_SET"),
        topic,
        MonitorConfig.dashboardUrl(env),
        Duration.ofMinutes(whole(env, "CANARY_TIMEOUT_MINUTES", 30)),
        Duration.ofHours(whole(env, "CANARY_INTERVAL_HOURS", 24)));
  }

  private static long whole(Map<String, String> env, String name, long fallback) {
    String v = env.get(name);
    try {
      long n = v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
      if (n < 0) {
        throw new ConfigurationException(name + "=" + v + " is negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name + "=" + v + " is not a whole number");
    }
  }
}
