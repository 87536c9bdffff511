/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.RecipientRefusals;
import io.sesguardian.domain.ingest.RecipientRefusals.Refusal;
import io.sesguardian.domain.ingest.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Alerts when a recipient domain starts refusing the account's mail: at least {@code threshold}
 * sender-side bounces (DSN x.7.x, authentication, SPF/DKIM/DMARC, blocklists, policy; see {@code
 * FeedbackClass.SENDER_POLICY}) from one domain within {@code window}. Such refusals are the team's
 * problem, not the recipients': the guardian never suppresses for them, so this alert is how the
 * team hears of them. It names the domain, how many, and the latest status and diagnostic (with
 * addresses masked). One alert per domain per window: a domain already announced within the window
 * is not announced again (read from the alerts the monitor keeps).
 */
public final class RecipientRefusalWatch implements ReputationMonitor.Watch {

  /** The alert's kind. */
  public static final String KIND = "recipientRefusal";

  public static final int DEFAULT_THRESHOLD = 3;
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  private final MonitorStore store;
  private final RecipientRefusals refusals;
  private final int threshold;
  private final Duration window;

  public RecipientRefusalWatch(
      MonitorStore store, RecipientRefusals refusals, int threshold, Duration window) {
    this.store = Objects.requireNonNull(store, "store");
    this.refusals = Objects.requireNonNull(refusals, "refusals");
    this.window = Objects.requireNonNull(window, "window");
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    this.threshold = threshold;
  }

  public RecipientRefusalWatch(MonitorStore store, RecipientRefusals refusals) {
    this(store, refusals, DEFAULT_THRESHOLD, DEFAULT_WINDOW);
  }

  @Override
  public List<Alert> check(Instant now) {
    Instant since = now.minus(window);
    Map<String, Refusal> latest = refusals.since(since);
    if (latest.isEmpty()) {
      return List.of();
    }
    List<Alert> announced = store.alerts(since, now.plusMillis(1));
    List<Alert> out = new ArrayList<>();
    for (Refusal refusal : latest.values()) {
      long count = count(refusal.domain(), since, now);
      if (count < threshold || alreadyAnnounced(announced, refusal.domain())) {
        continue;
      }
      out.add(alert(refusal, count, now));
    }
    return out;
  }

  private long count(String domain, Instant since, Instant now) {
    long sum = 0;
    for (Map<CounterField, Long> hour :
        store
            .counters(
                Scope.recipientDomain(domain),
                since.truncatedTo(ChronoUnit.HOURS),
                now.truncatedTo(ChronoUnit.HOURS))
            .values()) {
      sum += hour.getOrDefault(CounterField.BOUNCE_SENDER_SIDE, 0L);
    }
    return sum;
  }

  private static boolean alreadyAnnounced(List<Alert> announced, String domain) {
    return announced.stream()
        .anyMatch(a -> a.kind().equals(KIND) && a.subject().endsWith(" " + domain));
  }

  private Alert alert(Refusal r, long count, Instant now) {
    String body =
        String.join(
            "\n",
            "The recipient domain "
                + r.domain()
                + " refused the account's mail "
                + count
                + " times in the last "
                + (window.toHours() % 24 == 0 ? window.toDays() + " days" : window.toHours() + " h")
                + ", for a reason on the sending side (authentication, SPF/DKIM/DMARC,"
                + " blocklist or policy), not because of the recipients.",
            "",
            "Latest refusal: " + r.at(),
            "Status: " + (r.status() == null ? "(none)" : r.status()),
            "Diagnostic: " + (r.diagnostic() == null ? "(none)" : r.diagnostic()),
            "",
            "The guardian does not suppress these recipients: they can still receive mail once the"
                + " sending side is fixed. Check the sending domain's SPF, DKIM and DMARC records"
                + " and whether the sending IPs are listed on a blocklist.");
    return new Alert(KIND, "SES guardian: mail refused by " + r.domain(), body, now);
  }
}
