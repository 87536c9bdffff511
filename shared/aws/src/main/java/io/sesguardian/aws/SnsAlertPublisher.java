/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.AlertPublisher;
import java.util.Objects;
import software.amazon.awssdk.services.sns.SnsClient;

/** Publishes alerts to the alert topic (its email subscription gets subject and body). */
public final class SnsAlertPublisher implements AlertPublisher {

  private final SnsClient sns;
  private final String topicArn;

  public SnsAlertPublisher(SnsClient sns, String topicArn) {
    this.sns = Objects.requireNonNull(sns, "sns");
    this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
  }

  @Override
  public void publish(Alert alert) {
    sns.publish(r -> r.topicArn(topicArn).subject(alert.subject()).message(alert.body()));
  }
}
