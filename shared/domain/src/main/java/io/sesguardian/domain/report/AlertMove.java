/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.LevelMove;
import io.sesguardian.domain.rates.Level;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scope, levels and window of a level alert. Alerts announced by this version carry them as
 * values ({@link Alert#move()}); alerts stored by earlier versions have text only, so for them the
 * report reads the levels back from the sentences the monitor wrote. Alerts of other kinds, or
 * texts it cannot read, have no move.
 *
 * @param scope the scope key, e.g. {@code configset:marketing}
 * @param from the level before, e.g. {@code healthy}
 * @param to the level after, e.g. {@code review}
 * @param window the worst window named in the subject, or empty when not given
 */
record AlertMove(String scope, String from, String to, String window) {

  // AlertTexts.levelChange: "The reputation level of SCOPE went UP from A to B at T."
  private static final Pattern BODY =
      Pattern.compile("level of (\\S+) went (?:UP|down) from ([a-z]+) to ([a-z]+)");
  // "SES guardian: SCOPE LEVEL, bounce 9% (24h, was healthy)"
  private static final Pattern SUBJECT =
      Pattern.compile("^SES guardian: (\\S+) ([A-Z]+), .*\\((\\w+), was ([a-z]+)\\)$");

  static Optional<AlertMove> of(Alert alert) {
    if (!alert.kind().equals("level")) {
      return Optional.empty();
    }
    if (alert.move().isPresent()) {
      LevelMove m = alert.move().get();
      return Optional.of(
          new AlertMove(
              m.scope().key(), m.from().jsonName(), m.to().jsonName(), m.window().jsonName()));
    }
    // Stored before alerts carried their levels: read them back from the text.
    Matcher s = SUBJECT.matcher(alert.subject());
    String window = s.find() ? s.group(3) : "";
    Matcher b = BODY.matcher(alert.body());
    if (b.find()) {
      return Optional.of(new AlertMove(b.group(1), b.group(2), b.group(3), window));
    }
    if (!window.isEmpty()) {
      return Optional.of(
          new AlertMove(
              s.group(1), s.group(4), s.group(2).toLowerCase(java.util.Locale.ROOT), window));
    }
    return Optional.empty();
  }

  /** The scope came back to healthy. */
  boolean resolved() {
    return to.equals(Level.HEALTHY.jsonName());
  }
}
