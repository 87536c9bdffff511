/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An enhanced mail system status code, {@code class.subject.detail} (RFC 3463 §2, e.g. {@code
 * 5.1.1}). The class says how final the failure is (2 success, 4 persistent transient, 5
 * permanent); the subject says what it is about (1 addressing, 2 mailbox, 3 mail system, 4 network
 * and routing, 5 mail delivery protocol, 6 message content, 7 security or policy).
 *
 * @param statusClass 2, 4 or 5
 * @param subject 0 to 999
 * @param detail 0 to 999
 */
public record EnhancedStatus(int statusClass, int subject, int detail) {

  /** RFC 3463 §2: class is 2, 4 or 5; subject and detail have one to three digits. */
  private static final Pattern WHOLE = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");

  /**
   * The same, found inside free text such as an SMTP reply; not part of a longer dotted number (an
   * IP address in the text is not a status).
   */
  private static final Pattern IN_TEXT =
      Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");

  public EnhancedStatus {
    if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
      throw new IllegalArgumentException("an enhanced status class is 2, 4 or 5: " + statusClass);
    }
    if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
      throw new IllegalArgumentException("subject and detail have one to three digits");
    }
  }

  /** A DSN {@code Status} field such as {@code 5.1.1}; empty when it is not one. */
  public static Optional<EnhancedStatus> parse(String status) {
    if (status == null) {
      return Optional.empty();
    }
    Matcher m = WHOLE.matcher(status.strip());
    return m.matches() ? Optional.of(of(m)) : Optional.empty();
  }

  /** The first enhanced status code written in {@code text} (e.g. a diagnostic code), if any. */
  public static Optional<EnhancedStatus> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = IN_TEXT.matcher(text);
    return m.find() ? Optional.of(of(m)) : Optional.empty();
  }

  private static EnhancedStatus of(Matcher m) {
    return new EnhancedStatus(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** Whether this is {@code x.subject.detail} for any class. */
  public boolean is(int subject, int detail) {
    return this.subject == subject && this.detail == detail;
  }

  @Override
  public String toString() {
    return statusClass + "." + subject + "." + detail;
  }
}
