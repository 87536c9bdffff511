/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.BounceType;
import io.sesguardian.domain.feedback.Classification;
import io.sesguardian.domain.feedback.FeedbackClass;
import io.sesguardian.domain.feedback.FeedbackKind;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.SuppressionReason;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one recipient record changes, applied at most once under {@link #ledgerKey()}: its
 * ledger entry, its counters, its suppression update and its soft-bounce history entry.
 *
 * @param record the record
 * @param ledgerKey the idempotency key (same across SNS retries and SES's two channels)
 * @param suppression the suppression it asks for (nullable)
 * @param softBounce the soft-bounce history entry it adds (nullable)
 * @param counting how the record's recipient enters the rates' denominators
 */
public record Effect(
    FeedbackRecord record,
    String ledgerKey,
    SuppressionUpdate suppression,
    SoftBounce softBounce,
    Counting counting) {

  /**
   * How one record enters the rates, decided when it is planned.
   *
   * @param feedbackLoop its recipient domain sends SES complaint feedback (complaint denominator)
   * @param verified its recipient domain is one of the account's verified domains (left out of the
   *     bounce rate)
   * @param firstOfReport for a complaint: it is the first recipient of its feedback report, the one
   *     that counts toward the complaint rate (a report naming several recipients is one complaint,
   *     as SES's per-ISP metrics count them)
   */
  public record Counting(boolean feedbackLoop, boolean verified, boolean firstOfReport) {}

  public Effect {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(ledgerKey, "ledgerKey");
    Objects.requireNonNull(counting, "counting");
  }

  /** Plans the effect of one record under the default counting rules, as its report's first. */
  public static Effect of(FeedbackRecord record) {
    return of(record, CountingRules.DEFAULT, true);
  }

  /**
   * For each record of one document, whether it is the first recipient of its complaint report
   * (always true for other kinds and for complaints without a feedback id). A report naming several
   * recipients is one complaint for the rate; reports are told apart within one document, never
   * across documents, so the count does not depend on how documents are batched.
   */
  public static boolean[] firstOfReports(List<FeedbackRecord> recordsOfOneDocument) {
    boolean[] first = new boolean[recordsOfOneDocument.size()];
    Set<String> reports = new HashSet<>();
    for (int i = 0; i < first.length; i++) {
      FeedbackRecord r = recordsOfOneDocument.get(i);
      first[i] =
          r.kind() != FeedbackKind.COMPLAINT
              || r.feedbackId() == null
              || reports.add(r.feedbackId());
    }
    return first;
  }

  /**
   * Plans the effect of one record.
   *
   * @param rules which recipient domains enter which denominator
   * @param firstOfReport whether it is the first recipient of its complaint report (ignored for
   *     other kinds)
   */
  public static Effect of(FeedbackRecord record, CountingRules rules, boolean firstOfReport) {
    String key =
        record
            .idempotencyKey()
            .orElseGet(
                () ->
                    FeedbackRecord.bounded(
                        record.kind().jsonName()
                            + "#at:"
                            + record.eventTime()
                            + "#"
                            + (record.address() == null ? "" : record.address())));
    Classification c = record.classification();
    SuppressionUpdate suppression = null;
    if (c.suppressionReason() != null && record.address() != null) {
      suppression =
          new SuppressionUpdate(
              record.address(),
              c.suppressionReason(),
              c.suppressionReason() == SuppressionReason.COMPLAINT
                  ? SuppressionOrigin.COMPLAINT
                  : SuppressionOrigin.HARD_BOUNCE,
              record.eventTime(),
              record.feedbackId(),
              record.diagnosticCode(),
              SuppressionUpdate.initialState(record.simulator(), c.alreadyOnAccountList()),
              record.simulator(),
              key,
              record.configurationSet());
    }
    SoftBounce soft =
        c.escalatable() && record.address() != null
            ? new SoftBounce(record.address(), record.eventTime(), key)
            : null;
    String domain = record.address() == null ? null : Addresses.domainOf(record.address());
    Counting counting =
        new Counting(rules.feedbackLoop(domain), rules.verified(domain), firstOfReport);
    return new Effect(record, key, suppression, soft, counting);
  }

  /**
   * The canary run this record answers ({@code +guardian-…} simulator addresses), whose observation
   * the store writes with the record; empty for every other record.
   */
  public java.util.Optional<String> canaryRun() {
    return io.sesguardian.domain.canary.Canaries.runOf(record.address());
  }

  /** The observation key of a canary record: {@code kind#address}. */
  public String canaryObservationKey() {
    return record.kind().jsonName() + "#" + record.address();
  }

  /**
   * Adds this record's counter increments in the hour of its event: one per scope (account, its
   * configuration set, its SES tenant, its sending domain), and for counted bounces and complaints
   * and for sender-side bounces one for the recipient's domain.
   */
  public void addCountsTo(Counts counts) {
    counts(CounterKey.of(Scope.ACCOUNT, record.eventTime()), counts);
    if (record.configurationSet() != null) {
      counts(
          CounterKey.of(Scope.configurationSet(record.configurationSet()), record.eventTime()),
          counts);
    }
    record
        .tenant()
        .ifPresent(t -> counts(CounterKey.of(Scope.tenant(t), record.eventTime()), counts));
    if (record.senderDomain() != null) {
      counts(CounterKey.of(Scope.domain(record.senderDomain()), record.eventTime()), counts);
    }
    Classification c = record.classification();
    if (record.address() == null || record.simulator()) {
      return;
    }
    CounterKey recipient =
        CounterKey.of(
            Scope.recipientDomain(Addresses.domainOf(record.address())), record.eventTime());
    if (countsBounce()) {
      counts.add(recipient, CounterField.BOUNCE_COUNTED, 1);
    }
    if (countsComplaint()) {
      counts.add(recipient, CounterField.COMPLAINT_COUNTED, 1);
    }
    // A domain refusing the sender (DMARC, blocklist, policy) is the team's problem to see, even
    // when SES does not count the bounce.
    if (c.feedbackClass().senderSide()) {
      counts.add(recipient, CounterField.BOUNCE_SENDER_SIDE, 1);
    }
  }

  private void counts(CounterKey key, Counts counts) {
    if (record.simulator()) {
      counts.add(key, CounterField.SIMULATOR, 1);
      return;
    }
    Classification c = record.classification();
    switch (record.kind()) {
      case SEND -> {
        counts.add(key, CounterField.SEND, 1);
        subsets(key, counts, CounterField.SEND_NON_FBL, CounterField.SEND_VERIFIED);
      }
      case DELIVERY -> {
        counts.add(key, CounterField.DELIVERY, 1);
        if (record.configurationSet() == null) {
          counts.add(key, CounterField.IDENTITY_DELIVERY, 1);
        }
        attempted(key, counts);
      }
      case BOUNCE -> {
        if (c.feedbackClass() == FeedbackClass.AUTO_REPLY) {
          // Delivered, then answered by an autoresponder: no bounce, no extra attempted send.
          counts.add(key, CounterField.AUTO_REPLY, 1);
          return;
        }
        BounceType type =
            record.bounceType() == null ? BounceType.UNDETERMINED : record.bounceType();
        counts.add(
            key,
            switch (type) {
              case PERMANENT -> CounterField.BOUNCE_PERMANENT;
              case TRANSIENT -> CounterField.BOUNCE_TRANSIENT;
              case UNDETERMINED -> CounterField.BOUNCE_UNDETERMINED;
            },
            1);
        if (countsBounce()) {
          counts.add(key, CounterField.BOUNCE_COUNTED, 1);
          if (record.configurationSet() == null) {
            counts.add(key, CounterField.IDENTITY_BOUNCE_COUNTED, 1);
          }
        } else if (c.countsTowardBounceRate()) {
          counts.add(key, CounterField.BOUNCE_VERIFIED, 1);
        }
        if (c.alreadyOnAccountList()) {
          // SES did not try: no attempted send (sending-email-suppression-list.html).
          counts.add(key, CounterField.BOUNCE_ON_ACCOUNT_LIST, 1);
          unsent(key, counts);
        } else {
          attempted(key, counts);
        }
        if (c.feedbackClass().senderSide()) {
          counts.add(key, CounterField.BOUNCE_SENDER_SIDE, 1);
        }
      }
      case COMPLAINT -> {
        if (c.feedbackClass() == FeedbackClass.NOT_SPAM) {
          // RFC 5965 not-spam corrects a spam tag: it is no complaint.
          counts.add(key, CounterField.COMPLAINT_NOT_SPAM, 1);
          return;
        }
        counts.add(key, CounterField.COMPLAINT, 1);
        if (c.alreadyOnAccountList()) {
          counts.add(key, CounterField.COMPLAINT_ON_ACCOUNT_LIST, 1);
          unsent(key, counts);
        }
        if (countsComplaint()) {
          counts.add(key, CounterField.COMPLAINT_COUNTED, 1);
          if (record.configurationSet() == null) {
            counts.add(key, CounterField.IDENTITY_COMPLAINT_COUNTED, 1);
          }
        }
      }
      case REJECT -> {
        counts.add(key, CounterField.REJECT, 1);
        // SES rejected the message (a virus): never attempted (event-publishing-retrieving-sns-
        // contents.html, reject object).
        unsent(key, counts);
      }
      case DELIVERY_DELAY -> counts.add(key, CounterField.DELIVERY_DELAY, 1);
      case OPEN, CLICK, RENDERING_FAILURE, SUBSCRIPTION, UNKNOWN ->
          counts.add(key, CounterField.OTHER, 1);
    }
  }

  /**
   * A hard bounce SES counts: verified recipient domains are left out of the bounce rate (SES blog
   * "Bounces To Domains You Have Verified"; reputationdashboardmessages.html).
   */
  private boolean countsBounce() {
    return record.classification().countsTowardBounceRate() && !counting.verified();
  }

  /** A complaint SES counts: once per feedback report. */
  private boolean countsComplaint() {
    return record.classification().countsTowardComplaintRate() && counting.firstOfReport();
  }

  /** A send SES attempted, for the channel that takes its denominator from deliveries + bounces. */
  private void attempted(CounterKey key, Counts counts) {
    subsets(key, counts, CounterField.ATTEMPTED_NON_FBL, CounterField.ATTEMPTED_VERIFIED);
    if (record.configurationSet() == null) {
      counts.add(key, CounterField.IDENTITY_ATTEMPTED, 1);
      subsets(
          key,
          counts,
          CounterField.IDENTITY_ATTEMPTED_NON_FBL,
          CounterField.IDENTITY_ATTEMPTED_VERIFIED);
    }
  }

  /**
   * A send SES published a {@code Send} event for but never attempted. Only configuration sets
   * publish {@code Send} events, so only their traffic has anything to take back.
   */
  private void unsent(CounterKey key, Counts counts) {
    if (record.configurationSet() != null) {
      counts.add(key, CounterField.UNSENT, 1);
      subsets(key, counts, CounterField.UNSENT_NON_FBL, CounterField.UNSENT_VERIFIED);
    }
  }

  private void subsets(CounterKey key, Counts counts, CounterField nonFbl, CounterField verified) {
    if (!counting.feedbackLoop()) {
      counts.add(key, nonFbl, 1);
    }
    if (counting.verified()) {
      counts.add(key, verified, 1);
    }
  }
}
