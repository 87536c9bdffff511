/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.BatchCounters;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.RecipientRefusals;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SoftBounce;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import io.sesguardian.domain.ingest.SuppressionCounts;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionOutbox;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A faithful in-memory {@link FeedbackStore} for tests: the whole port contract, in one process.
 * Every method is {@code synchronized}, so each call is atomic and calls from many threads
 * serialise; {@link #applyOnce} therefore writes an effect's ledger entry, counters, suppression
 * update and soft-bounce entry together or not at all.
 *
 * <p>Behaviour, matching the port's Javadoc:
 *
 * <ul>
 *   <li><b>Ledger.</b> An effect whose ledger key is already recorded (and younger than the ledger
 *       retention, forever by default) is a duplicate: nothing of it changes and it adds one to
 *       {@link CounterField#DUPLICATES} under {@code duplicatesKey}. Keys repeated within one group
 *       are refused with {@link IllegalArgumentException}.
 *   <li><b>Counters.</b> Each applied effect adds {@link Effect#addCountsTo}; {@code operational}
 *       is added exactly once per call, also when every effect was a duplicate or failed.
 *   <li><b>Suppression list.</b> The first update for an address creates its entry with the
 *       update's reason, origin, initial SES state, {@code firstSeen}, feedback id, diagnostic and
 *       ledger key ({@code firstLedgerKey}), {@code recordedAt} = this store's clock; every update
 *       (the first included) adds one to {@code count}. Later updates never change reason, origin,
 *       state or {@code firstSeen}; each moves {@code lastSeen} to its event time and replaces
 *       {@code lastFeedbackId} and {@code diagnostic} (when it has them), so the entry describes
 *       the most recently recorded bounce or complaint, as the DynamoDB store's update does.
 *   <li><b>Outbox.</b> An entry is in the outbox while its state is {@link SesSyncState#PENDING}.
 *       It becomes due at {@code recordedAt}; {@link #markFailed} moves its due time to {@code
 *       retryAt}. {@link #pendingOutbox} returns due entries oldest due time first (ties by
 *       address). {@link #markSynced} and {@link #markFailed} each count one SES attempt; {@link
 *       #markNotNeeded} does not. Marking an address without an entry throws {@link
 *       IllegalStateException}.
 *   <li><b>Soft bounces.</b> One history entry per ledger key; {@link #softBounceTimes} reads them
 *       back inclusive of both bounds, oldest first.
 * </ul>
 *
 * <p>Test hooks: {@link #failNextApplies} makes whole {@code applyOnce} calls fail (nothing
 * applied, every effect reported failed), {@link #beforeEachApply} runs a hook first (a slow
 * store), {@link #unavailableForNext} makes the next calls of any other method throw {@link
 * StoreUnavailableException}; the {@code counts}/{@code ledger}/{@code suppression} accessors are
 * for assertions.
 */
public final class InMemoryFeedbackStore
    implements FeedbackStore, BatchCounters, SuppressionAdmin, RecipientRefusals {

  private final Clock clock;
  private final Duration ledgerRetention;

  /** Ledger key to the instant it was recorded. */
  private final Map<String, Instant> ledger = new HashMap<>();

  private final Map<CounterKey, EnumMap<CounterField, Long>> counters = new HashMap<>();
  private final Map<String, Entry> suppressions = new TreeMap<>();

  /** Address to (ledger key to event time). */
  private final Map<String, Map<String, Instant>> softBounces = new HashMap<>();

  private int failNextApplies;
  private Runnable beforeEachApply = () -> {};
  private final Map<String, Map<String, Instant>> canaryObservations = new HashMap<>();
  private int unavailableCalls;
  private int applyCalls;

  /** Batch keys already added ({@link #addBatchCounts}), remembered for the store's life. */
  private final Set<String> batchKeys = new HashSet<>();

  /** A store whose ledger never forgets. */
  public InMemoryFeedbackStore(Clock clock) {
    this(clock, null);
  }

  /**
   * A store whose ledger forgets a key {@code ledgerRetention} after recording it (the DynamoDB
   * TTL), so a repeat after that is applied again.
   *
   * @param ledgerRetention how long ledger keys are remembered; {@code null} for ever
   */
  public InMemoryFeedbackStore(Clock clock, Duration ledgerRetention) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ledgerRetention != null && (ledgerRetention.isNegative() || ledgerRetention.isZero())) {
      throw new IllegalArgumentException("ledger retention must be positive: " + ledgerRetention);
    }
    this.ledgerRetention = ledgerRetention;
  }

  // ------------------------------------------------------------------ port

  @Override
  public synchronized ApplyResult applyOnce(
      List<Effect> effects, Counts operational, CounterKey duplicatesKey) {
    Objects.requireNonNull(effects, "effects");
    Objects.requireNonNull(operational, "operational");
    Objects.requireNonNull(duplicatesKey, "duplicatesKey");
    Set<String> keys = new HashSet<>();
    for (Effect e : effects) {
      if (!keys.add(e.ledgerKey())) {
        throw new IllegalArgumentException("ledger key twice in one group: " + e.ledgerKey());
      }
    }
    applyCalls++;
    beforeEachApply.run();
    if (failNextApplies > 0) {
      failNextApplies--;
      addCountsLocked(operational);
      return new ApplyResult(Set.of(), keys);
    }
    Instant now = clock.instant();
    Set<String> duplicates = new HashSet<>();
    Counts counts = new Counts().addAll(operational);
    for (Effect e : effects) {
      if (inLedger(e.ledgerKey(), now)) {
        duplicates.add(e.ledgerKey());
        counts.add(duplicatesKey, CounterField.DUPLICATES, 1);
        continue;
      }
      ledger.put(e.ledgerKey(), now);
      e.addCountsTo(counts);
      if (e.suppression() != null && update(e.suppression(), now)) {
        SuppressionCounts.added(e.suppression(), now, counts);
      }
      SoftBounce soft = e.softBounce();
      if (soft != null) {
        softBounces
            .computeIfAbsent(soft.address(), a -> new HashMap<>())
            .put(soft.ledgerKey(), soft.eventTime());
      }
      e.canaryRun()
          .ifPresent(
              run ->
                  canaryObservations
                      .computeIfAbsent(run, r -> new HashMap<>())
                      .putIfAbsent(e.canaryObservationKey(), now));
    }
    addCountsLocked(counts);
    return new ApplyResult(duplicates, Set.of());
  }

  @Override
  public synchronized List<Instant> softBounceTimes(String address, Instant since, Instant until) {
    available("read soft bounces");
    Map<String, Instant> history = softBounces.getOrDefault(address, Map.of());
    List<Instant> out = new ArrayList<>();
    for (Instant t : history.values()) {
      if (!t.isBefore(since) && !t.isAfter(until)) {
        out.add(t);
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  @Override
  public synchronized boolean suppressIfAbsent(SuppressionUpdate update, Instant now) {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(now, "now");
    available("suppress " + update.address());
    if (suppressions.containsKey(update.address())) {
      return false;
    }
    Entry e = new Entry(update, now);
    e.count = 1;
    suppressions.put(update.address(), e);
    addCountsLocked(SuppressionCounts.added(update, now, new Counts()));
    return true;
  }

  @Override
  public synchronized Map<String, SuppressionEntry> suppressions(Collection<String> addresses) {
    available("read suppressions");
    Map<String, SuppressionEntry> out = new LinkedHashMap<>();
    for (String address : addresses) {
      Entry e = suppressions.get(address);
      if (e != null) {
        out.put(address, e.toRecord());
      }
    }
    return out;
  }

  @Override
  public synchronized List<SuppressionEntry> allSuppressions() {
    available("read the suppression list");
    return suppressions.values().stream().map(Entry::toRecord).toList();
  }

  /** Canary feedback recorded for a run: {@code kind#address} to when (like the DynamoDB store). */
  public synchronized Map<String, Instant> canaryObservations(String runId) {
    return Map.copyOf(canaryObservations.getOrDefault(runId, Map.of()));
  }

  @Override
  public synchronized List<SuppressionEntry> suppressionsRecordedSince(Instant since) {
    return allSuppressions().stream()
        .filter(e -> e.recordedAt() != null && !e.recordedAt().isBefore(since))
        .toList();
  }

  @Override
  public synchronized long suppressionCount() {
    return suppressions.size();
  }

  @Override
  public synchronized List<SuppressionEntry> pendingOutbox(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 0) {
      throw new IllegalArgumentException("negative limit: " + limit);
    }
    available("read the outbox");
    return suppressions.values().stream()
        .filter(e -> e.state == SesSyncState.PENDING && !e.due.isAfter(now))
        .sorted(Comparator.comparing((Entry e) -> e.due).thenComparing(e -> e.address))
        .limit(limit)
        .map(Entry::toRecord)
        .toList();
  }

  @Override
  public synchronized int pendingOutboxSize() {
    available("count the outbox");
    return (int)
        suppressions.values().stream().filter(e -> e.state == SesSyncState.PENDING).count();
  }

  @Override
  public synchronized void markSynced(String address, Instant at) {
    Objects.requireNonNull(at, "at");
    available("mark " + address + " synced");
    Entry e = existing(address, "mark it synced");
    if (e.state != SesSyncState.SYNCED) {
      addCountsLocked(SuppressionCounts.synced(e.firstSeen, at, new Counts()));
    }
    e.state = SesSyncState.SYNCED;
    e.syncedAt = at;
    e.lastError = null;
    e.attempts++;
  }

  @Override
  public synchronized void markNotNeeded(String address, String why, Instant at) {
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(at, "at");
    available("mark " + address + " not needed");
    Entry e = existing(address, "mark it not needed");
    e.state = SesSyncState.NOT_NEEDED;
    e.syncedAt = at;
    e.lastError = null;
    e.note = why;
  }

  @Override
  public synchronized void markFailed(String address, String error, Instant retryAt) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(retryAt, "retryAt");
    available("record the SES error for " + address);
    Entry e = existing(address, "record an SES error");
    e.lastError = SuppressionOutbox.clipError(error);
    e.due = retryAt;
    e.attempts++;
  }

  @Override
  public synchronized void addBatchCounts(Counts counts, String batchKey) {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(batchKey, "batchKey");
    available("add a batch's counts");
    if (batchKeys.add(batchKey)) {
      addCountsLocked(counts);
    }
  }

  @Override
  public synchronized void addCounts(Counts counts) {
    Objects.requireNonNull(counts, "counts");
    available("add counts");
    addCountsLocked(counts);
  }

  @Override
  public synchronized Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    available("read counters");
    Map<Instant, Map<CounterField, Long>> out = new TreeMap<>();
    counters.forEach(
        (key, fields) -> {
          if (key.scope().equals(scope)
              && !key.hour().isBefore(fromHour)
              && !key.hour().isAfter(toHour)) {
            out.put(key.hour(), Collections.unmodifiableMap(new EnumMap<>(fields)));
          }
        });
    return Collections.unmodifiableMap(out);
  }

  // ------------------------------------------------------------------ SuppressionAdmin

  /** Address to its removals, oldest first. */
  private final Map<String, List<Removal>> removals = new HashMap<>();

  /** Address to its queued delete. */
  private final Map<String, PendingDelete> deletes = new TreeMap<>();

  private Instant importedAt;

  @Override
  public synchronized Optional<Removal> remove(String address, String by, String why, Instant at) {
    Objects.requireNonNull(at, "at");
    available("remove " + address);
    Entry e = suppressions.get(address);
    if (e == null) {
      return Optional.empty();
    }
    Removal removal = Removal.of(e.toRecord(), by, why, at);
    suppressions.remove(address);
    removals.computeIfAbsent(address, a -> new ArrayList<>()).add(removal);
    if (!e.simulator) {
      deletes.put(address, new PendingDelete(address, at, at, 0, null));
    }
    return Optional.of(removal);
  }

  @Override
  public synchronized List<Removal> removals(String address) {
    available("read removals");
    return List.copyOf(removals.getOrDefault(address, List.of()));
  }

  @Override
  public synchronized List<PendingDelete> pendingDeletes(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 0) {
      throw new IllegalArgumentException("negative limit: " + limit);
    }
    available("read queued deletes");
    return deletes.values().stream()
        .filter(d -> !d.due().isAfter(now))
        .sorted(Comparator.comparing(PendingDelete::due).thenComparing(PendingDelete::address))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized int pendingDeleteCount() {
    available("count queued deletes");
    return deletes.size();
  }

  @Override
  public synchronized void markDeleted(String address, Instant at) {
    Objects.requireNonNull(at, "at");
    available("mark a delete done");
    deletes.remove(address);
  }

  @Override
  public synchronized void markDeleteFailed(String address, String error, Instant retryAt) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(retryAt, "retryAt");
    available("record a refused delete");
    PendingDelete d = deletes.get(address);
    if (d == null) {
      throw new IllegalStateException("cannot record a refused delete: none is queued");
    }
    deletes.put(
        address,
        new PendingDelete(
            address, d.queuedAt(), retryAt, d.attempts() + 1, SuppressionOutbox.clipError(error)));
  }

  @Override
  public synchronized boolean recordImported(
      String address, SuppressionReason reason, Instant sesTime, Instant now) {
    Objects.requireNonNull(now, "now");
    available("import " + address);
    if (suppressions.containsKey(address)) {
      return false;
    }
    Entry e = new Entry(SuppressionUpdate.imported(address, reason, sesTime), now);
    e.syncedAt = now;
    e.note = "already on SES's account-level list (imported)";
    suppressions.put(address, e);
    return true;
  }

  @Override
  public synchronized void markLocalOnly(String address, String why, Instant at) {
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(at, "at");
    available("keep " + address + " local");
    Entry e = existing(address, "keep it off SES's list");
    e.state = SesSyncState.LOCAL_ONLY;
    e.syncedAt = at;
    e.lastError = null;
    e.note = why;
  }

  @Override
  public synchronized Optional<Instant> importedAt() {
    available("read the import mark");
    return Optional.ofNullable(importedAt);
  }

  @Override
  public synchronized void markImported(Instant at) {
    Objects.requireNonNull(at, "at");
    available("mark the import done");
    importedAt = at;
  }

  // ------------------------------------------------------------------ RecipientRefusals

  private final Map<String, Refusal> refusals = new TreeMap<>();

  @Override
  public synchronized void note(Refusal refusal) {
    available("note a refusal");
    refusals.merge(refusal.domain(), refusal, (a, b) -> b.at().isBefore(a.at()) ? a : b);
  }

  @Override
  public synchronized Map<String, Refusal> since(Instant since) {
    available("read refusals");
    Map<String, Refusal> out = new TreeMap<>();
    refusals.forEach(
        (domain, r) -> {
          if (!r.at().isBefore(since)) {
            out.put(domain, r);
          }
        });
    return out;
  }

  @Override
  public synchronized Set<Scope> activeScopes(Instant since, Instant until) {
    available("read active scopes");
    Instant from = since.truncatedTo(ChronoUnit.DAYS);
    Instant to = until.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    Set<Scope> scopes = new TreeSet<>(Comparator.comparing(Scope::key));
    for (CounterKey key : counters.keySet()) {
      if (!key.hour().isBefore(from) && key.hour().isBefore(to)) {
        scopes.add(key.scope());
      }
    }
    return scopes;
  }

  // ------------------------------------------------------------------ test hooks

  /**
   * Runs {@code hook} at the start of every {@link #applyOnce} call: e.g. advancing a {@link
   * MutableClock} by the time a throttled store's retries would take, without sleeping.
   */
  public synchronized void beforeEachApply(Runnable hook) {
    beforeEachApply = Objects.requireNonNull(hook, "hook");
  }

  /**
   * Makes the next {@code n} {@link #applyOnce} calls fail as a store outage would: none of their
   * effects is applied, all are reported in {@link ApplyResult#failed()}; the operational counts
   * are still written (alone), as the port prescribes when no group commits.
   */
  public synchronized void failNextApplies(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative count: " + n);
    }
    failNextApplies = n;
  }

  /**
   * Makes the next {@code n} calls of any port method other than {@link #applyOnce} throw {@link
   * StoreUnavailableException} without changing anything.
   */
  public synchronized void unavailableForNext(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative count: " + n);
    }
    unavailableCalls = n;
  }

  /** How many times {@link #applyOnce} was called (failed calls included). */
  public synchronized int applyCalls() {
    return applyCalls;
  }

  // ------------------------------------------------------------------ assertions

  /** The live ledger entries. */
  public synchronized int ledgerSize() {
    Instant now = clock.instant();
    return (int) ledger.keySet().stream().filter(k -> inLedger(k, now)).count();
  }

  /** Whether {@code ledgerKey} is in the live ledger. */
  public synchronized boolean ledgerContains(String ledgerKey) {
    return inLedger(ledgerKey, clock.instant());
  }

  /** The counters of {@code scope} in the UTC hour holding {@code time} (empty when none). */
  public synchronized Map<CounterField, Long> counts(Scope scope, Instant time) {
    EnumMap<CounterField, Long> fields = counters.get(CounterKey.of(scope, time));
    return fields == null
        ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<CounterField, Long>(fields));
  }

  /** One counter of {@code scope} in the UTC hour holding {@code time}. */
  public synchronized long count(Scope scope, Instant time, CounterField field) {
    EnumMap<CounterField, Long> fields = counters.get(CounterKey.of(scope, time));
    return fields == null ? 0 : fields.getOrDefault(field, 0L);
  }

  /** One counter of {@code scope} summed over all hours. */
  public synchronized long total(Scope scope, CounterField field) {
    long sum = 0;
    for (Map.Entry<CounterKey, EnumMap<CounterField, Long>> e : counters.entrySet()) {
      if (e.getKey().scope().equals(scope)) {
        sum += e.getValue().getOrDefault(field, 0L);
      }
    }
    return sum;
  }

  /** Every counter bucket, copied (for before/after comparisons). */
  public synchronized Map<CounterKey, Map<CounterField, Long>> allCounters() {
    Map<CounterKey, Map<CounterField, Long>> out = new HashMap<>();
    counters.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
    return Collections.unmodifiableMap(out);
  }

  /** The entry for {@code address}, if any. */
  public synchronized Optional<SuppressionEntry> suppression(String address) {
    Entry e = suppressions.get(address);
    return e == null ? Optional.empty() : Optional.of(e.toRecord());
  }

  /** Why {@link #markNotNeeded} was called for {@code address}, if it was. */
  public synchronized Optional<String> notNeededWhy(String address) {
    Entry e = suppressions.get(address);
    return e == null ? Optional.empty() : Optional.ofNullable(e.note);
  }

  /** When {@code address}'s entry is next due in the outbox (meaningful while PENDING). */
  public synchronized Optional<Instant> dueAt(String address) {
    Entry e = suppressions.get(address);
    return e == null ? Optional.empty() : Optional.of(e.due);
  }

  /** How many entries are in each SES state (states without entries are absent). */
  public synchronized Map<SesSyncState, Long> countByState() {
    Map<SesSyncState, Long> out = new EnumMap<>(SesSyncState.class);
    suppressions.values().forEach(e -> out.merge(e.state, 1L, Long::sum));
    return Collections.unmodifiableMap(out);
  }

  /** Every soft bounce recorded for {@code address}, oldest first. */
  public synchronized List<Instant> softBounceHistory(String address) {
    List<Instant> out = new ArrayList<>(softBounces.getOrDefault(address, Map.of()).values());
    out.sort(Comparator.naturalOrder());
    return out;
  }

  // ------------------------------------------------------------------ internals

  private boolean inLedger(String key, Instant now) {
    Instant recorded = ledger.get(key);
    return recorded != null
        && (ledgerRetention == null || now.isBefore(recorded.plus(ledgerRetention)));
  }

  /** Whether the update created the entry. */
  private boolean update(SuppressionUpdate u, Instant now) {
    Entry e = suppressions.get(u.address());
    boolean created = e == null;
    if (created) {
      e = new Entry(u, now);
      suppressions.put(u.address(), e);
    } else {
      e.lastSeen = u.eventTime();
      if (u.feedbackId() != null) {
        e.lastFeedbackId = u.feedbackId();
      }
      if (u.diagnostic() != null && !u.diagnostic().isEmpty()) {
        e.diagnostic = u.diagnostic();
      }
    }
    e.count++;
    return created;
  }

  private void addCountsLocked(Counts counts) {
    counts
        .buckets()
        .forEach(
            (key, fields) ->
                fields.forEach(
                    (field, n) ->
                        counters
                            .computeIfAbsent(key, k -> new EnumMap<>(CounterField.class))
                            .merge(field, n, Long::sum)));
  }

  private Entry existing(String address, String what) {
    Entry e = suppressions.get(address);
    if (e == null) {
      throw new IllegalStateException(
          "cannot " + what + ": " + address + " is not on the suppression list");
    }
    return e;
  }

  private void available(String operation) {
    if (unavailableCalls > 0) {
      unavailableCalls--;
      throw new StoreUnavailableException(
          operation, new IllegalStateException("injected outage (InMemoryFeedbackStore)"));
    }
  }

  /** The mutable state of one suppression entry. */
  private static final class Entry {
    final String address;
    final SuppressionReason reason;
    final SuppressionOrigin origin;
    final Instant firstSeen;
    final Instant recordedAt;
    final String firstLedgerKey;
    final boolean simulator;
    final String configurationSet;
    Instant lastSeen;
    long count;
    String lastFeedbackId;
    String diagnostic;
    SesSyncState state;
    String lastError;
    int attempts;
    Instant syncedAt;
    Instant due;
    String note;

    Entry(SuppressionUpdate u, Instant now) {
      this.address = u.address();
      this.reason = u.reason();
      this.origin = u.origin();
      this.firstSeen = u.eventTime();
      this.lastSeen = u.eventTime();
      this.recordedAt = now;
      this.firstLedgerKey = u.ledgerKey();
      this.simulator = u.simulator();
      this.configurationSet = u.configurationSet();
      this.lastFeedbackId = u.feedbackId();
      this.diagnostic = u.diagnostic() == null || u.diagnostic().isEmpty() ? null : u.diagnostic();
      this.state = u.initialState();
      this.due = now;
    }

    SuppressionEntry toRecord() {
      return new SuppressionEntry(
          address,
          reason,
          origin,
          firstSeen,
          lastSeen,
          count,
          lastFeedbackId,
          diagnostic,
          recordedAt,
          firstLedgerKey,
          state,
          lastError,
          attempts,
          syncedAt,
          simulator,
          configurationSet);
    }
  }
}
