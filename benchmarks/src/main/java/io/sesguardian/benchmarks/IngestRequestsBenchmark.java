/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.DynamoDbFeedbackStore;
import io.sesguardian.aws.DynamoDbTables;
import io.sesguardian.aws.RequestCounter;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.sync.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * DynamoDB requests per notification on the ingest paths, counted by an SDK interceptor, and the
 * batch path's throughput against DynamoDB on moto (loopback). Prints Markdown.
 *
 * <p>Run from the repository root: {@code java -cp "benchmarks/target/benchmarks.jar"
 * io.sesguardian.benchmarks.IngestRequestsBenchmark [notifications] [repetitions]}.
 */
public final class IngestRequestsBenchmark {

  private static final List<String> WRITES =
      List.of("TransactWriteItems", "PutItem", "UpdateItem", "BatchWriteItem", "DeleteItem");
  private static final List<String> READS = List.of("Query", "BatchGetItem", "GetItem", "Scan");

  /** Counts counter-item updates inside transactions (items whose key starts with {@code C#}). */
  static final class TransactionItems implements ExecutionInterceptor {
    final AtomicLong transactions = new AtomicLong();
    final AtomicLong items = new AtomicLong();
    final AtomicLong counterUpdates = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof TransactWriteItemsRequest request) {
        transactions.incrementAndGet();
        items.addAndGet(request.transactItems().size());
        for (TransactWriteItem item : request.transactItems()) {
          if (item.update() != null && item.update().key().get("pk").s().startsWith("C#")) {
            counterUpdates.incrementAndGet();
          }
        }
      }
    }
  }

  private IngestRequestsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    MotoDynamoDbServer.runAndExit(endpoint -> run(endpoint, n, repetitions));
  }

  private static void run(URI endpoint, int n, int repetitions) throws Exception {
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    System.out.printf(
        Locale.ROOT,
        "# Ingest requests per notification (%s, %d notifications per scenario)%n%n",
        Instant.now(),
        n);
    System.out.println(
        "| path | scenario | write requests / notification | read requests / notification"
            + " | transactions | items / transaction | counter updates / unit |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    Random random = new Random(1);

    List<String> hardOrComplaint = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hardOrComplaint.add(
          i % 3 == 0 ? complaint("c" + i, i) : bounce("Permanent", "General", "h" + i, i));
    }
    scenario(
        endpoint,
        normalizer,
        "SNS (1 per invoke)",
        "new hard bounce or complaint",
        hardOrComplaint,
        1,
        true);
    List<String> deliveries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      deliveries.add(delivery("d" + i, i));
    }
    scenario(endpoint, normalizer, "SNS (1 per invoke)", "delivery", deliveries, 1, false);
    List<String> soft = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      soft.add(bounce("Transient", "MailboxFull", "s" + i, i));
    }
    scenario(
        endpoint,
        normalizer,
        "SNS (1 per invoke)",
        "new soft bounce (escalation check)",
        soft,
        1,
        false);
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int roll = random.nextInt(100);
      mixed.add(
          roll < 5
              ? bounce("Permanent", "General", "mh" + i, i)
              : roll < 6
                  ? complaint("mc" + i, i)
                  : roll < 50 ? send("ms" + i, i) : delivery("md" + i, i));
    }
    scenario(
        endpoint,
        normalizer,
        "SQS (batches of 10)",
        "mixed traffic (5% bounces, 1% complaints)",
        mixed,
        10,
        false);
    scenario(endpoint, normalizer, "SNS (1 per invoke)", "same mixed traffic", mixed, 1, false);

    System.out.printf(
        Locale.ROOT,
        "%n## Batch-path throughput against DynamoDB on moto (loopback HTTP, URL-connection client)%n%n");
    double[] rates = new double[repetitions];
    for (int r = 0; r < repetitions; r++) {
      try (AwsClients clients = MotoDynamoDbServer.clients(endpoint)) {
        IngestService service = service(clients, "tp" + r);
        long start = System.nanoTime();
        ingestAll(service, normalizer, mixed, 10);
        rates[r] = n / ((System.nanoTime() - start) / 1e9);
      }
    }
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%d runs of %d notifications in SQS batches of 10, one thread: median %.0f notifications/s"
            + " (min %.0f, max %.0f)%n",
        repetitions,
        n,
        sorted[repetitions / 2],
        sorted[0],
        sorted[repetitions - 1]);
  }

  private static void scenario(
      URI endpoint,
      FeedbackNormalizer normalizer,
      String path,
      String name,
      List<String> notifications,
      int unit,
      boolean alsoDuplicates)
      throws Exception {
    RequestCounter counter = new RequestCounter();
    TransactionItems tx = new TransactionItems();
    try (AwsClients base = MotoDynamoDbServer.clients(endpoint);
        AwsClients clients = base.instrumented(counter, h -> h).instrumented(tx, h -> h)) {
      IngestService service = service(clients, "b" + System.nanoTime());
      counter.reset();
      ingestAll(service, normalizer, notifications, unit);
      print(path, name, notifications.size(), unit, counter, tx);
      if (alsoDuplicates) {
        counter.reset();
        ingestAll(service, normalizer, notifications, unit);
        System.out.printf(
            Locale.ROOT,
            "| %s | the same again (every one a duplicate: the refused transaction, then the"
                + " duplicate counter) | %.2f | %.2f | %d | %.1f | |%n",
            path,
            per(counter, WRITES, notifications.size()),
            per(counter, READS, notifications.size()),
            tx.transactions.get(),
            tx.items.get() / (double) Math.max(1, tx.transactions.get()));
        tx.transactions.set(0);
        tx.items.set(0);
        tx.counterUpdates.set(0);
      }
    }
  }

  private static void print(
      String path, String name, int n, int unit, RequestCounter counter, TransactionItems tx) {
    long units = (n + unit - 1) / unit;
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.2f | %.2f | %d | %.1f | %.1f |%n",
        path,
        name,
        per(counter, WRITES, n),
        per(counter, READS, n),
        tx.transactions.get(),
        tx.items.get() / (double) Math.max(1, tx.transactions.get()),
        tx.counterUpdates.get() / (double) units);
    tx.transactions.set(0);
    tx.items.set(0);
    tx.counterUpdates.set(0);
  }

  private static double per(RequestCounter counter, List<String> operations, int n) {
    Map<String, Long> calls = counter.calls();
    long total = 0;
    for (String op : operations) {
      total += calls.getOrDefault(op, 0L);
    }
    return total / (double) n;
  }

  private static IngestService service(AwsClients clients, String table) {
    var dynamo = clients.dynamoDb();
    DynamoDbTables.createIfMissing(dynamo, table);
    Clock clock = Clock.systemUTC();
    return new IngestService(
        new DynamoDbFeedbackStore(
            dynamo, table, DynamoDbFeedbackStore.Settings.DEFAULT, clock, Sleeper.REAL),
        IngestPolicy.DEFAULT,
        clock);
  }

  /** Normalises and ingests {@code notifications}, {@code unit} documents per call (benchmarks). */
  static void ingestAll(
      IngestService service, FeedbackNormalizer normalizer, List<String> notifications, int unit) {
    for (int from = 0; from < notifications.size(); from += unit) {
      List<Normalized> docs = new ArrayList<>();
      for (String json : notifications.subList(from, Math.min(notifications.size(), from + unit))) {
        docs.add(normalizer.normalize("bench", json));
      }
      IngestReport report = service.ingest(docs);
      if (!report.stored()) {
        throw new IllegalStateException("not stored: " + report.failedSources());
      }
    }
  }

  private static String time(int i) {
    return Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i * 7L).toString();
  }

  private static String bounce(String type, String subType, String id, int i) {
    return String.format(
        Locale.ROOT,
        ("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"%s\",\"bounceSubType\":\"%s\","
            + "\"feedbackId\":\"fb-%s\",\"timestamp\":\"%s\",\"bouncedRecipients\":[{\"emailAddress\":\"%s@example.com\"}]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\","
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}}"),
        type,
        subType,
        id,
        time(i),
        id,
        time(i),
        id);
  }

  private static String complaint(String id, int i) {
    return String.format(
        Locale.ROOT,
        ("{\"notificationType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"fb-%s\",\"timestamp\":\"%s\","
            + "\"complainedRecipients\":[{\"emailAddress\":\"%s@example.net\"}]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\","
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}}"),
        id,
        time(i),
        id,
        time(i),
        id);
  }

  private static String delivery(String id, int i) {
    return String.format(
        Locale.ROOT,
        ("{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"%s\",\"recipients\":[\"%s@example.org\"]},"
            + "\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\",\"source\":\"news@shop.example\","
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}}"),
        time(i),
        id,
        time(i),
        id);
  }

  private static String send(String id, int i) {
    return String.format(
        Locale.ROOT,
        ("{\"eventType\":\"Send\",\"send\":{},\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%s\","
            + "\"source\":\"news@shop.example\",\"destination\":[\"%s@example.org\"],"
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}}"),
        time(i),
        id,
        id);
  }
}
