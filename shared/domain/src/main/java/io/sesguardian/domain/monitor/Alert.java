/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to the alert topic.
 *
 * @param kind what it is about, e.g. {@code level}, {@code enforcement}, {@code quota}, {@code
 *     pause}
 * @param subject at most {@value #MAX_SUBJECT} characters (SNS's limit for email subjects)
 * @param body plain text that reads well in an email
 * @param at when it was raised
 * @param move for a level alert: the scope and the levels it moved between, kept as values so
 *     readers (the weekly report) need not parse the text
 */
public record Alert(
    String kind, String subject, String body, Instant at, Optional<LevelMove> move) {

  public static final int MAX_SUBJECT = 100;

  public Alert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(move, "move");
    if (subject.length() > MAX_SUBJECT) {
      subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
    }
  }

  /** An alert that is not about a level move. */
  public Alert(String kind, String subject, String body, Instant at) {
    this(kind, subject, body, at, Optional.empty());
  }
}
