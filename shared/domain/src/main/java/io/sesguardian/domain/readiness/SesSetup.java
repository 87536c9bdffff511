/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.readiness;

import io.sesguardian.domain.feedback.SuppressionReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What SES says about the sending set-up (port; read only). */
public interface SesSetup {

  /** The identity's verification and DKIM status; empty when SES does not know it. */
  Optional<Identity> identity(String domain);

  /** Configuration sets with their reputation-metrics flag and SNS event destinations. */
  List<ConfigurationSet> configurationSets();

  /** Identity notification topics by type ({@code Bounce}, {@code Complaint}, {@code Delivery}). */
  Map<String, String> identityNotificationTopics(String domain);

  /** The account's {@code SuppressionAttributes}. */
  Set<SuppressionReason> accountSuppressedReasons();

  /**
   * @param verified SES verified the identity for sending
   * @param dkimVerified its DKIM status is SUCCESS
   */
  record Identity(boolean verified, boolean dkimVerified) {}

  /**
   * @param name the configuration set
   * @param reputationMetrics whether reputation metrics are enabled
   * @param snsDestinations enabled SNS event destinations: topic ARN to event types (upper case,
   *     e.g. BOUNCE, COMPLAINT)
   */
  record ConfigurationSet(
      String name, boolean reputationMetrics, Map<String, Set<String>> snsDestinations) {
    public ConfigurationSet {
      snsDestinations = Map.copyOf(snsDestinations);
    }
  }
}
