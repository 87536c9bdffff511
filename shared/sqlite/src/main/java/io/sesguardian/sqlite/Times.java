/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How instants are stored: UTC text with nine fraction digits ({@code
 * 2026-03-01T10:00:00.000000000Z}). Fixed width, so SQL compares and sorts them as times, yet a
 * person reading the database sees dates; exact to the nanosecond.
 */
final class Times {

  private static final DateTimeFormatter FIXED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private Times() {}

  static String text(Instant t) {
    // Years outside 0000-9999 cannot be fixed width; they still round-trip exactly.
    return t.isBefore(FIRST) || t.isAfter(LAST) ? t.toString() : FIXED.format(t);
  }

  static String textOrNull(Instant t) {
    return t == null ? null : text(t);
  }

  static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
