/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * SES's own reputation figures for one scope: the latest {@code Reputation.BounceRate} and {@code
 * Reputation.ComplaintRate} CloudWatch metrics (namespace {@code AWS/SES}, values 0–1; per
 * configuration set when reputation metrics are enabled on it). Developer guide, "Monitoring your
 * sending reputation using CloudWatch" (reputation-dashboard-cloudwatch-alarm.html) and "Reputation
 * metrics" (monitor-sending-activity / reputationdashboardmessages.html). SES computes them over
 * its own representative volume, so they cannot be reproduced exactly.
 *
 * @param bounceRate the bounce rate as a fraction, or null when SES published none
 * @param complaintRate the complaint rate as a fraction, or null when SES published none
 * @param at the time of the newest value read
 */
public record SesFigures(Double bounceRate, Double complaintRate, Instant at) {
  public SesFigures {
    Objects.requireNonNull(at, "at");
    if (bounceRate == null && complaintRate == null) {
      throw new IllegalArgumentException("SES figures need at least one rate");
    }
  }
}
