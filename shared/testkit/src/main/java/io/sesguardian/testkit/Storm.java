/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.feedback.Category;
import io.sesguardian.domain.feedback.FeedbackKind;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A feedback storm for fault tests, store-agnostic: SES notifications in delivery units (single SNS
 * deliveries and SQS batches of ten, with repeats and both channels), optionally with a poison item
 * in every n-th unit, and a delivery loop with SQS's semantics (a failed item alone goes back to
 * the queue; after {@link #MAX_RECEIVES} receives it goes to the dead-letter queue; an exception
 * sends the whole unit back).
 */
public final class Storm {

  /** SQS's {@code maxReceiveCount} in template.yaml. */
  public static final int MAX_RECEIVES = 5;

  /** In a poison item the store refuses: a sender domain whose counter key DynamoDB cannot hold. */
  public static final String STORE_POISON = "poison-store-";

  /** In a poison item the normaliser rejects: a configuration set longer than SES allows. */
  public static final String REJECTED_POISON = "poison-rejected-";

  private Storm() {}

  /** One delivered document and the source name it is ingested under. */
  public record Doc(String source, String json) {
    public boolean poison() {
      return json.contains(STORE_POISON) || json.contains(REJECTED_POISON);
    }

    public boolean storePoison() {
      return json.contains(STORE_POISON);
    }

    public boolean rejectedPoison() {
      return json.contains(REJECTED_POISON);
    }
  }

  /** What a delivery loop ended with. */
  public record Result(
      Set<String> deadLetters, Set<String> rejected, int redeliveries, int receives) {}

  /**
   * At least {@code notifications} notifications, from {@code start} over two days, in units; when
   * {@code poisonEvery > 0}, every {@code poisonEvery}-th unit also holds one poison item
   * (alternately one the store refuses and one the normaliser rejects). Address pools scale with
   * the storm so that repeats per address (and soft-bounce escalations) stay.
   */
  public static List<List<Doc>> generate(
      Random random, Instant start, int notifications, int poisonEvery) {
    int scale = Math.max(1, 10_000 / notifications);
    List<String> all = new ArrayList<>();
    for (int i = 0; all.size() < notifications; i++) {
      Instant t = start.plusSeconds(random.nextInt(48 * 3600));
      int roll = random.nextInt(100);
      String json;
      if (roll < 30) {
        json =
            bounce(
                random.nextBoolean(),
                "Permanent",
                "General",
                "hard" + random.nextInt(2500 / scale) + "@example.com",
                "h" + i,
                t,
                "");
      } else if (roll < 45) {
        json = complaint("c" + random.nextInt(1000 / scale) + "@example.net", "c" + i, t);
      } else if (roll < 60) {
        json =
            bounce(
                true,
                "Transient",
                "MailboxFull",
                "soft" + random.nextInt(300 / scale) + "@example.org",
                "s" + i,
                t,
                "");
      } else {
        json = delivery("d" + random.nextInt(100_000 / scale) + "@example.com", "d" + i, t);
      }
      all.add(json);
      if (random.nextInt(10) == 0) {
        all.add(json); // SNS delivered it twice
      }
      if (roll < 30 && random.nextInt(20) == 0) {
        all.add(json.replace("\"notificationType\"", "\"eventType\"")); // both channels
      }
    }
    List<List<Doc>> units = new ArrayList<>();
    int doc = 0;
    int poisons = 0;
    for (int i = 0; i < all.size(); ) {
      int size = random.nextBoolean() ? 1 : Math.min(10, all.size() - i);
      List<Doc> unit = new ArrayList<>();
      for (String json : all.subList(i, i + size)) {
        unit.add(new Doc("doc-" + doc++, json));
      }
      if (poisonEvery > 0 && units.size() % poisonEvery == poisonEvery - 1) {
        String json = poison(poisons++, start.plusSeconds(random.nextInt(48 * 3600)));
        unit.add(random.nextInt(unit.size() + 1), new Doc("doc-" + doc++, json));
        if (unit.size() > 10) {
          // Keep SQS's batch limit: the poison displaces the last notification into a unit alone.
          Doc moved = unit.remove(unit.size() - 1);
          units.add(unit);
          unit = new ArrayList<>(List.of(moved));
        }
      }
      units.add(List.copyOf(unit));
      i += size;
    }
    return units;
  }

  /**
   * What a perfect pipeline ends with: the poison set apart by kind, and the distinct records (by
   * idempotency key) of the rest counted once.
   *
   * @param suppressionCounts per address, the hard bounces and complaints recorded for it
   */
  public record Expected(
      Set<String> storePoison,
      Set<String> rejectedPoison,
      Map<String, Long> suppressionCounts,
      long hardBounces,
      long complaints,
      long deliveries) {}

  /** The {@link Expected} end of delivering {@code units}. */
  public static Expected expected(List<List<Doc>> units, FeedbackNormalizer normalizer) {
    Map<String, FeedbackRecord> distinct = new HashMap<>();
    Set<String> storePoison = new HashSet<>();
    Set<String> rejectedPoison = new HashSet<>();
    for (List<Doc> unit : units) {
      for (Doc doc : unit) {
        if (doc.storePoison()) {
          storePoison.add(doc.source());
          continue;
        }
        if (doc.rejectedPoison()) {
          rejectedPoison.add(doc.source());
        }
        for (FeedbackRecord r : normalizer.normalize("x", doc.json()).records()) {
          distinct.putIfAbsent(r.idempotencyKey().orElseThrow(), r);
        }
      }
    }
    Map<String, Long> counts = new HashMap<>();
    long hard = 0;
    long complaints = 0;
    long deliveries = 0;
    for (FeedbackRecord r : distinct.values()) {
      Category c = r.classification().category();
      if (c == Category.HARD_BOUNCE || c == Category.COMPLAINT) {
        counts.merge(r.address(), 1L, Long::sum);
      }
      hard += c == Category.HARD_BOUNCE ? 1 : 0;
      complaints += c == Category.COMPLAINT ? 1 : 0;
      deliveries += r.kind() == FeedbackKind.DELIVERY ? 1 : 0;
    }
    return new Expected(
        Set.copyOf(storePoison),
        Set.copyOf(rejectedPoison),
        Map.copyOf(counts),
        hard,
        complaints,
        deliveries);
  }

  /**
   * Delivers {@code units} with {@code threads} workers until every item is stored, rejected or in
   * the dead-letter queue.
   */
  public static Result deliver(
      List<List<Doc>> units,
      FeedbackNormalizer normalizer,
      IngestService service,
      int threads,
      Duration limit)
      throws Exception {
    ConcurrentLinkedQueue<List<Doc>> queue = new ConcurrentLinkedQueue<>(units);
    Map<String, Integer> receives = new ConcurrentHashMap<>();
    Set<String> dead = ConcurrentHashMap.newKeySet();
    Set<String> rejected = ConcurrentHashMap.newKeySet();
    AtomicInteger redeliveries = new AtomicInteger();
    AtomicInteger received = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        running.add(
            workers.submit(
                () -> {
                  List<Doc> unit;
                  while ((unit = queue.poll()) != null) {
                    received.incrementAndGet();
                    List<Normalized> docs = new ArrayList<>();
                    for (Doc d : unit) {
                      receives.merge(d.source(), 1, Integer::sum);
                      docs.add(normalizer.normalize(d.source(), d.json()));
                    }
                    Set<String> failed;
                    try {
                      IngestReport report = service.ingest(docs);
                      for (Rejection r : report.rejected()) {
                        rejected.add(documentOf(r.source()));
                      }
                      failed = ConcurrentHashMap.newKeySet();
                      for (String source : report.failedSources()) {
                        failed.add(documentOf(source));
                      }
                    } catch (RuntimeException e) {
                      failed = Set.copyOf(unit.stream().map(Doc::source).toList());
                    }
                    List<Doc> back = new ArrayList<>();
                    for (Doc d : unit) {
                      if (failed.contains(d.source())) {
                        if (receives.get(d.source()) >= MAX_RECEIVES) {
                          dead.add(d.source());
                        } else {
                          back.add(d);
                        }
                      }
                    }
                    if (!back.isEmpty()) {
                      redeliveries.incrementAndGet();
                      queue.add(List.copyOf(back));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      workers.shutdownNow();
    }
    return new Result(Set.copyOf(dead), Set.copyOf(rejected), redeliveries.get(), received.get());
  }

  /** The document a record or rejection source names ({@code doc-7#2} is item 2 of doc-7). */
  private static String documentOf(String source) {
    int item = source.indexOf('#');
    return item < 0 ? source : source.substring(0, item);
  }

  private static String poison(int n, Instant t) {
    String address = "poison" + n + "@example.com";
    String tags =
        n % 2 == 0
            // Within the normaliser's 2,048-character tag limit; its counter key C#domain:{name}
            // is over DynamoDB's 2,048-byte partition key limit.
            ? ",\"tags\":{\"ses:from-domain\":[\""
                + STORE_POISON
                + n
                + "-"
                + "p".repeat(2030)
                + "\"]}"
            : ",\"tags\":{\"ses:configuration-set\":[\""
                + REJECTED_POISON
                + n
                + "-"
                + "c".repeat(60)
                + "\"]}";
    return bounce(true, "Permanent", "General", address, "poison-" + n, t, tags)
        .replace("\"source\":\"news@shop.example\",", "");
  }

  private static String bounce(
      boolean notification,
      String type,
      String subType,
      String to,
      String id,
      Instant t,
      String mailExtra) {
    return String.format(
        Locale.ROOT,
        ("{\"%s\":\"Bounce\",\"bounce\":{\"bounceType\":\"%s\",\"bounceSubType\":\"%s\","
            + "\"feedbackId\":\"fb-%s\",\"timestamp\":\"%s\",\"bouncedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\"%s}}"),
        notification ? "notificationType" : "eventType",
        type,
        subType,
        id,
        t,
        to,
        t,
        id,
        mailExtra);
  }

  private static String complaint(String to, String id, Instant t) {
    return String.format(
        Locale.ROOT,
        ("{\"notificationType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"fb-%s\","
            + "\"complaintFeedbackType\":\"abuse\",\"timestamp\":\"%s\",\"complainedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\"}}"),
        id,
        t,
        to,
        t,
        id);
  }

  private static String delivery(String to, String id, Instant t) {
    return String.format(
        Locale.ROOT,
        ("{\"notificationType\":\"Delivery\",\"delivery\":{\"timestamp\":\"%s\",\"recipients\":[\"%s\"]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\"}}"),
        t,
        to,
        t,
        id);
  }
}
