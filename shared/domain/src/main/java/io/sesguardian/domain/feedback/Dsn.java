/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Optional;

/**
 * The delivery status fields SES copies into one bounced recipient ({@code
 * bounce.bouncedRecipients[]}), as received. SES writes them only when the receiving server
 * returned a DSN (RFC 3464); each may be absent.
 *
 * @param status the recipient's {@code status}, an RFC 3463 enhanced code such as {@code 5.1.1}
 *     (nullable)
 * @param action the recipient's {@code action}: {@code failed}, {@code delayed}, {@code delivered},
 *     {@code relayed} or {@code expanded} (RFC 3464 §2.3.3) (nullable)
 * @param diagnosticCode the recipient's {@code diagnosticCode}, usually the SMTP reply (nullable)
 */
public record Dsn(String status, String action, String diagnosticCode) {

  /** A recipient without any DSN field. */
  public static final Dsn NONE = new Dsn(null, null, null);

  /**
   * The enhanced status: the {@code status} field when it is one, else the first code written in
   * the diagnostic (servers quote it in the SMTP reply, e.g. {@code 550 5.7.1 ...}).
   */
  public Optional<EnhancedStatus> enhancedStatus() {
    Optional<EnhancedStatus> own = EnhancedStatus.parse(status);
    return own.isPresent() ? own : EnhancedStatus.find(diagnosticCode);
  }

  /**
   * Whether the server called the failure permanent: the enhanced status ({@link #enhancedStatus},
   * given) is class 5 (RFC 3463 §2) and the diagnostic does not quote a class 4 code. Servers mix
   * them (a {@code 5.2.1} status with Gmail's {@code 450-4.2.1} receiving-rate reply); any sign of
   * a temporary condition wins.
   */
  public boolean permanentFailure(EnhancedStatus status) {
    return status.statusClass() == 5
        && EnhancedStatus.find(diagnosticCode).map(d -> d.statusClass() != 4).orElse(true);
  }

  /**
   * Whether the recipient carries no sign of a failure: no status other than a success (class 2),
   * no {@code failed} or {@code delayed} action and no diagnostic. SES reports automatic replies
   * (RFC 3834, the mailbox simulator's {@code ooto@}) as bounces of this shape.
   */
  public boolean showsNoFailure() {
    boolean noFailureStatus =
        isBlank(status)
            || EnhancedStatus.parse(status).map(s -> s.statusClass() == 2).orElse(false);
    boolean noFailureAction =
        isBlank(action)
            || !(action.strip().equalsIgnoreCase("failed")
                || action.strip().equalsIgnoreCase("delayed"));
    return noFailureStatus && noFailureAction && isBlank(diagnosticCode);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
