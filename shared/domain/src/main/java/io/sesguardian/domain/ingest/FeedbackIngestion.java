/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.RawDelivery;
import io.sesguardian.domain.time.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ingest use case every entry point shares (the SNS and SQS Lambda handlers, {@code guardian
 * replay}): raw deliveries in, one outcome per delivery id out. Deliveries are normalised and
 * stored a unit at a time ({@code unitSize} deliveries, whose counters are written together).
 *
 * <p>Before each unit the deadline is asked whether another unit still fits, judged by the longest
 * unit so far: when it does not, the remaining deliveries are {@link DeliveryOutcome#NOT_STARTED}
 * and the caller answers in time (an SQS batch hands them back to the queue). A unit whose store is
 * unavailable is {@link DeliveryOutcome#FAILED} as a whole; nothing of it was applied twice.
 */
public final class FeedbackIngestion {

  private final FeedbackNormalizer normalizer;
  private final IngestService service;
  private final int unitSize;
  private final RejectedItems kept;

  public FeedbackIngestion(FeedbackNormalizer normalizer, IngestService service, int unitSize) {
    this(normalizer, service, unitSize, RejectedItems.NONE);
  }

  /**
   * Like {@link #FeedbackIngestion(FeedbackNormalizer, IngestService, int)}, keeping each delivery
   * that holds a rejected item in {@code kept} (before its unit is stored: a unit whose keeping
   * fails is {@link DeliveryOutcome#FAILED} and delivered again).
   */
  public FeedbackIngestion(
      FeedbackNormalizer normalizer, IngestService service, int unitSize, RejectedItems kept) {
    if (unitSize < 1) {
      throw new IllegalArgumentException("unitSize must be at least 1: " + unitSize);
    }
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    this.service = Objects.requireNonNull(service, "service");
    this.unitSize = unitSize;
    this.kept = Objects.requireNonNull(kept, "kept");
  }

  /** Ingests {@code deliveries} in order, starting no unit the deadline has no time for. */
  public IngestResult ingest(List<RawDelivery> deliveries, Deadline deadline) {
    Map<String, DeliveryOutcome> outcomes = new LinkedHashMap<>();
    IngestReport total = IngestReport.empty();
    Duration longest = Duration.ZERO;
    for (int start = 0; start < deliveries.size(); start += unitSize) {
      List<RawDelivery> unit =
          deliveries.subList(start, Math.min(start + unitSize, deliveries.size()));
      if (deadline.expired() || !deadline.allows(longest)) {
        unit.forEach(d -> outcomes.put(d.id(), DeliveryOutcome.NOT_STARTED));
        continue;
      }
      Instant began = deadline.clock().instant();
      total = total.plus(unit(unit, outcomes, began));
      Duration took = Duration.between(began, deadline.clock().instant());
      longest = took.compareTo(longest) > 0 ? took : longest;
    }
    return new IngestResult(outcomes, total);
  }

  private IngestReport unit(
      List<RawDelivery> unit, Map<String, DeliveryOutcome> outcomes, Instant now) {
    List<Normalized> normalized = new ArrayList<>(unit.size());
    List<RejectedItem> toKeep = new ArrayList<>();
    // Which delivery each record came from, by identity: failures map back without parsing ids.
    Map<FeedbackRecord, String> origin = new IdentityHashMap<>();
    for (RawDelivery d : unit) {
      Normalized n = normalizer.normalize(d);
      normalized.add(n);
      n.records().forEach(r -> origin.put(r, d.id()));
      outcomes.put(d.id(), settled(n));
      if (!n.rejections().isEmpty()) {
        toKeep.add(
            d.message() == null
                // The envelope was refused before any message: only its trace can be kept.
                ? new RejectedItem(RejectedItem.idOf(d.id()), d.id(), now, null, 0, n.rejections())
                : RejectedItem.of(d.id(), d.message(), now, n.rejections()));
      }
    }
    IngestReport report;
    try {
      for (RejectedItem item : toKeep) {
        kept.keep(item);
      }
      report = service.ingest(normalized);
    } catch (StoreUnavailableException e) {
      unit.forEach(d -> outcomes.put(d.id(), DeliveryOutcome.FAILED));
      List<FeedbackRecord> notStored = new ArrayList<>(origin.keySet());
      return new IngestReport(
          normalized.stream().mapToInt(Normalized::items).sum(),
          Map.of(),
          0,
          normalized.stream().flatMap(n -> n.ignored().stream()).toList(),
          normalized.stream().flatMap(n -> n.rejections().stream()).toList(),
          List.of(),
          List.of(),
          notStored);
    }
    for (FeedbackRecord r : report.failed()) {
      String id = origin.get(r);
      if (id != null) {
        outcomes.put(id, DeliveryOutcome.FAILED);
      }
    }
    return report;
  }

  private static DeliveryOutcome settled(Normalized n) {
    if (!n.records().isEmpty()) {
      return DeliveryOutcome.STORED;
    }
    return n.rejections().isEmpty() ? DeliveryOutcome.IGNORED : DeliveryOutcome.REJECTED;
  }
}
