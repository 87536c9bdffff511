/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error redelivery causes in the rates' denominators now that sends and deliveries are counted
 * per batch (idempotent per batch, not per event), measured on moto through the real SDK client
 * with DynamoDB faults injected in the HTTP path (throttling; lost answers of committed
 * transactions, whose retries carry the same {@code ClientRequestToken}) and an SQS queue played
 * here: a failed record goes back to the queue, and with probability {@code killShare} an
 * invocation dies after its writes committed and before it answered, so its whole batch comes back
 * after the visibility timeout, mixed with later messages (another composition, another batch key).
 *
 * <p>Only sends and deliveries are fed (the error concerns the denominators; bounces keep their
 * ledger), which keeps moto's table tiny and its transactions fast.
 */
@ExtendWith(MotoExtension.class)
class RedeliveryErrorTest {

  private static final int SENT = Integer.getInteger("redelivery.sent", 3_000);
  private static final int BATCH = Integer.getInteger("redelivery.batch", 50);
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  /** What one run measured. */
  record Outcome(
      long truth, long counted, int invocations, int killed, long lostAnswers, long replayed) {
    double relativeError() {
      return (counted - truth) / (double) truth;
    }
  }

  @Test
  void throttlesAndLostAnswers_causeNoError_theTokenAbsorbsTheRetries(MotoServer moto)
      throws Exception {
    Outcome o = run(moto, 0.05, 0.05, 0.0, 11);

    report("throttles 5%, lost answers 5%, no kills", o);
    assertThat(o.lostAnswers()).isPositive();
    assertThat(o.replayed()).isPositive();
    assertThat(o.counted()).isEqualTo(o.truth());
  }

  @Test
  void invocationsKilledAfterCommit_doubleCountTheirBatches_errorNearTheKillShare(MotoServer moto)
      throws Exception {
    double killShare = Double.parseDouble(System.getProperty("redelivery.kill", "0.02"));
    Outcome o = run(moto, 0.05, 0.03, killShare, 12);

    report(
        "throttles 5%, lost answers 3%, "
            + String.format("%.2f", 100 * killShare)
            + "% of invocations killed after commit",
        o);
    assertThat(o.killed()).isPositive();
    // Each kill re-counts one batch of about BATCH events out of truth: error ≈ kills / batches.
    double expected = o.killed() / (double) o.invocations();
    assertThat(o.relativeError()).isPositive().isLessThanOrEqualTo(2 * expected);
  }

  @Test
  void sameBatchRedeliveredWhole_isNotCountedAgain(MotoServer moto) throws Exception {
    // The SNS wiring's retry of one notification, or an SQS batch coming back unchanged within
    // DynamoDB's 10-minute token window: same events, same key, same token.
    Outcome o = run(moto, 0.0, 0.0, 1.0, 13, true);

    report("every invocation killed after commit, redelivered unchanged", o);
    assertThat(o.killed()).isPositive();
    assertThat(o.counted()).isEqualTo(o.truth());
  }

  private Outcome run(MotoServer moto, double throttle, double lost, double kill, long seed)
      throws Exception {
    return run(moto, throttle, lost, kill, seed, false);
  }

  private Outcome run(
      MotoServer moto, double throttle, double lost, double kill, long seed, boolean sameBatch)
      throws Exception {
    FaultInjectingHttpClient[] faults = new FaultInjectingHttpClient[1];
    try (AwsClients clean = MotoDynamoDb.clients(moto);
        AwsClients faulty =
            clean.instrumented(
                new RequestCounter(),
                http ->
                    faults[0] =
                        kill >= 1.0
                            ? FaultInjectingHttpClient.tokenWindow(http)
                            : new FaultInjectingHttpClient(http, throttle, lost, seed))) {
      String table = MotoDynamoDb.newTable(clean);
      Clock clock = Clock.fixed(T0.plus(Duration.ofHours(1)), java.time.ZoneOffset.UTC);
      DynamoDbFeedbackStore store =
          new DynamoDbFeedbackStore(
              faulty.dynamoDb(),
              table,
              DynamoDbFeedbackStore.Settings.DEFAULT,
              clock,
              Sleeper.REAL);
      IngestService service =
          new IngestService(store, IngestPolicy.DEFAULT, clock).batchingCountOnlyEvents(store);
      FeedbackNormalizer normalizer = new FeedbackNormalizer();

      Map<String, String> byId = new LinkedHashMap<>();
      int sent = kill >= 1.0 ? Math.min(SENT, 10 * BATCH) : SENT;
      for (int i = 0; i < sent; i++) {
        Instant t = T0.plusMillis(86L * i);
        byId.put("s" + i, send(i, t));
        if (i % 100 < 98) {
          byId.put("d" + i, delivery(i, t));
        }
      }
      Deque<String> queue = new ArrayDeque<>(byId.keySet());
      Random random = new Random(seed);
      Set<String> redeliveredOnce = new HashSet<>();
      int invocations = 0;
      int killed = 0;
      while (!queue.isEmpty()) {
        List<String> batch = new ArrayList<>();
        while (batch.size() < BATCH && !queue.isEmpty()) {
          batch.add(queue.poll());
        }
        invocations++;
        List<Normalized> docs = new ArrayList<>();
        batch.forEach(
            id -> docs.add(FeedbackEnvelopes.normalizeDocument(normalizer, id, byId.get(id))));
        IngestReport report = service.ingest(docs);
        boolean dies =
            random.nextDouble() < kill && (!sameBatch || redeliveredOnce.add(batch.get(0)));
        if (dies) {
          killed++;
          if (sameBatch) {
            // Back whole and alone, before anything else.
            for (int i = batch.size() - 1; i >= 0; i--) {
              queue.addFirst(batch.get(i));
            }
          } else {
            queue.addAll(batch);
          }
        } else {
          queue.addAll(report.failedSources());
        }
      }
      long counted = 0;
      for (var fields :
          store
              .counters(Scope.ACCOUNT, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofDays(1)))
              .values()) {
        counted += fields.getOrDefault(CounterField.SEND, 0L);
        counted += fields.getOrDefault(CounterField.DELIVERY, 0L);
      }
      return new Outcome(
          byId.size(),
          counted,
          invocations,
          killed,
          faults[0].lostAnswers.get(),
          faults[0].replayedTokens.get());
    }
  }

  private static void report(String scenario, Outcome o) {
    System.out.printf(
        "redelivery: %s: %,d events in batches of %d, %d invocations, %d killed, %d lost answers"
            + " (%d replayed by token): counted %,d, relative error %.4f%%%n",
        scenario,
        o.truth(),
        BATCH,
        o.invocations(),
        o.killed(),
        o.lostAnswers(),
        o.replayed(),
        o.counted(),
        100 * o.relativeError());
  }

  private static String mail(int i, Instant t) {
    return ("\"mail\":{\"timestamp\":\"%s\",\"messageId\":\"m-%d\",\"source\":\"news@shop.example\","
            + "\"destination\":[\"r%d@example.org\"],"
            + "\"tags\":{\"ses:configuration-set\":[\"marketing\"]}}")
        .formatted(t, i, i);
  }

  private static String send(int i, Instant t) {
    return "{\"eventType\":\"Send\",\"send\":{}," + mail(i, t) + "}";
  }

  private static String delivery(int i, Instant t) {
    return ("{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"%s\","
            + "\"recipients\":[\"r%d@example.org\"]},"
            + mail(i, t)
            + "}")
        .formatted(t.plusSeconds(2), i);
  }
}
