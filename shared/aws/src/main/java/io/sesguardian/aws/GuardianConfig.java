/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.CountingRules;
import io.sesguardian.domain.ingest.IngestPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The functions' configuration, read once from environment variables (set by {@code
 * template.yaml}). Fails fast, naming the variable and the fix.
 *
 * @param table {@code GUARDIAN_TABLE}: the DynamoDB table (required)
 * @param policy {@code SOFT_BOUNCE_THRESHOLD} (default 3) and {@code SOFT_BOUNCE_WINDOW_DAYS}
 *     (default 30)
 * @param store retention: {@code LEDGER_RETENTION_DAYS} (default 14), {@code
 *     COUNTER_RETENTION_DAYS} (default 400); soft-bounce history is kept twice the window plus a
 *     day
 * @param accountListReasons {@code ACCOUNT_LIST_REASONS} (template parameter {@code
 *     AccountListReasons}, default {@code BOUNCE,COMPLAINT}; {@code NONE} for none): the reasons
 *     the outbox pushes to SES's account-level list. The guardian's own list keeps every reason.
 */
public record GuardianConfig(
    String table,
    IngestPolicy policy,
    DynamoDbFeedbackStore.Settings store,
    Set<SuppressionReason> accountListReasons) {

  public GuardianConfig {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(store, "store");
    accountListReasons = Set.copyOf(accountListReasons);
  }

  /** A configuration that pushes every reason to SES's list. */
  public GuardianConfig(String table, IngestPolicy policy, DynamoDbFeedbackStore.Settings store) {
    this(table, policy, store, EnumSet.allOf(SuppressionReason.class));
  }

  /** Parses {@code ACCOUNT_LIST_REASONS}: comma-separated BOUNCE, COMPLAINT, or NONE. */
  static Set<SuppressionReason> accountListReasons(String value) {
    if (value == null || value.isBlank()) {
      return EnumSet.allOf(SuppressionReason.class);
    }
    Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
    for (String part : value.split(",")) {
      String name = part.trim().toUpperCase(java.util.Locale.ROOT);
      if (name.equals("NONE") || name.isEmpty()) {
        continue;
      }
      try {
        reasons.add(SuppressionReason.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "ACCOUNT_LIST_REASONS="
                + value
                + " is not valid: use BOUNCE, COMPLAINT, both"
                + " (BOUNCE,COMPLAINT, the default) or NONE");
      }
    }
    return reasons;
  }

  public static GuardianConfig fromEnvironment(Map<String, String> env) {
    String table = env.get("GUARDIAN_TABLE");
    if (table == null || table.isBlank()) {
      throw new ConfigurationException(
          "GUARDIAN_TABLE is not set: it names the guardian's DynamoDB table (template.yaml sets"
              + " it; locally export GUARDIAN_TABLE=<table name>)");
    }
    int threshold = integer(env, "SOFT_BOUNCE_THRESHOLD", 3, 1, 100);
    int windowDays = integer(env, "SOFT_BOUNCE_WINDOW_DAYS", 30, 1, 365);
    int ledgerDays = integer(env, "LEDGER_RETENTION_DAYS", 14, 1, 365);
    int counterDays = integer(env, "COUNTER_RETENTION_DAYS", 400, 91, 3650);
    Duration window = Duration.ofDays(windowDays);
    return new GuardianConfig(
        table,
        new IngestPolicy(threshold, window, counting(env)),
        new DynamoDbFeedbackStore.Settings(
            Duration.ofDays(ledgerDays),
            window.multipliedBy(2).plusDays(1),
            Duration.ofDays(counterDays)),
        accountListReasons(env.get("ACCOUNT_LIST_REASONS")));
  }

  /**
   * {@code GUARDIAN_FEEDBACK_LOOP_DOMAINS}: comma-separated recipient domains whose complaints
   * reach SES (template parameter {@code FeedbackLoopDomains}); blank means the documented default
   * list. Verified domains are added by the runtime (SESv2 {@code ListEmailIdentities}).
   */
  static CountingRules counting(Map<String, String> env) {
    String value = env.get("GUARDIAN_FEEDBACK_LOOP_DOMAINS");
    if (value == null || value.isBlank()) {
      return CountingRules.DEFAULT;
    }
    try {
      return new CountingRules(CountingRules.parseDomains(value), Set::of);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("GUARDIAN_FEEDBACK_LOOP_DOMAINS: " + e.getMessage());
    }
  }

  static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw new ConfigurationException(
            String.format(
                Locale.ROOT,
                "%s=%s is out of range: use a whole number from %d to %d (default %d)",
                name,
                value,
                min,
                max,
                fallback));
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          String.format(
              Locale.ROOT,
              "%s=%s is not a whole number: use one from %d to %d (default %d)",
              name,
              value,
              min,
              max,
              fallback));
    }
  }
}
