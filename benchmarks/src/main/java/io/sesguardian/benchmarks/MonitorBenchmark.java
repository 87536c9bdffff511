/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.CloudWatchSesMetrics;
import io.sesguardian.aws.DynamoDbFeedbackStore;
import io.sesguardian.aws.DynamoDbMonitorStore;
import io.sesguardian.aws.DynamoDbTables;
import io.sesguardian.aws.RequestCounter;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.MonitorReport;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.LoopbackHttpStub;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * One monitor evaluation of every window (24h, 7d, 30d, volume) for 5 scopes over 90 days of hourly
 * counters: DynamoDB requests, read capacity (see {@link ReadUnits}) and latency. Prints Markdown.
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.sesguardian.benchmarks.MonitorBenchmark [evaluations]}.
 */
public final class MonitorBenchmark {

  /**
   * Read units computed from the items each read returns, by DynamoDB's documented rules: item size
   * = attribute names plus values (strings in UTF-8 bytes, numbers 1 byte per two significant
   * digits plus 1), a Query page's sizes summed and rounded up to 4 KB, a GetItem's item rounded up
   * to 4 KB, halved for eventually consistent reads. moto answers {@code ReturnConsumedCapacity}
   * with a flat figure per request (1 unit whatever was read), so what the engine reports is kept
   * apart and not used. A {@code Select=COUNT} Query returns no items, so its units cannot be
   * computed: it is counted apart.
   */
  static final class ReadUnits implements ExecutionInterceptor {
    final DoubleAdder units = new DoubleAdder();
    final DoubleAdder reportedUnits = new DoubleAdder();
    final AtomicLong computed = new AtomicLong();
    final AtomicLong uncounted = new AtomicLong();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      if (context.request() instanceof QueryRequest q) {
        return q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      }
      if (context.request() instanceof GetItemRequest g) {
        return g.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      }
      return context.request();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (context.response() instanceof QueryResponse q) {
        QueryRequest request = (QueryRequest) context.request();
        if (q.consumedCapacity() != null) {
          reportedUnits.add(q.consumedCapacity().capacityUnits());
        }
        if (request.select() == Select.COUNT) {
          uncounted.incrementAndGet();
        } else {
          computed.incrementAndGet();
          long bytes = q.items().stream().mapToLong(ReadUnits::itemSize).sum();
          units.add(readUnits(bytes, Boolean.TRUE.equals(request.consistentRead())));
        }
      }
      if (context.response() instanceof GetItemResponse g) {
        GetItemRequest request = (GetItemRequest) context.request();
        if (g.consumedCapacity() != null) {
          reportedUnits.add(g.consumedCapacity().capacityUnits());
        }
        computed.incrementAndGet();
        long bytes = g.hasItem() ? itemSize(g.item()) : 0;
        units.add(readUnits(bytes, Boolean.TRUE.equals(request.consistentRead())));
      }
    }

    /** How the units were obtained, for the benchmark's output. */
    String source() {
      return String.format(
          Locale.ROOT,
          ("computed from item sizes for %d reads (all runs); %d COUNT queries not included;"
              + " the engine reported %.1f units in total (moto: a flat figure per request)"),
          computed.get(),
          uncounted.get(),
          reportedUnits.sum());
    }

    static double readUnits(long bytes, boolean consistent) {
      long blocks = Math.max(1, (bytes + 4095) / 4096);
      return consistent ? blocks : blocks / 2.0;
    }

    static long itemSize(Map<String, AttributeValue> item) {
      long size = 0;
      for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
        size += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
      }
      return size;
    }

    private static long valueSize(AttributeValue v) {
      if (v.s() != null) {
        return v.s().getBytes(StandardCharsets.UTF_8).length;
      }
      if (v.n() != null) {
        String digits = v.n().replaceAll("[^0-9]", "").replaceAll("^0+", "");
        return (Math.max(1, digits.length()) + 1) / 2 + 1;
      }
      if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
        return 1;
      }
      if (v.hasM()) {
        return 3 + v.m().size() + itemSize(v.m());
      }
      if (v.hasL()) {
        return 3 + v.l().size() + v.l().stream().mapToLong(ReadUnits::valueSize).sum();
      }
      if (v.hasSs()) {
        return v.ss().stream().mapToLong(x -> x.getBytes(StandardCharsets.UTF_8).length).sum();
      }
      return v.b() != null ? v.b().asByteArray().length : 0;
    }
  }

  /**
   * CloudWatch's answer to any GetMetricData with no data points, {@code {"MetricDataResults": []}}
   * in CBOR: a one-entry map, a 17-byte text key, an empty array.
   */
  static byte[] emptyMetricData() {
    byte[] key = "MetricDataResults".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[key.length + 3];
    out[0] = (byte) 0xA1;
    out[1] = (byte) (0x60 + key.length);
    System.arraycopy(key, 0, out, 2, key.length);
    out[out.length - 1] = (byte) 0x80;
    return out;
  }

  private MonitorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int evaluations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    MotoDynamoDbServer.runAndExit(endpoint -> run(endpoint, evaluations));
  }

  private static void run(URI endpoint, int evaluations) {
    Instant now = Instant.parse("2026-11-22T12:30:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    RequestCounter counter = new RequestCounter();
    ReadUnits reads = new ReadUnits();
    try (LoopbackHttpStub cloudWatch = LoopbackHttpStub.cbor(emptyMetricData());
        AwsClients cloudWatchBase =
            AwsClients.forEndpoint(
                software.amazon.awssdk.regions.Region.US_EAST_1, cloudWatch.endpoint());
        AwsClients cloudWatchClients = cloudWatchBase.instrumented(counter, h -> h);
        AwsClients base = MotoDynamoDbServer.clients(endpoint);
        AwsClients clients = base.instrumented(counter, h -> h).instrumented(reads, h -> h)) {
      var dynamo = clients.dynamoDb();
      DynamoDbTables.createIfMissing(dynamo, "monitor-bench");
      DynamoDbFeedbackStore feedback =
          new DynamoDbFeedbackStore(
              dynamo, "monitor-bench", DynamoDbFeedbackStore.Settings.DEFAULT, clock, Sleeper.REAL);
      List<Scope> scopes =
          List.of(
              Scope.ACCOUNT,
              Scope.configurationSet("marketing"),
              Scope.configurationSet("transactional"),
              Scope.domain("news.example.com"),
              Scope.domain("example.com"));
      Random random = new Random(3);
      Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(90));
      int items = 0;
      for (Instant hour = first; !hour.isAfter(now); hour = hour.plus(Duration.ofHours(1))) {
        for (Scope scope : scopes) {
          long sends = 200 + random.nextInt(800);
          Counts c = new Counts();
          CounterKey key = CounterKey.of(scope, hour);
          c.add(key, CounterField.SEND, sends);
          c.add(key, CounterField.DELIVERY, sends - 10);
          c.add(key, CounterField.BOUNCE_PERMANENT, random.nextInt(20));
          c.add(key, CounterField.BOUNCE_COUNTED, random.nextInt(20));
          c.add(key, CounterField.COMPLAINT, random.nextInt(2));
          c.add(key, CounterField.COMPLAINT_COUNTED, random.nextInt(2));
          feedback.addCounts(c);
          items++;
        }
      }
      DynamoDbMonitorStore store = feedback.monitorStore();
      // SES's own figures: the real CloudWatch client (RPC v2 CBOR) against a loopback stub,
      // counted with the DynamoDB requests (one GetMetricData per evaluation).
      ReputationMonitor monitor =
          new ReputationMonitor(
              store,
              a -> {},
              null,
              MonitorPolicy.DEFAULT,
              new CloudWatchSesMetrics(
                  cloudWatchClients.build(
                      software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder())),
              ReputationMonitor.DEFAULT_DISAGREEMENT_FACTOR);
      monitor.evaluate(now); // first evaluation writes the states; warm-up
      double[] millis = new double[evaluations];
      counter.reset();
      reads.units.reset();
      reads.reportedUnits.reset();
      reads.computed.set(0);
      reads.uncounted.set(0);
      MonitorReport last = null;
      for (int i = 0; i < evaluations; i++) {
        long start = System.nanoTime();
        last = monitor.evaluate(now);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "# Monitor evaluation: 5 scopes x 4 windows over 90 days of hourly counters%n%n"
              + "%d counter items (%d hours x %d scopes); %d evaluations after one warm-up, one"
              + " thread, DynamoDB on moto (loopback).%n%n",
          items,
          items / scopes.size(),
          scopes.size(),
          evaluations);
      System.out.println("| per evaluation | value |");
      System.out.println("|---|---:|");
      counter
          .calls()
          .forEach(
              (op, n) ->
                  System.out.printf(
                      Locale.ROOT, "| %s requests | %.1f |%n", op, n / (double) evaluations));
      System.out.printf(
          Locale.ROOT, "| read capacity units | %.1f |%n", reads.units.sum() / evaluations);
      System.out.printf(
          Locale.ROOT,
          "| latency median / min / max | %.0f ms / %.0f ms / %.0f ms |%n",
          sorted[evaluations / 2],
          sorted[0],
          sorted[evaluations - 1]);
      System.out.printf(
          Locale.ROOT,
          "%nScopes evaluated: %d; account level: %s%nRead units: %s.%n",
          last.scopes().size(),
          last.level(),
          reads.source());
    }
  }
}
