/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.FeedbackKind;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Ignored;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.feedback.SuppressionReason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stores normalised SES feedback exactly once and keeps the suppression list: hard bounces and
 * complaints at once, soft bounces whose permanent status says the mailbox is gone at once, other
 * address-related soft bounces once they repeat; auto-replies, sender-side refusals and {@code
 * not-spam} feedback never (see {@link io.sesguardian.domain.feedback.FeedbackClass}). One call
 * handles one delivery unit (an SNS notification, or an SQS batch) so that its counters are written
 * together.
 */
public final class IngestService {

  private final FeedbackLedger ledger;
  private final SoftBounceHistory softBounceHistory;
  private final SuppressionList suppressions;
  private final RecipientRefusals refusals;
  private final IngestPolicy policy;
  private final Clock clock;

  /** Where count-only events go without ledger entries; {@code null}: every event is ledgered. */
  private final BatchCounters batchCounters;

  /**
   * An ingest over the three roles it uses, usually one store that plays them all (a {@link
   * FeedbackStore}).
   */
  public <S extends FeedbackLedger & SoftBounceHistory & SuppressionList> IngestService(
      S store, IngestPolicy policy, Clock clock) {
    this(store, store, store, RecipientRefusals.NONE, policy, clock);
  }

  /**
   * Like the above, noting the latest sender-side refusal of each recipient domain in {@code
   * refusals} for the monitor's {@link io.sesguardian.domain.monitor.RecipientRefusalWatch}.
   */
  public <S extends FeedbackLedger & SoftBounceHistory & SuppressionList> IngestService(
      S store, RecipientRefusals refusals, IngestPolicy policy, Clock clock) {
    this(store, store, store, refusals, policy, clock);
  }

  public IngestService(
      FeedbackLedger ledger,
      SoftBounceHistory softBounces,
      SuppressionList suppressions,
      RecipientRefusals refusals,
      IngestPolicy policy,
      Clock clock) {
    this.refusals = Objects.requireNonNull(refusals, "refusals");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.softBounceHistory = Objects.requireNonNull(softBounces, "softBounces");
    this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.batchCounters = null;
  }

  private IngestService(IngestService base, BatchCounters batchCounters) {
    this.ledger = base.ledger;
    this.softBounceHistory = base.softBounceHistory;
    this.suppressions = base.suppressions;
    this.refusals = base.refusals;
    this.policy = base.policy;
    this.clock = base.clock;
    this.batchCounters = Objects.requireNonNull(batchCounters, "batchCounters");
  }

  /**
   * The same ingest, but count-only events ({@link #countOnly}) get no ledger entry: their counters
   * are summed per call and written once through {@code counters}, idempotent per batch (the same
   * events again within the adapter's window add nothing), not per event. Duplicates of such events
   * across calls are then no longer detected (nor counted in {@link CounterField#DUPLICATES});
   * within one call they still are. Bounces, complaints, suppressions and soft bounces stay
   * exactly-once through the ledger.
   */
  public IngestService batchingCountOnlyEvents(BatchCounters counters) {
    return new IngestService(this, counters);
  }

  /**
   * An event whose only effect is counter increments: no suppression, no soft-bounce history, no
   * canary observation, and no bounce or complaint (the rates' numerators stay exactly-once).
   */
  public static boolean countOnly(Effect e) {
    FeedbackKind kind = e.record().kind();
    return e.suppression() == null
        && e.softBounce() == null
        && e.canaryRun().isEmpty()
        && kind != FeedbackKind.BOUNCE
        && kind != FeedbackKind.COMPLAINT;
  }

  public IngestReport ingest(List<Normalized> documents) {
    Instant now = clock.instant();
    CounterKey operationalKey = CounterKey.of(Scope.ACCOUNT, now);
    Counts operational = new Counts();
    List<Ignored> ignored = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    Map<String, Effect> effects = new LinkedHashMap<>();
    int duplicatesInCall = 0;
    int items = 0;
    for (Normalized doc : documents) {
      items += doc.items();
      ignored.addAll(doc.ignored());
      rejected.addAll(doc.rejections());
      // One complaint report naming several recipients is one complaint for the rate: its first
      // recipient carries it (SES's channels repeat reports whole, in the same order).
      boolean[] firstOfReport = Effect.firstOfReports(doc.records());
      for (int i = 0; i < firstOfReport.length; i++) {
        FeedbackRecord record = doc.records().get(i);
        Effect effect = Effect.of(record, policy.counting(), firstOfReport[i]);
        if (effects.putIfAbsent(effect.ledgerKey(), effect) != null) {
          duplicatesInCall++;
        }
      }
    }
    operational.add(operationalKey, CounterField.ITEMS, items);
    operational.add(operationalKey, CounterField.IGNORED, ignored.size());
    operational.add(operationalKey, CounterField.REJECTED, rejected.size());
    operational.add(operationalKey, CounterField.DUPLICATES, duplicatesInCall);

    List<Effect> ledgered = new ArrayList<>();
    List<Effect> counted = new ArrayList<>();
    for (Effect effect : effects.values()) {
      (batchCounters != null && countOnly(effect) ? counted : ledgered).add(effect);
    }
    Set<String> failedKeys = new HashSet<>();
    ApplyResult result = new ApplyResult(Set.of(), Set.of());
    Counts batch = new Counts();
    counted.forEach(e -> e.addCountsTo(batch));
    if (counted.isEmpty() || !ledgered.isEmpty()) {
      result = ledger.applyOnce(ledgered, operational, operationalKey);
      failedKeys.addAll(result.failed());
    } else {
      // Nothing needs the ledger: the operational counts ride with the batch's one write.
      batch.addAll(operational);
    }
    if (!counted.isEmpty()) {
      failedKeys.addAll(addBatch(counted, batch, ledgered.isEmpty() ? operational : new Counts()));
    }

    noteRefusals(effects.values(), result);

    Map<Bucket, Integer> recipients = new EnumMap<>(Bucket.class);
    Set<String> applied = new HashSet<>();
    List<FeedbackRecord> failed = new ArrayList<>();
    Set<String> suppressedCandidates = new LinkedHashSet<>();
    for (Effect effect : effects.values()) {
      String key = effect.ledgerKey();
      if (failedKeys.contains(key)) {
        failed.add(effect.record());
      } else if (!result.duplicates().contains(key)) {
        applied.add(key);
        recipients.merge(Bucket.of(effect.record()), 1, Integer::sum);
        if (effect.suppression() != null) {
          suppressedCandidates.add(effect.suppression().address());
        }
      }
    }

    // Duplicates are re-checked too: a retry after a failed check must still escalate.
    List<String> escalated = new ArrayList<>();
    for (List<Effect> softBounces : softBouncesByAddress(effects.values(), failedKeys)) {
      Effect escalating = escalation(softBounces);
      if (escalating != null && suppress(escalating, now)) {
        String address = escalating.softBounce().address();
        escalated.add(address);
        suppressedCandidates.add(address);
        applied.add(escalating.ledgerKey());
      }
    }

    List<SuppressionEntry> suppressed = new ArrayList<>();
    if (!suppressedCandidates.isEmpty()) {
      Map<String, SuppressionEntry> entries = new HashMap<>();
      Set<String> toRead = suppressedCandidates;
      if (result.created().isPresent()) {
        // The store said what it created: read only escalations, which it did not write.
        entries.putAll(result.created().get());
        toRead = new LinkedHashSet<>(escalated);
      }
      if (!toRead.isEmpty()) {
        entries.putAll(suppressions.suppressions(toRead));
      }
      for (String address : suppressedCandidates) {
        SuppressionEntry entry = entries.get(address);
        if (entry != null && applied.contains(entry.firstLedgerKey())) {
          suppressed.add(entry);
        }
      }
    }
    return new IngestReport(
        items,
        recipients,
        duplicatesInCall + result.duplicates().size(),
        ignored,
        rejected,
        suppressed,
        escalated,
        failed);
  }

  /** The latest applied sender-side refusal of each recipient domain, noted for the monitor. */
  private void noteRefusals(Iterable<Effect> effects, ApplyResult result) {
    Map<String, RecipientRefusals.Refusal> latest = new LinkedHashMap<>();
    for (Effect effect : effects) {
      FeedbackRecord r = effect.record();
      if (!r.classification().feedbackClass().senderSide()
          || r.address() == null
          || r.simulator()
          || result.failed().contains(effect.ledgerKey())
          || result.duplicates().contains(effect.ledgerKey())) {
        continue;
      }
      RecipientRefusals.Refusal refusal =
          new RecipientRefusals.Refusal(
              Addresses.domainOf(r.address()),
              r.status(),
              r.diagnosticCode() == null ? null : Addresses.maskAll(r.diagnosticCode()),
              r.eventTime());
      latest.merge(refusal.domain(), refusal, (a, b) -> b.at().isAfter(a.at()) ? b : a);
    }
    latest.values().forEach(refusals::note);
  }

  /**
   * Writes the counts of a batch of count-only events; returns the ledger keys of those not
   * written. A batch the store refuses outright (an item it will never accept: nothing was written)
   * is tried again one event at a time, so that one such event does not take its batch-mates with
   * it (on the SQS path, to the dead-letter queue); {@code operational} rides with the first of
   * them.
   */
  private Set<String> addBatch(List<Effect> counted, Counts batch, Counts operational) {
    try {
      batchCounters.addBatchCounts(batch, batchKey(counted));
      return Set.of();
    } catch (StoreUnavailableException e) {
      return keysOf(counted);
    } catch (IllegalArgumentException refused) {
      if (counted.size() == 1) {
        return keysOf(counted);
      }
      Set<String> failed = new HashSet<>();
      Counts pending = new Counts().addAll(operational);
      for (Effect e : counted) {
        Counts own = new Counts().addAll(pending);
        e.addCountsTo(own);
        try {
          batchCounters.addBatchCounts(own, batchKey(List.of(e)));
          pending = new Counts();
        } catch (StoreUnavailableException | IllegalArgumentException alone) {
          failed.add(e.ledgerKey());
        }
      }
      return failed;
    }
  }

  private static Set<String> keysOf(List<Effect> effects) {
    Set<String> keys = new HashSet<>();
    effects.forEach(e -> keys.add(e.ledgerKey()));
    return keys;
  }

  /**
   * The key of a batch of count-only events: a digest of their sorted ledger keys, so the same
   * events (an SDK retry, a redelivery of the same batch) give the same key, whatever the
   * deliveries' own ids.
   */
  static String batchKey(List<Effect> counted) {
    List<String> keys = new ArrayList<>(counted.size());
    counted.forEach(e -> keys.add(e.ledgerKey()));
    java.util.Collections.sort(keys);
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      for (String k : keys) {
        digest.update(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return "B#" + java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The stored soft bounces of this call, grouped by address. */
  private static List<List<Effect>> softBouncesByAddress(
      Iterable<Effect> effects, Set<String> failed) {
    Map<String, List<Effect>> byAddress = new LinkedHashMap<>();
    for (Effect effect : effects) {
      if (effect.softBounce() != null && !failed.contains(effect.ledgerKey())) {
        byAddress
            .computeIfAbsent(effect.softBounce().address(), a -> new ArrayList<>())
            .add(effect);
      }
    }
    return List.copyOf(byAddress.values());
  }

  /**
   * The first of one address's soft bounces that escalates at once ({@code MAILBOX}), else the
   * first that lies in a window of {@code softBounceWindow} holding at least {@code
   * softBounceThreshold} recorded soft bounces, or {@code null}. One read of the address's history
   * covers every bounce of the call.
   */
  private Effect escalation(List<Effect> softBounces) {
    for (Effect e : softBounces) {
      // A permanent mailbox-level failure (5.1.1, 5.2.1 ...) will not heal: no repeats needed.
      if (e.record().classification().escalatesAtOnce()) {
        return e;
      }
    }
    Instant earliest = softBounces.get(0).softBounce().eventTime();
    Instant latest = earliest;
    for (Effect e : softBounces) {
      Instant t = e.softBounce().eventTime();
      earliest = t.isBefore(earliest) ? t : earliest;
      latest = t.isAfter(latest) ? t : latest;
    }
    List<Instant> times =
        softBounceHistory.softBounceTimes(
            softBounces.get(0).softBounce().address(),
            earliest.minus(policy.softBounceWindow()),
            latest.plus(policy.softBounceWindow()));
    for (Effect e : softBounces) {
      if (reachesThreshold(times, e.softBounce().eventTime())) {
        return e;
      }
    }
    return null;
  }

  private boolean suppress(Effect effect, Instant now) {
    SoftBounce soft = effect.softBounce();
    FeedbackRecord r = effect.record();
    return suppressions.suppressIfAbsent(
        new SuppressionUpdate(
            soft.address(),
            SuppressionReason.BOUNCE,
            SuppressionOrigin.SOFT_BOUNCE_ESCALATION,
            soft.eventTime(),
            r.feedbackId(),
            r.diagnosticCode(),
            SuppressionUpdate.initialState(r.simulator(), false),
            r.simulator(),
            effect.ledgerKey(),
            r.configurationSet()),
        now);
  }

  private boolean reachesThreshold(List<Instant> sortedTimes, Instant t) {
    int n = policy.softBounceThreshold();
    for (int i = 0; i + n - 1 < sortedTimes.size(); i++) {
      Instant first = sortedTimes.get(i);
      Instant last = sortedTimes.get(i + n - 1);
      boolean containsT = !t.isBefore(first) && !t.isAfter(last);
      if (containsT && !last.isAfter(first.plus(policy.softBounceWindow()))) {
        return true;
      }
    }
    return false;
  }
}
