/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The latest sender-side refusal seen per recipient domain (port): what ingest writes when a domain
 * refuses the account's mail (authentication, SPF/DKIM/DMARC, blocklists, policy), so the monitor
 * can name the diagnostic when it alerts ({@code
 * io.sesguardian.domain.monitor.RecipientRefusalWatch}). The counts themselves are hourly counters
 * ({@code bounceSenderSide} of the {@code recipient:DOMAIN} scope). Last writer wins; safe to call
 * from many threads and processes.
 */
public interface RecipientRefusals {

  /** Keeps {@code refusal} as its domain's latest, unless a later one is kept already. */
  void note(Refusal refusal);

  /** The latest refusal of every domain that refused at or after {@code since}. */
  Map<String, Refusal> since(Instant since);

  /** Keeps nothing: for callers that never alert on refusals (benchmarks, some tests). */
  RecipientRefusals NONE =
      new RecipientRefusals() {
        @Override
        public void note(Refusal refusal) {}

        @Override
        public Map<String, Refusal> since(Instant since) {
          return Map.of();
        }
      };

  /**
   * One refusal.
   *
   * @param domain the recipient's domain, lower-cased
   * @param status the DSN's enhanced status, e.g. {@code 5.7.1} (nullable)
   * @param diagnostic the diagnostic code with every address masked (nullable), at most {@link
   *     #MAX_DIAGNOSTIC} characters
   * @param at the bounce's event time
   */
  record Refusal(String domain, String status, String diagnostic, Instant at) {
    public static final int MAX_DIAGNOSTIC = 500;

    public Refusal {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(at, "at");
      if (diagnostic != null && diagnostic.length() > MAX_DIAGNOSTIC) {
        diagnostic = diagnostic.substring(0, MAX_DIAGNOSTIC);
      }
    }
  }
}
