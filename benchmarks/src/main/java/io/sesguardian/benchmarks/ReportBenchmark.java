/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.DynamoDbFeedbackStore;
import io.sesguardian.aws.DynamoDbMonitorStore;
import io.sesguardian.aws.DynamoDbTables;
import io.sesguardian.aws.RequestCounter;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.SesSyncState;
import io.sesguardian.domain.ingest.SuppressionCounts;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import io.sesguardian.domain.ingest.SuppressionUpdate;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.RatesReader;
import io.sesguardian.domain.report.ReportRenderer;
import io.sesguardian.domain.report.WeeklyReport;
import io.sesguardian.domain.report.WeeklyReports;
import io.sesguardian.domain.sync.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The weekly report for an account sending 1 million messages a day: 90 days of hourly counters for
 * 5 scopes (about 42,000 eligible sends per hour on the account) and the week's 70,000 new
 * suppressions (1% hard bounces), on DynamoDB (moto). The entries are loaded as the store writes
 * them, with the counters the store writes beside each (SuppressionCounts) and the list's running
 * total; the report reads only counters, so its cost does not depend on how many entries there are.
 * Counts requests and read units, times the build. Prints Markdown.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.sesguardian.benchmarks.ReportBenchmark
 * [runs]}
 */
public final class ReportBenchmark {

  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // 70,000 is the week of a 1-million-a-day account; moto loads and queries it far slower than
    // DynamoDB, so the results file says which size each run used.
    int suppressions = args.length > 1 ? Integer.parseInt(args[1]) : 70_000;
    MotoDynamoDbServer.runAndExit(endpoint -> run(endpoint, runs, suppressions));
  }

  private static void run(URI endpoint, int runs, int suppressions) {
    Instant weekStart = Instant.parse("2026-11-16T00:00:00Z"); // 2026-W47
    Instant now = weekStart.plus(Duration.ofDays(7)).plus(Duration.ofHours(6));
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    RequestCounter counter = new RequestCounter();
    MonitorBenchmark.ReadUnits reads = new MonitorBenchmark.ReadUnits();
    WireTime wire = new WireTime();
    try (AwsClients base = MotoDynamoDbServer.clients(endpoint);
        AwsClients clients =
            base.instrumented(counter, h -> h)
                .instrumented(reads, h -> h)
                .instrumented(wire, h -> h)) {
      DynamoDbClient dynamo = clients.dynamoDb();
      DynamoDbTables.createIfMissing(dynamo, "report-bench");
      DynamoDbFeedbackStore feedback =
          new DynamoDbFeedbackStore(
              dynamo, "report-bench", DynamoDbFeedbackStore.Settings.DEFAULT, clock, Sleeper.REAL);
      List<Scope> scopes =
          List.of(
              Scope.ACCOUNT,
              Scope.configurationSet("marketing"),
              Scope.configurationSet("transactional"),
              Scope.domain("news.example.com"),
              Scope.domain("example.com"));
      Random random = new Random(11);
      long t0 = System.nanoTime();
      for (Instant hour = weekStart.minus(Duration.ofDays(83));
          hour.isBefore(weekStart.plus(Duration.ofDays(7)));
          hour = hour.plus(Duration.ofHours(1))) {
        for (Scope scope : scopes) {
          long sends = scope.equals(Scope.ACCOUNT) ? 41_667 : 20_000;
          CounterKey key = CounterKey.of(scope, hour);
          feedback.addCounts(
              new Counts()
                  .add(key, CounterField.SEND, sends)
                  .add(key, CounterField.DELIVERY, sends - sends / 100)
                  .add(key, CounterField.BOUNCE_PERMANENT, sends / 100)
                  .add(key, CounterField.BOUNCE_COUNTED, sends / 100 - random.nextInt(20))
                  .add(key, CounterField.COMPLAINT_COUNTED, random.nextInt(15))
                  .add(key, CounterField.ITEMS, 2 * sends));
        }
      }
      List<WriteRequest> batch = new ArrayList<>();
      // The counters the store writes with each entry (SuppressionCounts), summed per hour as the
      // entries below are made: what the report reads instead of the entries.
      Counts listCounts = new Counts();
      for (int i = 0; i < suppressions; i++) {
        Instant seen = weekStart.plusSeconds(random.nextInt(7 * 24 * 3600));
        String address = "user" + i + "@example.com";
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("S#" + address));
        item.put("sk", AttributeValue.fromS("S"));
        item.put("address", AttributeValue.fromS(address));
        item.put("reason", AttributeValue.fromS("BOUNCE"));
        item.put("origin", AttributeValue.fromS("HARD_BOUNCE"));
        item.put("firstSeen", AttributeValue.fromS(seen.toString()));
        item.put("lastSeen", AttributeValue.fromS(seen.toString()));
        Instant recorded = seen.plusMillis(200 + random.nextInt(3000));
        item.put("recordedAt", AttributeValue.fromS(recorded.toString()));
        item.put("firstKey", AttributeValue.fromS("bounce#f" + i + "#" + address));
        item.put("sesState", AttributeValue.fromS("SYNCED"));
        item.put(
            "obsk",
            AttributeValue.fromS(
                String.format(Locale.ROOT, "%015d#%s", recorded.toEpochMilli(), address)));
        Instant synced = recorded.plusSeconds(random.nextInt(600));
        item.put("syncedAt", AttributeValue.fromS(synced.toString()));
        SuppressionCounts.added(
            new SuppressionUpdate(
                address,
                SuppressionReason.BOUNCE,
                SuppressionOrigin.HARD_BOUNCE,
                seen,
                "f" + i,
                null,
                SesSyncState.PENDING,
                false,
                "bounce#f" + i + "#" + address,
                null),
            recorded,
            listCounts);
        SuppressionCounts.synced(seen, synced, listCounts);
        item.put("count", AttributeValue.fromN("1"));
        item.put("simulator", AttributeValue.fromBool(false));
        batch.add(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        if (batch.size() == 25) {
          List<WriteRequest> send = List.copyOf(batch);
          dynamo.batchWriteItem(r -> r.requestItems(Map.of("report-bench", send)));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        List<WriteRequest> send = List.copyOf(batch);
        dynamo.batchWriteItem(r -> r.requestItems(Map.of("report-bench", send)));
      }
      feedback.addCounts(listCounts);
      // The list's running total, as the store keeps it (DynamoDbSuppressionList).
      dynamo.putItem(
          r ->
              r.tableName("report-bench")
                  .item(
                      Map.of(
                          "pk", AttributeValue.fromS("LIST"),
                          "sk", AttributeValue.fromS("TOTAL"),
                          "entries", AttributeValue.fromN(Integer.toString(suppressions)))));
      long loadSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
      DynamoDbMonitorStore monitor = feedback.monitorStore();
      WeeklyReports reports =
          new WeeklyReports(
              feedback,
              monitor,
              new RatesReader(monitor, monitor, MonitorPolicy.DEFAULT),
              MonitorPolicy.DEFAULT.thresholds());
      double[] millis = new double[runs];
      WeeklyReport report = null;
      counter.reset();
      reads.units.reset();
      reads.reportedUnits.reset();
      reads.computed.set(0);
      reads.uncounted.set(0);
      double[] client = new double[runs];
      for (int i = 0; i < runs; i++) {
        long waited = wire.nanos.sum();
        long start = System.nanoTime();
        report = reports.build("2026-W47", null, null, "none");
        new ReportRenderer(MonitorPolicy.DEFAULT.thresholds()).html(report);
        millis[i] = (System.nanoTime() - start) / 1e6;
        client[i] = millis[i] - (wire.nanos.sum() - waited) / 1e6;
      }
      double[] clientSorted = client.clone();
      Arrays.sort(clientSorted);
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "# Weekly report for an account sending 1 million messages a day%n%n"
              + "Loaded in %d s: %d days x 24 hours x %d scopes of counters, %d suppressions"
              + " recorded in the week. %d builds (report + HTML), one thread, DynamoDB on moto.%n%n",
          loadSeconds,
          90,
          scopes.size(),
          suppressions,
          runs);
      System.out.println("| per report | value |");
      System.out.println("|---|---:|");
      counter
          .calls()
          .forEach(
              (op, n) ->
                  System.out.printf(
                      Locale.ROOT, "| %s requests | %.1f |%n", op, n / (double) runs));
      System.out.printf(Locale.ROOT, "| read capacity units | %.0f |%n", reads.units.sum() / runs);
      System.out.printf(
          Locale.ROOT,
          "| time median / min / max | %.0f ms / %.0f ms / %.0f ms |%n",
          sorted[runs / 2],
          sorted[0],
          sorted[runs - 1]);
      System.out.printf(
          Locale.ROOT,
          "| of which not waiting for the engine (building, rendering, SDK), median | %.0f ms |%n",
          clientSorted[runs / 2]);
      System.out.printf(
          Locale.ROOT,
          "%nReport: added %s, on the list %d, recorded p50/p95/max %s (%d), to SES %s (%d),"
              + " account 7d level %s.%nRead units: %s.%n",
          report.suppressions().added(),
          report.suppressions().total(),
          latency(report.handling().toRecorded()),
          report.handling().toRecorded().count(),
          latency(report.handling().toSes()),
          report.handling().toSes().count(),
          report.rates().get(0).level(),
          reads.source());
    }
  }

  private static String latency(WeeklyReport.Latency l) {
    return (l.atMost() ? "at most " : "")
        + l.p50().toSeconds()
        + "/"
        + l.p95().toSeconds()
        + "/"
        + l.max().toSeconds()
        + " s";
  }

  /**
   * Time from each request leaving the SDK to its answer arriving (the engine's share, moto's
   * here), so the rest of a build can be told apart from it.
   */
  static final class WireTime implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("wireSent");
    final LongAdder nanos = new LongAdder();

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      attributes.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(
        Context.AfterTransmission context, ExecutionAttributes attributes) {
      Long sent = attributes.getAttribute(SENT);
      if (sent != null) {
        nanos.add(System.nanoTime() - sent);
      }
    }
  }
}
