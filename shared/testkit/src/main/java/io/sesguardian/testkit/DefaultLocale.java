/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Runs code under another JVM default locale and puts the old one back. The CLI runs wherever its
 * user is, so keys, ids and answers must not change with the locale; these two break code that
 * formats with the default: Arabic (Egypt) writes Arabic-Indic digits ({@code "%d"} of 42 is {@code
 * "٤٢"}), German writes a decimal comma ({@code "%.1f"} of 1.5 is {@code "1,5"}). Tests in this
 * build run one at a time, so changing the default is safe. A class first initialised inside {@link
 * #during} keeps what it read from the default then (Jackson's {@code ObjectMapper} reads it once):
 * start with {@link Locale#ROOT} when comparing.
 */
public final class DefaultLocale {

  /** Arabic (Egypt): {@link java.util.Formatter} writes Arabic-Indic digits. */
  public static final Locale ARABIC_DIGITS = Locale.forLanguageTag("ar-EG");

  /** German (Germany): {@link java.util.Formatter} writes a decimal comma. */
  public static final Locale DECIMAL_COMMA = Locale.GERMANY;

  private DefaultLocale() {}

  /** The value of {@code work} computed with {@code locale} as the default for every category. */
  public static <T> T during(Locale locale, Callable<T> work) throws Exception {
    Locale all = Locale.getDefault();
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    Locale display = Locale.getDefault(Locale.Category.DISPLAY);
    Locale.setDefault(locale);
    try {
      return work.call();
    } finally {
      Locale.setDefault(all);
      Locale.setDefault(Locale.Category.FORMAT, format);
      Locale.setDefault(Locale.Category.DISPLAY, display);
    }
  }
}
