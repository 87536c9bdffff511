/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Which recipient domains enter which rate's denominator, decided when a record is counted.
 *
 * <ul>
 *   <li><b>Feedback-loop domains.</b> SES's complaint rate only includes complaints it receives
 *       through ISP feedback loops, over mail to the domains that provide them (developer guide,
 *       "Amazon SES Complaints Through ISP Feedback Loops FAQ", Q2:
 *       http://docs.aws.amazon.com/ses/latest/DeveloperGuide/cm-feedback-loop.html). Gmail sends
 *       SES no complaint feedback (AWS Messaging blog, "Understanding Google Postmaster Tools (spam
 *       complaints) for Amazon SES email senders"), so Gmail and Google-hosted domains are never in
 *       the list: a configured list naming {@code gmail.com} or {@code googlemail.com} is refused.
 *       A domain matches when it or a parent domain is listed ({@code mail.yahoo.com} matches
 *       {@code yahoo.com}).
 *   <li><b>Verified domains.</b> SES's bounce rate counts only bounces to domains the account has
 *       not verified, over mail to domains not verified (developer guide, "Reputation dashboard
 *       messages": https://docs.aws.amazon.com/ses/latest/dg/reputationdashboardmessages.html; SES
 *       blog "Bounces To Domains You Have Verified":
 *       https://sesblog.amazon.com/post/Tx1XK3HFZ6LZC2F/Bounces-To-Domains-You-Have-Verified). The
 *       set is supplied on each use so a deployed function can refresh it (the monitor reads SESv2
 *       {@code ListEmailIdentities} hourly and keeps it in the table; ingest reads it there: {@link
 *       KeptVerifiedDomains}).
 * </ul>
 *
 * <p>Thread-safe when the supplier is.
 */
public final class CountingRules {

  /**
   * The default feedback-loop domains: mailbox providers that run a complaint feedback loop SES
   * receives, each with its source. Yahoo Complaint Feedback Loop (Yahoo, AOL, and the ISP brands
   * Yahoo hosts: https://senders.yahooinc.com/complaint-feedback-loop/); Microsoft JMRP
   * (Outlook.com, Hotmail, Live, MSN:
   * https://sendersupport.olc.protection.outlook.com/snds/JMRP.htm); Comcast
   * (https://postmaster.comcast.net/feedback-loop.html); Yandex
   * (https://yandex.com/support/postoffice/en/fbl); Mail.ru (https://postmaster.mail.ru/). Gmail is
   * absent by design.
   */
  public static final Set<String> DEFAULT_FEEDBACK_LOOP_DOMAINS =
      Set.of(
          "yahoo.com",
          "ymail.com",
          "rocketmail.com",
          "yahoo.co.uk",
          "yahoo.fr",
          "yahoo.de",
          "yahoo.es",
          "yahoo.it",
          "yahoo.ca",
          "yahoo.com.br",
          "aol.com",
          "aim.com",
          "verizon.net",
          "att.net",
          "sbcglobal.net",
          "bellsouth.net",
          "outlook.com",
          "hotmail.com",
          "hotmail.co.uk",
          "hotmail.fr",
          "live.com",
          "live.co.uk",
          "msn.com",
          "comcast.net",
          "yandex.ru",
          "yandex.com",
          "mail.ru");

  /** Domains that send SES no complaint feedback and must never count as feedback loops. */
  static final Set<String> NEVER_FEEDBACK_LOOP = Set.of("gmail.com", "googlemail.com");

  /** The default list, no verified domains. */
  public static final CountingRules DEFAULT =
      new CountingRules(DEFAULT_FEEDBACK_LOOP_DOMAINS, Set::of);

  private final Set<String> feedbackLoopDomains;
  private final Supplier<Set<String>> verifiedDomains;

  /**
   * @param feedbackLoopDomains recipient domains whose complaints reach SES (lower-cased here)
   * @param verifiedDomains the account's verified domains, asked on every use (never null), lower
   *     case as {@link VerifiedDomains.Snapshot} and {@link #parseDomains} give them: they are
   *     looked up per record, so they are not copied again here
   * @throws IllegalArgumentException if the list names Gmail
   */
  public CountingRules(Set<String> feedbackLoopDomains, Supplier<Set<String>> verifiedDomains) {
    this.feedbackLoopDomains = normalise(feedbackLoopDomains);
    for (String never : NEVER_FEEDBACK_LOOP) {
      if (this.feedbackLoopDomains.contains(never)) {
        throw new IllegalArgumentException(
            never
                + " sends SES no complaint feedback: listing it as a feedback-loop domain would"
                + " understate the complaint rate; remove it");
      }
    }
    this.verifiedDomains = Objects.requireNonNull(verifiedDomains, "verifiedDomains");
  }

  /** These rules with a fixed set of verified domains. */
  public CountingRules withVerifiedDomains(Set<String> verified) {
    Set<String> copy = normalise(verified);
    return new CountingRules(feedbackLoopDomains, () -> copy);
  }

  /**
   * These rules with the verified domains asked of {@code verified} on every use (lower case, see
   * the constructor).
   */
  public CountingRules withVerifiedDomains(Supplier<Set<String>> verified) {
    return new CountingRules(feedbackLoopDomains, verified);
  }

  /** The feedback-loop domains (sorted, lower case). */
  public Set<String> feedbackLoopDomains() {
    return feedbackLoopDomains;
  }

  /** Whether mail to {@code recipientDomain} enters the complaint rate's denominator. */
  public boolean feedbackLoop(String recipientDomain) {
    return matches(feedbackLoopDomains, recipientDomain);
  }

  /** Whether {@code recipientDomain} is (under) one of the account's verified domains. */
  public boolean verified(String recipientDomain) {
    Set<String> verified = verifiedDomains.get();
    return verified != null && !verified.isEmpty() && matches(verified, recipientDomain);
  }

  /**
   * Parses a comma-separated list of domains (as in {@code GUARDIAN_FEEDBACK_LOOP_DOMAINS} and
   * {@code GUARDIAN_VERIFIED_DOMAINS}); blanks are skipped.
   */
  public static Set<String> parseDomains(String csv) {
    Set<String> out = new TreeSet<>();
    if (csv != null) {
      for (String part : csv.split(",")) {
        String d = part.strip().toLowerCase(Locale.ROOT);
        if (!d.isEmpty()) {
          out.add(d);
        }
      }
    }
    return Set.copyOf(out);
  }

  private static Set<String> normalise(Set<String> domains) {
    Objects.requireNonNull(domains, "domains");
    Set<String> out = new TreeSet<>();
    for (String d : domains) {
      out.add(Objects.requireNonNull(d, "domain").strip().toLowerCase(Locale.ROOT));
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  private static boolean matches(Set<String> domains, String domain) {
    if (domain == null) {
      return false;
    }
    String d = domain.toLowerCase(Locale.ROOT);
    while (true) {
      if (domains.contains(d)) {
        return true;
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        return false;
      }
      d = d.substring(dot + 1);
    }
  }
}
