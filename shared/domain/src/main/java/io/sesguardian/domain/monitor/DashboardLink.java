/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.util.Objects;

/**
 * Alerts with a link to the deployment's dashboard: the last line of every body is {@code
 * Dashboard: URL}, so whoever reads an alert is one click from the charts behind it. The URL is
 * just text here (the stack builds it); local alerts have no dashboard and are not wrapped.
 */
public final class DashboardLink implements AlertPublisher {

  private final AlertPublisher next;
  private final String url;

  private DashboardLink(AlertPublisher next, String url) {
    this.next = Objects.requireNonNull(next, "next");
    this.url = Objects.requireNonNull(url, "url");
  }

  /**
   * {@code alerts} with the dashboard line added, or {@code alerts} itself when {@code url} is
   * {@code null} (no dashboard configured).
   */
  public static AlertPublisher of(AlertPublisher alerts, String url) {
    Objects.requireNonNull(alerts, "alerts");
    return url == null ? alerts : new DashboardLink(alerts, url);
  }

  @Override
  public void publish(Alert alert) {
    next.publish(
        new Alert(
            alert.kind(), alert.subject(), withLink(alert.body(), url), alert.at(), alert.move()));
  }

  /** {@code body} ending with a blank line and {@code Dashboard: url}. */
  static String withLink(String body, String url) {
    String trimmed = body.stripTrailing();
    return (trimmed.isEmpty() ? "" : trimmed + "\n\n") + "Dashboard: " + url + "\n";
  }
}
