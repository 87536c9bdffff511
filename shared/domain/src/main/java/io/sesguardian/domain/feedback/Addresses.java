/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Email addresses: plausibility, the normal form the guardian keys on, and the masked and hashed
 * forms that logs and metrics use instead (addresses are personal data).
 */
public final class Addresses {

  /** RFC 5321's practical limit: 64 for the local part, 255 for the domain, plus the {@code @}. */
  public static final int MAX_LENGTH = 320;

  public static final String SIMULATOR_DOMAIN = "simulator.amazonses.com";

  private Addresses() {}

  /**
   * The plain, lower-cased address inside {@code raw} (a display name and angle brackets are
   * removed), or a description of why {@code raw} cannot be an address.
   */
  public static Parsed parse(String raw) {
    if (raw.length() > MAX_LENGTH) {
      return Parsed.problem("is " + raw.length() + " characters long, over " + MAX_LENGTH);
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Parsed.problem(
            String.format(Locale.ROOT, "contains a control character (U+%04X)", (int) c));
      }
    }
    String spec = raw.strip();
    int open = spec.lastIndexOf('<');
    if (open >= 0 && spec.endsWith(">")) {
      spec = spec.substring(open + 1, spec.length() - 1).strip();
    }
    if (spec.isEmpty()) {
      return Parsed.problem("is empty");
    }
    boolean quoted = false;
    int ats = 0;
    for (int i = 0; i < spec.length(); i += Character.charCount(spec.codePointAt(i))) {
      int c = spec.codePointAt(i);
      String invisible = invisible(c);
      if (invisible != null) {
        return Parsed.problem(String.format(Locale.ROOT, "contains %s (U+%04X)", invisible, c));
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return Parsed.problem("contains a space");
      }
      if (c == '<' || c == '>') {
        return Parsed.problem("contains an unmatched angle bracket");
      }
      if (c == '"' && (i == 0 || spec.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (c == '@' && !quoted) {
        ats++;
      }
    }
    int at = spec.lastIndexOf('@');
    if (at < 0) {
      return Parsed.problem("has no @");
    }
    // RFC 5321 section 4.1.2: Mailbox = Local-part "@" Domain; an "@" may appear in the local part
    // only inside a quoted string. SES refuses anything else for ever, so the outbox could never
    // deliver such an entry (it would retry and keep its age alarm firing).
    if (ats > 1) {
      return Parsed.problem("has more than one @ outside quotes");
    }
    if (at == 0 || at == spec.length() - 1) {
      return Parsed.problem("has nothing before or after the @");
    }
    return new Parsed(spec.toLowerCase(Locale.ROOT), null);
  }

  /**
   * Names a character that prints nothing yet changes what an address is: C0/C1 controls (U+0085
   * included), format characters (zero-width spaces, bidirectional overrides such as U+202E) and
   * line or paragraph separators (U+2028, U+2029), and lone surrogates. None can appear in an
   * address SES accepts (RFC 5321 section 4.1.2, RFC 6531 section 3.3: printable characters only);
   * {@code null} for every other character.
   */
  private static String invisible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL -> "a control character";
      case Character.FORMAT -> "an invisible formatting character";
      case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line separator";
      case Character.SURROGATE -> "a lone surrogate";
      default -> null;
    };
  }

  /** The domain of a normalised address (the part after the last {@code @}). */
  public static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** Whether a normalised address belongs to the SES mailbox simulator. */
  public static boolean isSimulator(String address) {
    return domainOf(address).equals(SIMULATOR_DOMAIN);
  }

  /**
   * A form safe for logs and error messages: the first character of the local part and the domain,
   * e.g. {@code j***@example.com}. Works on any text, valid address or not.
   */
  public static String mask(String text) {
    if (text == null) {
      return "null";
    }
    int at = text.lastIndexOf('@');
    String first = text.isEmpty() ? "" : printable(text.charAt(0));
    if (at < 0) {
      return first + "***";
    }
    String domain = text.substring(at + 1);
    if (domain.length() > 64) {
      domain = domain.substring(0, 64) + "…";
    }
    StringBuilder out = new StringBuilder(first).append("***@");
    domain.chars().forEach(c -> out.append(printable((char) c)));
    return out.toString();
  }

  private static final java.util.regex.Pattern ADDRESS_LIKE =
      java.util.regex.Pattern.compile("[^\\s\"'<>(),;:@\\\\]+@[^\\s\"'<>(),;:@\\\\]+");

  /**
   * {@code text} with every address-like run ({@code something@something}) masked as {@link #mask}
   * does, for messages that quote input (rejections, store errors) on their way to logs.
   */
  public static String maskAll(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    return ADDRESS_LIKE
        .matcher(text)
        .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(mask(m.group())));
  }

  /** A stable pseudonym for metrics and logs: the first 16 hex digits of SHA-256. */
  public static String hash(String address) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String printable(char c) {
    return invisible(c) != null
        ? String.format(Locale.ROOT, "\\u%04x", (int) c)
        : String.valueOf(c);
  }

  /**
   * The outcome of {@link #parse}: exactly one of {@code address} and {@code problem} is set.
   *
   * @param address the normalised address
   * @param problem what is wrong, phrased to follow "the address …"
   */
  public record Parsed(String address, String problem) {
    public Parsed {
      if ((address == null) == (problem == null)) {
        throw new IllegalArgumentException("exactly one of address and problem");
      }
    }

    static Parsed problem(String problem) {
      return new Parsed(null, problem);
    }

    public boolean ok() {
      return address != null;
    }
  }
}
