/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.BatchCounters;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.domain.time.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every feedback role on one DynamoDB table (on-demand), for wiring: {@link DynamoDbLedger} (ledger
 * and counters, written in one transaction), {@link DynamoDbSoftBounceHistory}, {@link
 * DynamoDbSuppressionList} and {@link DynamoDbSuppressionOutbox}, all over one {@link DynamoTable}.
 * Every item has {@code pk} and {@code sk}; each adapter documents its items. Monitor state, canary
 * runs and reports live beside ({@link DynamoDbMonitorStore}, {@link DynamoDbCanaryStore}, {@link
 * DynamoDbReportArchive}).
 */
public final class DynamoDbFeedbackStore implements FeedbackStore, BatchCounters {

  /**
   * Retention settings.
   *
   * @param ledgerRetention how long ledger entries live (TTL)
   * @param softBounceRetention how long soft-bounce history lives (at least twice the window)
   * @param counterRetention how long hourly counters live
   */
  public record Settings(
      Duration ledgerRetention, Duration softBounceRetention, Duration counterRetention) {
    public static final Settings DEFAULT =
        new Settings(Duration.ofDays(14), Duration.ofDays(61), Duration.ofDays(400));

    public Settings {
      Objects.requireNonNull(ledgerRetention, "ledgerRetention");
      Objects.requireNonNull(softBounceRetention, "softBounceRetention");
      Objects.requireNonNull(counterRetention, "counterRetention");
    }
  }

  private final DynamoTable table;
  private final Settings settings;
  private final Clock clock;
  private final DynamoDbLedger ledger;
  private final DynamoDbSoftBounceHistory softBounces;
  private final DynamoDbSuppressionList suppressions;
  private final DynamoDbSuppressionOutbox outbox;

  /** The store on {@code table}, retrying by the default policy, without deadline. */
  public DynamoDbFeedbackStore(
      DynamoDbClient dynamo, String table, Settings settings, Clock clock, Sleeper sleeper) {
    this(DynamoTable.of(dynamo, table, sleeper, clock), settings, clock);
  }

  DynamoDbFeedbackStore(DynamoTable table, Settings settings, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ledger = new DynamoDbLedger(table, settings, clock);
    this.softBounces = new DynamoDbSoftBounceHistory(table);
    this.suppressions = new DynamoDbSuppressionList(table, ledger);
    this.outbox = new DynamoDbSuppressionOutbox(table, ledger);
  }

  /**
   * The same store for one unit of work that must answer by {@code deadline}: no retry starts that
   * would end after it; a call that cannot finish in time throws {@link
   * io.sesguardian.domain.ingest.StoreUnavailableException} ({@link #applyOnce} reports the effects
   * it could not write as failed).
   */
  public DynamoDbFeedbackStore withDeadline(Deadline deadline) {
    return new DynamoDbFeedbackStore(table.withDeadline(deadline), settings, clock);
  }

  /** The monitor store on the same table, reading these counters. */
  public DynamoDbMonitorStore monitorStore() {
    return new DynamoDbMonitorStore(table, ledger);
  }

  /** The canary runs on the same table (observations are written by {@link #applyOnce}). */
  public DynamoDbCanaryStore canaryStore() {
    return new DynamoDbCanaryStore(table);
  }

  /** Removals, imports and queued deletes on the same table. */
  public DynamoDbSuppressionAdmin suppressionAdmin() {
    return new DynamoDbSuppressionAdmin(table);
  }

  /** The latest sender-side refusal per recipient domain, on the same table. */
  public DynamoDbRecipientRefusals recipientRefusals() {
    return new DynamoDbRecipientRefusals(table);
  }

  /** The verified domains the monitor keeps, on the same table. */
  public DynamoDbVerifiedDomains verifiedDomains() {
    return new DynamoDbVerifiedDomains(table);
  }

  /** The weekly report archive on the same table. */
  public DynamoDbReportArchive reportArchive() {
    return new DynamoDbReportArchive(table, clock);
  }

  /** Rejected input kept in the same table for {@link RejectedItems#DEFAULT_RETENTION}. */
  public DynamoDbRejectedItems rejectedItems() {
    return new DynamoDbRejectedItems(table, clock, RejectedItems.DEFAULT_RETENTION);
  }

  @Override
  public ApplyResult applyOnce(List<Effect> effects, Counts operational, CounterKey duplicatesKey) {
    return ledger.applyOnce(effects, operational, duplicatesKey);
  }

  @Override
  public void addBatchCounts(Counts counts, String batchKey) {
    ledger.addBatchCounts(counts, batchKey);
  }

  @Override
  public void addCounts(Counts counts) {
    ledger.addCounts(counts);
  }

  @Override
  public Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    return ledger.counters(scope, fromHour, toHour);
  }

  @Override
  public Set<Scope> activeScopes(Instant since, Instant until) {
    return ledger.activeScopes(since, until);
  }

  @Override
  public List<Instant> softBounceTimes(String address, Instant since, Instant until) {
    return softBounces.softBounceTimes(address, since, until);
  }

  @Override
  public boolean suppressIfAbsent(SuppressionUpdate update, Instant now) {
    return suppressions.suppressIfAbsent(update, now);
  }

  @Override
  public Map<String, SuppressionEntry> suppressions(Collection<String> addresses) {
    return suppressions.suppressions(addresses);
  }

  @Override
  public List<SuppressionEntry> allSuppressions() {
    return suppressions.allSuppressions();
  }

  @Override
  public List<SuppressionEntry> suppressionsRecordedSince(Instant since) {
    return suppressions.suppressionsRecordedSince(since);
  }

  @Override
  public long suppressionCount() {
    return suppressions.suppressionCount();
  }

  @Override
  public List<SuppressionEntry> pendingOutbox(Instant now, int limit) {
    return outbox.pendingOutbox(now, limit);
  }

  @Override
  public int pendingOutboxSize() {
    return outbox.pendingOutboxSize();
  }

  @Override
  public void markSynced(String address, Instant at) {
    outbox.markSynced(address, at);
  }

  @Override
  public void markNotNeeded(String address, String why, Instant at) {
    outbox.markNotNeeded(address, why, at);
  }

  @Override
  public void markFailed(String address, String error, Instant retryAt) {
    outbox.markFailed(address, error, retryAt);
  }
}
