/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.monitor.AlertPublisher;
import io.sesguardian.domain.monitor.DashboardLink;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.Thresholds;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The monitor's configuration from environment variables; every threshold has a default and a
 * malformed value stops the function with a message naming the variable.
 *
 * @param alertTopicArn {@code ALERT_TOPIC_ARN} (required)
 * @param policy thresholds ({@code BOUNCE_WARNING}, {@code BOUNCE_CRITICAL}, {@code BOUNCE_REVIEW},
 *     {@code BOUNCE_PAUSE}, {@code COMPLAINT_*} as fractions, {@code HYSTERESIS}, {@code
 *     MIN_ELIGIBLE_SENDS}, {@code VOLUME_WINDOW_SENDS}, {@code VOLUME_LOOKBACK_DAYS}, default
 *     {@code COUNTER_RETENTION_DAYS} or 400), pausing ({@code PAUSE_AT_LEVEL}, {@code
 *     NON_CRITICAL_CONFIGURATION_SETS}, {@code PAUSE_ACCOUNT_AT_LEVEL}: off by default) and {@code
 *     QUOTA_ALERT_SHARE}
 * @param dashboardUrl {@code DASHBOARD_URL}: the stack's CloudWatch dashboard, linked from every
 *     alert; {@code null} when not set (no line in the alerts)
 */
public record MonitorConfig(String alertTopicArn, MonitorPolicy policy, String dashboardUrl) {

  public MonitorConfig {
    Objects.requireNonNull(alertTopicArn, "alertTopicArn");
    Objects.requireNonNull(policy, "policy");
  }

  /**
   * {@code SES_DISAGREEMENT_FACTOR}: how far apart the guardian's and SES's own figures may be
   * before alerts and status point it out (default 2, above 1).
   */
  public static double disagreementFactor(Map<String, String> env) {
    String value = env.get("SES_DISAGREEMENT_FACTOR");
    if (value == null || value.isBlank()) {
      return io.sesguardian.domain.monitor.ReputationMonitor.DEFAULT_DISAGREEMENT_FACTOR;
    }
    try {
      double factor = Double.parseDouble(value.trim());
      if (factor > 1 && factor <= 1000) {
        return factor;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        "SES_DISAGREEMENT_FACTOR="
            + value
            + " is not a number above 1 and at most 1000 (default 2)");
  }

  public static MonitorConfig fromEnvironment(Map<String, String> env) {
    String topic = env.get("ALERT_TOPIC_ARN");
    if (topic == null || topic.isBlank()) {
      throw new ConfigurationException(
          "ALERT_TOPIC_ARN is not set: it names the SNS topic alerts go to (template.yaml sets"
              + " it)");
    }
    return new MonitorConfig(topic, policy(env), dashboardUrl(env));
  }

  /**
   * {@code DASHBOARD_URL}, or {@code null} when unset or blank. It goes into alert emails as it is,
   * so anything but a single {@code https://} URL is refused at start rather than mailed.
   */
  public static String dashboardUrl(Map<String, String> env) {
    String value = env.get("DASHBOARD_URL");
    if (value == null || value.isBlank()) {
      return null;
    }
    String url = value.trim();
    if (!url.startsWith("https://") || url.chars().anyMatch(c -> c <= ' ')) {
      throw new ConfigurationException(
          String.format(
                  Locale.ROOT,
                  "DASHBOARD_URL=%s is not an https:// URL: template.yaml sets it to the stack's CloudWatch",
                  value)
              + " dashboard; leave it unset for no dashboard line in alerts");
    }
    return url;
  }

  /** The alerts to {@code alertTopicArn} as published by {@code sns}, with the dashboard line. */
  public AlertPublisher alerts(SnsClient sns) {
    return DashboardLink.of(new SnsAlertPublisher(sns, alertTopicArn), dashboardUrl);
  }

  /** The policy alone (the CLI's local mode has no alert topic). */
  public static MonitorPolicy policy(Map<String, String> env) {
    Thresholds d = Thresholds.DEFAULT;
    Thresholds thresholds;
    try {
      thresholds =
          new Thresholds(
              fraction(env, "BOUNCE_WARNING", d.bounceWarning()),
              fraction(env, "BOUNCE_CRITICAL", d.bounceCritical()),
              fraction(env, "BOUNCE_REVIEW", d.bounceReview()),
              fraction(env, "BOUNCE_PAUSE", d.bouncePause()),
              fraction(env, "COMPLAINT_WARNING", d.complaintWarning()),
              fraction(env, "COMPLAINT_CRITICAL", d.complaintCritical()),
              fraction(env, "COMPLAINT_REVIEW", d.complaintReview()),
              fraction(env, "COMPLAINT_PAUSE", d.complaintPause()),
              fraction(env, "HYSTERESIS", d.hysteresis()),
              GuardianConfig.integer(
                  env, "MIN_ELIGIBLE_SENDS", (int) d.minEligibleSends(), 1, 1_000_000),
              GuardianConfig.integer(
                  env, "VOLUME_WINDOW_SENDS", (int) d.volumeSends(), 100, 100_000_000),
              Duration.ofDays(
                  GuardianConfig.integer(
                      env,
                      "VOLUME_LOOKBACK_DAYS",
                      // As far back as counters are kept: SES's representative volume of a
                      // small sender reaches back over 200 days.
                      GuardianConfig.integer(
                          env,
                          "COUNTER_RETENTION_DAYS",
                          (int) d.volumeLookback().toDays(),
                          91,
                          3650),
                      1,
                      3650)));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("the rate thresholds are inconsistent: " + e.getMessage());
    }
    String sets = env.getOrDefault("NON_CRITICAL_CONFIGURATION_SETS", "");
    Set<String> nonCritical =
        Arrays.stream(sets.split(","))
            .map(String::trim)
            .filter(x -> !x.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    Level pauseAt = level(env, "PAUSE_AT_LEVEL");
    if (pauseAt != null && nonCritical.isEmpty()) {
      throw new ConfigurationException(
          "PAUSE_AT_LEVEL is set but NON_CRITICAL_CONFIGURATION_SETS is empty: name the"
              + " configuration sets that may be paused (comma-separated), or set PAUSE_AT_LEVEL=off");
    }
    return new MonitorPolicy(
        thresholds,
        pauseAt,
        nonCritical,
        level(env, "PAUSE_ACCOUNT_AT_LEVEL"),
        fraction(env, "QUOTA_ALERT_SHARE", 0.8));
  }

  private static double fraction(Map<String, String> env, String name, double fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(value.trim());
      if (!(d >= 0 && d <= 1)) {
        throw new ConfigurationException(
            String.format(
                Locale.ROOT,
                "%s=%s must be a fraction from 0 to 1 (0.05 = 5%%; default %s)",
                name,
                value,
                fallback));
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          String.format(
              Locale.ROOT,
              "%s=%s is not a number: give a fraction such as 0.05 for 5%% (default %s)",
              name,
              value,
              fallback));
    }
  }

  private static Level level(Map<String, String> env, String name) {
    String value = env.getOrDefault(name, "off").trim();
    if (value.isEmpty() || value.equalsIgnoreCase("off")) {
      return null;
    }
    try {
      Level level = Level.valueOf(value.toUpperCase(Locale.ROOT));
      if (level == Level.HEALTHY) {
        throw new IllegalArgumentException();
      }
      return level;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          String.format(
              Locale.ROOT, "%s=%s: use off, warning, critical, review or pause", name, value));
    }
  }
}
