/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.DynamoDbFeedbackStore;
import io.sesguardian.aws.DynamoDbTables;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.sync.Sleeper;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * DynamoDB write units of the ingest, computed by AWS's documented rules from every write request
 * the store sends (an SDK interceptor logs each item written) and the written items' sizes (read
 * back with a Scan after each scenario), and ingest throughput against a naive
 * one-PutItem-per-event handler on the same engine (moto) in the same run. Prints Markdown.
 *
 * <p>Unit rules (Amazon DynamoDB Developer Guide): a standard write costs one write unit per 1 KB
 * of item size, rounded up per item, an {@code UpdateItem} the larger of the item's size before and
 * after; a transactional write costs two ("read-write-operations"); item size is the sum of
 * attribute names and values, numbers one byte per two significant digits plus one
 * ("CapacityUnitCalculations"); a write to an item that projects into a global secondary index
 * costs an index write for the index entry ("GSI.html#GSI.Writes"). Two columns: <b>rule</b>
 * charges an index write when the item enters the index (its first write in the scenario) or when
 * projected attributes change (the outbox index projects ALL, so every suppression update), at the
 * standard rate; <b>upper</b> charges an index write on every write of an indexed item, doubled in
 * a transaction. Item sizes are the final sizes (counter rows only grow, so this over-counts).
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.sesguardian.benchmarks.WriteCostBenchmark [sent] [batch] [repetitions]}.
 */
public final class WriteCostBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Traffic starts at the top of the current hour, so event hours and the hour of the operational
   * counters (written at "now") coincide as they do in production.
   */
  private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);

  private static final List<String> DOMAINS =
      List.of("gmail.com", "yahoo.com", "outlook.com", "example.org", "web.de");
  private static final AtomicInteger TABLES = new AtomicInteger();

  private WriteCostBenchmark() {}

  /** One written item of one request. */
  private record Write(String key, boolean transactional) {}

  /** Logs every item every write request names, in order. */
  static final class WriteLog implements ExecutionInterceptor {
    final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger requests = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      Object request = context.request();
      if (request instanceof TransactWriteItemsRequest t) {
        requests.incrementAndGet();
        for (TransactWriteItem item : t.transactItems()) {
          if (item.put() != null) {
            writes.add(new Write(key(item.put().item()), true));
          } else if (item.update() != null) {
            writes.add(new Write(key(item.update().key()), true));
          } else if (item.delete() != null) {
            writes.add(new Write(key(item.delete().key()), true));
          }
        }
      } else if (request instanceof PutItemRequest p) {
        requests.incrementAndGet();
        writes.add(new Write(key(p.item()), false));
      } else if (request instanceof UpdateItemRequest u) {
        requests.incrementAndGet();
        writes.add(new Write(key(u.key()), false));
      } else if (request
          instanceof software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest b) {
        requests.incrementAndGet();
        b.requestItems()
            .values()
            .forEach(
                list ->
                    list.forEach(
                        w -> {
                          if (w.putRequest() != null) {
                            writes.add(new Write(key(w.putRequest().item()), false));
                          }
                        }));
      }
    }

    void reset() {
      writes.clear();
      requests.set(0);
    }
  }

  /** Write units of a scenario by the two accountings. */
  record Units(double rule, double upper, int requests) {
    Units per(double n) {
      return new Units(rule / n, upper / n, requests);
    }
  }

  public static void main(String[] args) throws Exception {
    int sent = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    MotoDynamoDbServer.runAndExit(endpoint -> run(endpoint, sent, batch, repetitions));
  }

  private static void run(URI endpoint, int sent, int batch, int repetitions) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "# Write units (%s; mix of %,d sent messages, SQS batches of %d, %d repetitions)%n%n",
        Instant.now(),
        sent,
        batch,
        repetitions);

    // ---- each notification type alone, both wirings
    StringBuilder byType = new StringBuilder();
    byType.append(String.format(Locale.ROOT, "%n## Per notification, by type%n%n"));
    byType.append(
        "| type | SNS (1 per invoke): units rule / upper | SQS (one batch of the type): units"
            + " rule / upper | SQS batch size |\n");
    byType.append("|---|---:|---:|---:|\n");
    Map<String, Units> snsByType = new HashMap<>();
    Map<String, java.util.function.IntFunction<String>> types = new LinkedHashMap<>();
    types.put("Send", i -> send(i, T0.plusSeconds(i)));
    types.put("Delivery", i -> delivery(i, T0.plusSeconds(i)));
    types.put("DeliveryDelay", i -> delay(i, T0.plusSeconds(i)));
    types.put("Open", i -> open(i, T0.plusSeconds(i)));
    types.put("hard bounce", i -> bounce(i, "Permanent", "General", T0.plusSeconds(i)));
    types.put("soft bounce", i -> bounce(i, "Transient", "MailboxFull", T0.plusSeconds(i)));
    types.put("complaint", i -> complaint(i, T0.plusSeconds(i)));
    for (var type : types.entrySet()) {
      boolean ledgered = type.getKey().contains("bounce") || type.getKey().equals("complaint");
      List<String> sns = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        sns.add(type.getValue().apply(i));
      }
      int sqsSize = ledgered ? Math.min(batch, 200) : batch;
      List<String> sqs = new ArrayList<>();
      for (int i = 0; i < sqsSize; i++) {
        sqs.add(type.getValue().apply(i));
      }
      Units one = guardianUnits(endpoint, sns, 1, true).per(sns.size());
      Units many = guardianUnits(endpoint, sqs, sqsSize, true).per(sqs.size());
      snsByType.put(type.getKey(), one);
      byType.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f / %.2f | %.3f / %.3f | %d |%n",
              type.getKey(),
              one.rule,
              one.upper,
              many.rule,
              many.upper,
              sqsSize));
    }
    // The SNS wiring's mix, from its per-type rows (one invocation per notification).
    double snsRule =
        snsByType.get("Send").rule
            + 0.98 * snsByType.get("Delivery").rule
            + 0.01 * snsByType.get("hard bounce").rule
            + 0.0005 * snsByType.get("complaint").rule;
    double snsUpper =
        snsByType.get("Send").upper
            + 0.98 * snsByType.get("Delivery").upper
            + 0.01 * snsByType.get("hard bounce").upper
            + 0.0005 * snsByType.get("complaint").upper;

    // ---- the mix, recommended wiring (SQS batches, count-only events batched)
    List<String> mix = mix(sent);
    List<Units> mixUnits = new ArrayList<>();
    for (int r = 0; r < repetitions; r++) {
      mixUnits.add(guardianUnits(endpoint, mix, batch, true));
    }
    Units naiveMix = naiveUnits(endpoint, mix);
    System.out.printf(
        Locale.ROOT,
        "## Per 1 M sent messages (1 Send + 0.98 Delivery + 0.01 hard bounce + 0.0005 complaint"
            + " each: %,d notifications for %,d sent)%n%n",
        mix.size(),
        sent);
    System.out.println("| wiring | write units (rule) | write units (upper) | write requests |");
    System.out.println("|---|---:|---:|---:|");
    Units median = median(mixUnits);
    double perMillion = 1_000_000.0 / sent;
    System.out.printf(
        Locale.ROOT,
        "| SQS, batches of %d (recommended) | %,.0f | %,.0f | %,.0f |%n",
        batch,
        median.rule * perMillion,
        median.upper * perMillion,
        median.requests * perMillion);
    System.out.printf(
        Locale.ROOT,
        "| SNS, one notification per invoke (from the per-type rows below) | %,.0f | %,.0f |"
            + " %,.0f |%n",
        snsRule * 1_000_000,
        snsUpper * 1_000_000,
        1.9905 * 1_000_000);
    System.out.printf(
        Locale.ROOT,
        "| naive: one PutItem per notification | %,.0f | %,.0f | %,.0f |%n",
        naiveMix.rule * perMillion,
        naiveMix.upper * perMillion,
        naiveMix.requests * perMillion);

    System.out.print(byType);

    // ---- throughput against the naive baseline
    int tpSent = Math.min(sent, 5_000);
    List<String> tpMix = mix(tpSent);
    double[] guardian = new double[repetitions];
    double[] naive = new double[repetitions];
    for (int r = 0; r < repetitions; r++) {
      guardian[r] = guardianRate(endpoint, tpMix, batch);
      naive[r] = naiveRate(endpoint, tpMix);
    }
    Arrays.sort(guardian);
    Arrays.sort(naive);
    System.out.printf(
        Locale.ROOT,
        "%n## Throughput, same mix (%,d notifications), one thread, moto on loopback%n%n",
        tpMix.size());
    System.out.println("| handler | notifications/s median (min, max) |");
    System.out.println("|---|---:|");
    System.out.printf(
        Locale.ROOT,
        "| guardian, SQS batches of %d | %,.0f (%,.0f, %,.0f) |%n",
        batch,
        guardian[repetitions / 2],
        guardian[0],
        guardian[repetitions - 1]);
    System.out.printf(
        Locale.ROOT,
        "| naive, one PutItem per notification | %,.0f (%,.0f, %,.0f) |%n",
        naive[repetitions / 2],
        naive[0],
        naive[repetitions - 1]);
    System.out.printf(
        Locale.ROOT,
        "%nratio of medians: **%.1f×**%n",
        guardian[repetitions / 2] / naive[repetitions / 2]);
  }

  // ------------------------------------------------------------------ guardian

  private static Units guardianUnits(URI endpoint, List<String> notifications, int unit, boolean b)
      throws Exception {
    WriteLog log = new WriteLog();
    try (AwsClients base = MotoDynamoDbServer.clients(endpoint);
        AwsClients clients = base.instrumented(log, h -> h)) {
      DynamoDbClient dynamo = clients.dynamoDb();
      String table = newTable(dynamo);
      IngestService service = service(dynamo, table, b);
      log.reset();
      ingest(service, notifications, unit);
      try (DynamoDbClient clean = base.dynamoDb()) {
        return units(log, scan(clean, table));
      }
    }
  }

  private static double guardianRate(URI endpoint, List<String> notifications, int unit)
      throws Exception {
    try (AwsClients clients = MotoDynamoDbServer.clients(endpoint)) {
      DynamoDbClient dynamo = clients.dynamoDb();
      String table = newTable(dynamo);
      IngestService service = service(dynamo, table, true);
      long start = System.nanoTime();
      ingest(service, notifications, unit);
      return notifications.size() / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static IngestService service(DynamoDbClient dynamo, String table, boolean batching) {
    Clock clock = Clock.systemUTC();
    DynamoDbFeedbackStore store =
        new DynamoDbFeedbackStore(
            dynamo, table, DynamoDbFeedbackStore.Settings.DEFAULT, clock, Sleeper.REAL);
    IngestService service = new IngestService(store, IngestPolicy.DEFAULT, clock);
    return batching ? service.batchingCountOnlyEvents(store) : service;
  }

  private static void ingest(IngestService service, List<String> notifications, int unit) {
    IngestRequestsBenchmark.ingestAll(service, new FeedbackNormalizer(), notifications, unit);
  }

  // ------------------------------------------------------------------ naive baseline

  /**
   * The baseline: parse each notification and write one item for it with one {@code PutItem} (no
   * idempotency, no counters, no suppression list): the cheapest handler that writes every event.
   */
  private static void naiveIngest(DynamoDbClient dynamo, String table, List<String> notifications)
      throws Exception {
    for (String json : notifications) {
      JsonNode n = JSON.readTree(json);
      String type = n.path("eventType").asText(n.path("notificationType").asText("?"));
      JsonNode mail = n.path("mail");
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(
          "pk",
          AttributeValue.fromS(
              "E#" + mail.path("messageId").asText() + "#" + type.toLowerCase(Locale.ROOT)));
      item.put("sk", AttributeValue.fromS("E"));
      item.put("type", AttributeValue.fromS(type));
      item.put("at", AttributeValue.fromS(mail.path("timestamp").asText()));
      dynamo.putItem(r -> r.tableName(table).item(item));
    }
  }

  private static Units naiveUnits(URI endpoint, List<String> notifications) throws Exception {
    WriteLog log = new WriteLog();
    try (AwsClients base = MotoDynamoDbServer.clients(endpoint);
        AwsClients clients = base.instrumented(log, h -> h)) {
      DynamoDbClient dynamo = clients.dynamoDb();
      String table = newTable(dynamo);
      log.reset();
      naiveIngest(dynamo, table, notifications);
      try (DynamoDbClient clean = base.dynamoDb()) {
        return units(log, scan(clean, table));
      }
    }
  }

  private static double naiveRate(URI endpoint, List<String> notifications) throws Exception {
    try (AwsClients clients = MotoDynamoDbServer.clients(endpoint)) {
      DynamoDbClient dynamo = clients.dynamoDb();
      String table = newTable(dynamo);
      long start = System.nanoTime();
      naiveIngest(dynamo, table, notifications);
      return notifications.size() / ((System.nanoTime() - start) / 1e9);
    }
  }

  // ------------------------------------------------------------------ unit accounting

  private static Units units(WriteLog log, Map<String, Map<String, AttributeValue>> items) {
    double rule = 0;
    double upper = 0;
    Set<String> inScopes = new HashSet<>();
    List<Write> writes;
    synchronized (log.writes) {
      writes = new ArrayList<>(log.writes);
    }
    for (Write w : writes) {
      Map<String, AttributeValue> item = items.getOrDefault(w.key(), Map.of());
      int factor = w.transactional() ? 2 : 1;
      double base = kb(size(item)) * factor;
      rule += base;
      upper += base;
      if (item.containsKey("cday")) {
        // scopes index, keys only: the entry is pk, sk and cday
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("pk", item.get("pk"));
        entry.put("sk", item.get("sk"));
        entry.put("cday", item.get("cday"));
        int e = kb(size(entry));
        if (inScopes.add(w.key())) {
          rule += e;
        }
        upper += e * factor;
      }
      if (item.containsKey("sesState") && item.containsKey("obsk")) {
        // outbox index, projects ALL: every update changes projected attributes
        int e = kb(size(item));
        rule += e;
        upper += e * factor;
      }
    }
    return new Units(rule, upper, log.requests.get());
  }

  /** Write units of an item of {@code bytes}: one per started KB, at least one. */
  private static int kb(long bytes) {
    return (int) Math.max(1, (bytes + 1023) / 1024);
  }

  /** Item size by the developer guide's rules ("DynamoDB item sizes and formats"). */
  static long size(Map<String, AttributeValue> item) {
    long total = 0;
    for (var e : item.entrySet()) {
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
    }
    return total;
  }

  private static long valueSize(AttributeValue v) {
    if (v.s() != null) {
      return v.s().getBytes(StandardCharsets.UTF_8).length;
    }
    if (v.n() != null) {
      return numberSize(v.n());
    }
    if (v.b() != null) {
      return v.b().asByteArray().length;
    }
    if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
      return 1;
    }
    if (v.hasSs()) {
      return v.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }
    if (v.hasNs()) {
      return v.ns().stream().mapToLong(WriteCostBenchmark::numberSize).sum();
    }
    if (v.hasL()) {
      return 3 + v.l().stream().mapToLong(x -> 1 + valueSize(x)).sum();
    }
    if (v.hasM()) {
      long m = 3;
      for (var e : v.m().entrySet()) {
        m += 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
      }
      return m;
    }
    return 1;
  }

  private static long numberSize(String n) {
    String digits = new BigDecimal(n).unscaledValue().abs().toString().replaceAll("0+$", "");
    int significant = Math.max(1, digits.length());
    return (significant + 1) / 2 + 1;
  }

  private static Map<String, Map<String, AttributeValue>> scan(
      DynamoDbClient dynamo, String table) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    Map<String, AttributeValue> start = null;
    do {
      ScanRequest.Builder request = ScanRequest.builder().tableName(table);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse page = dynamo.scan(request.build());
      page.items().forEach(i -> items.put(key(i), i));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }

  private static String key(Map<String, AttributeValue> item) {
    return item.get("pk").s() + "|" + item.get("sk").s();
  }

  private static String newTable(DynamoDbClient dynamo) {
    String table = "cost-" + TABLES.incrementAndGet();
    DynamoDbTables.createIfMissing(dynamo, table);
    return table;
  }

  private static Units median(List<Units> all) {
    double[] rule = all.stream().mapToDouble(Units::rule).sorted().toArray();
    double[] upper = all.stream().mapToDouble(Units::upper).sorted().toArray();
    int[] requests = all.stream().mapToInt(Units::requests).sorted().toArray();
    return new Units(rule[rule.length / 2], upper[upper.length / 2], requests[requests.length / 2]);
  }

  // ------------------------------------------------------------------ traffic

  /**
   * {@code sent} messages at 1 M a day (86.4 ms apart), each one Send, 98% a Delivery 2 s later, 1%
   * a hard bounce 3 s later, 0.05% (of the delivered) a complaint a minute later, in arrival order:
   * what an SQS queue hands the ingest.
   */
  static List<String> mix(int sent) {
    record Timed(Instant at, String json) {}
    List<Timed> all = new ArrayList<>();
    for (int i = 0; i < sent; i++) {
      Instant t = T0.plusMillis(86L * i + (i * 4L) / 10);
      all.add(new Timed(t, send(i, t)));
      int roll = i % 100;
      if (roll < 98) {
        all.add(new Timed(t.plusSeconds(2), delivery(i, t)));
      } else if (roll == 98) {
        all.add(new Timed(t.plusSeconds(3), bounce(i, "Permanent", "General", t)));
      }
      if (i % 2000 == 7) {
        all.add(new Timed(t.plusSeconds(60), complaint(i, t)));
      }
    }
    all.sort((a, b) -> a.at().compareTo(b.at()));
    return all.stream().map(Timed::json).toList();
  }

  private static String recipient(int i) {
    return "r" + i + "@" + DOMAINS.get(i % DOMAINS.size());
  }

  private static String mail(int i, Instant t) {
    return String.format(
        Locale.ROOT,
        ("\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%d\",\"source\":\"news@shop.example\","
            + "\"destination\":[\"%s\"],\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}"),
        t,
        i,
        recipient(i));
  }

  static String send(int i, Instant t) {
    return "{\"eventType\":\"Send\",\"send\":{}," + mail(i, t) + "}";
  }

  static String delivery(int i, Instant t) {
    return String.format(
        Locale.ROOT,
        ("{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"%s\",\"recipients\":[\"%s\"]},"
            + mail(i, t)
            + "}"),
        t.plusSeconds(2),
        recipient(i));
  }

  static String delay(int i, Instant t) {
    return String.format(
        Locale.ROOT,
        ("{\"eventType\":\"DeliveryDelay\",\"deliveryDelay\":{\"timestamp\":\"%s\","
            + "\"delayType\":\"MailboxFull\",\"delayedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + mail(i, t)
            + "}"),
        t.plusSeconds(2),
        recipient(i));
  }

  static String open(int i, Instant t) {
    return String.format(
        Locale.ROOT,
        ("{\"eventType\":\"Open\",\"open\":{\"timestamp\":\"%s\",\"ipAddress\":\"192.0.2.1\","
            + "\"userAgent\":\"x\"},"
            + mail(i, t)
            + "}"),
        t.plusSeconds(30));
  }

  static String bounce(int i, String type, String subType, Instant t) {
    return String.format(
        Locale.ROOT,
        ("{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"%s\",\"bounceSubType\":\"%s\","
            + "\"feedbackId\":\"fb-%d\",\"timestamp\":\"%s\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + mail(i, t)
            + "}"),
        type,
        subType,
        i,
        t.plusSeconds(3),
        recipient(i));
  }

  static String complaint(int i, Instant t) {
    return String.format(
        Locale.ROOT,
        ("{\"eventType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"fc-%d\",\"timestamp\":\"%s\","
            + "\"complainedRecipients\":[{\"emailAddress\":\"%s\"}]},"
            + mail(i, t)
            + "}"),
        i,
        t.plusSeconds(60),
        recipient(i));
  }
}
