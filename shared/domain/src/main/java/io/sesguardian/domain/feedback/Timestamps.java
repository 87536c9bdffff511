/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the timestamp spellings found in real SES captures: {@code 2012-05-25T14:59:38.605Z}, whole
 * seconds, numeric offsets ({@code -07:00}, {@code +0000}), a space before the offset ({@code
 * 2018-10-08T14:05:45 +0000}) or instead of the {@code T}. A timestamp without any zone is taken as
 * UTC, which is what SES means.
 */
public final class Timestamps {

  private Timestamps() {}

  /** The instant, or empty when the text matches none of the known spellings. */
  public static Optional<Instant> parse(String text) {
    String s = text.trim();
    if (s.length() < 16 || s.length() > 40) {
      return Optional.empty();
    }
    try {
      if (s.charAt(10) == 'T' && (s.charAt(s.length() - 1) == 'Z')) {
        return Optional.of(Instant.parse(s));
      }
      return Optional.of(parseLenient(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Instant parseLenient(String text) {
    StringBuilder s = new StringBuilder(text);
    if (s.charAt(10) == ' ' || s.charAt(10) == 't') {
      s.setCharAt(10, 'T');
    }
    int last = s.length() - 1;
    if (s.charAt(last) == 'z') {
      s.setCharAt(last, 'Z');
    }
    if (s.charAt(last) == 'Z') {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
    int sign = Math.max(s.lastIndexOf("+"), s.lastIndexOf("-"));
    if (sign <= 10) {
      return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    }
    String offset = s.substring(sign);
    StringBuilder local = new StringBuilder(s.substring(0, sign).stripTrailing());
    if (offset.length() == 5 && offset.indexOf(':') < 0) {
      offset = offset.substring(0, 3) + ":" + offset.substring(3);
    }
    return OffsetDateTime.parse(local.append(offset), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        .toInstant();
  }
}
