/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.ingest.ApplyResult;
import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.CounterKey;
import io.sesguardian.domain.ingest.Counts;
import io.sesguardian.domain.ingest.Effect;
import io.sesguardian.domain.ingest.FeedbackStore;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.ingest.StoreUnavailableException;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.ingest.SuppressionOrigin;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The 10,000-notification storm of the issue, with a poison item in every hundredth unit, on the
 * in-memory store behind a port-level fault injector. (The DynamoDB adapter's storm, with faults
 * injected in the SDK's HTTP path, runs on moto with 150 notifications: moto copies the table on
 * every transaction, see {@code FeedbackStormFaultTest}. The injector there works on HTTP, so it
 * cannot drive this store; this one injects the same three faults at the port: a call refused
 * before anything is written (throttle, 5xx), a call applied whose answer is lost, and per item the
 * refusal DynamoDB gives a key over 2,048 bytes, which the adapter isolates to that item.)
 */
class StormOnInMemoryStoreTest {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final int NOTIFICATIONS = 10_000;
  private static final int POISON_EVERY = 100;

  /** DynamoDB's partition key limit, in UTF-8 bytes. */
  private static final int MAX_PARTITION_KEY_BYTES = 2048;

  @Test
  void tenThousandWithFaultsAndAPoisonInEveryHundredthUnit_losesOnlyThePoison() throws Exception {
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    List<List<Storm.Doc>> units =
        Storm.generate(new Random(20261202), START, NOTIFICATIONS, POISON_EVERY);
    Storm.Expected expected = Storm.expected(units, normalizer);
    Set<String> storePoison = expected.storePoison();
    Set<String> rejectedPoison = expected.rejectedPoison();
    assertThat(units.stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(NOTIFICATIONS);
    assertThat(storePoison.size() + rejectedPoison.size()).isEqualTo(units.size() / POISON_EVERY);

    Clock clock = Clock.fixed(START.plus(Duration.ofDays(3)), ZoneOffset.UTC);
    InMemoryFeedbackStore memory = new InMemoryFeedbackStore(clock);
    Faults faults = new Faults(memory, new Random(42), 0.05, 0.03);
    IngestService service = new IngestService(faults.store(), IngestPolicy.DEFAULT, clock);

    Storm.Result delivered = Storm.deliver(units, normalizer, service, 4, Duration.ofMinutes(5));

    assertThat(faults.refused.get()).as("calls refused (throttle, 5xx)").isPositive();
    assertThat(faults.lostAnswers.get()).as("answers lost after applying").isPositive();
    assertThat(delivered.deadLetters()).as("dead-letter queue").isEqualTo(storePoison);
    assertThat(delivered.rejected()).as("rejected").isEqualTo(rejectedPoison);

    Map<String, Long> expectedCount = expected.suppressionCounts();
    long hard = expected.hardBounces();
    long complaints = expected.complaints();
    long deliveries = expected.deliveries();
    Set<String> escalated = new HashSet<>();
    for (SuppressionEntry e : memory.allSuppressions()) {
      if (e.origin() == SuppressionOrigin.SOFT_BOUNCE_ESCALATION) {
        escalated.add(e.address());
      } else {
        assertThat(e.count()).as(e.address()).isEqualTo(expectedCount.get(e.address()));
      }
    }
    Set<String> expectedAddresses = new HashSet<>(expectedCount.keySet());
    expectedAddresses.addAll(escalated);
    assertThat(memory.allSuppressions())
        .extracting(SuppressionEntry::address)
        .containsExactlyInAnyOrderElementsOf(expectedAddresses)
        .noneMatch(a -> a.startsWith("poison"));
    assertThat(escalated).as("soft-bounce escalations").isNotEmpty();
    long countedHard = 0;
    long countedComplaints = 0;
    long countedDeliveries = 0;
    for (Map<CounterField, Long> hour :
        memory.counters(Scope.ACCOUNT, START, START.plus(Duration.ofDays(4))).values()) {
      countedHard += hour.getOrDefault(CounterField.BOUNCE_PERMANENT, 0L);
      countedComplaints += hour.getOrDefault(CounterField.COMPLAINT, 0L);
      countedDeliveries += hour.getOrDefault(CounterField.DELIVERY, 0L);
    }
    assertThat(countedHard).isEqualTo(hard);
    assertThat(countedComplaints).isEqualTo(complaints);
    assertThat(countedDeliveries).isEqualTo(deliveries);
    System.out.printf(
        "storm on the in-memory store: %d notifications in %d units, %d poison dead-lettered, %d"
            + " rejected, %d receives (%d redeliveries), %d calls refused, %d answers lost%n",
        units.stream().mapToInt(List::size).sum(),
        units.size(),
        storePoison.size(),
        rejectedPoison.size(),
        delivered.receives(),
        delivered.redeliveries(),
        faults.refused.get(),
        faults.lostAnswers.get());
  }

  /**
   * A {@link FeedbackStore} that fails like DynamoDB behind the adapter: a share of {@code
   * applyOnce} calls refused before writing, a share applied and then answered with an error, and
   * items with a counter key over DynamoDB's limit refused alone. A proxy, so it follows the port
   * as it changes; every other method goes straight to the store.
   */
  static final class Faults {
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger lostAnswers = new AtomicInteger();
    private final FeedbackStore store;

    Faults(FeedbackStore delegate, Random random, double refuse, double loseAnswer) {
      this.store =
          (FeedbackStore)
              Proxy.newProxyInstance(
                  FeedbackStore.class.getClassLoader(),
                  new Class<?>[] {FeedbackStore.class},
                  (proxy, method, args) -> {
                    if (!method.getName().equals("applyOnce")) {
                      return invoke(method, delegate, args);
                    }
                    double roll;
                    synchronized (random) {
                      roll = random.nextDouble();
                    }
                    if (roll < refuse) {
                      refused.incrementAndGet();
                      throw new StoreUnavailableException("injected throttle", null);
                    }
                    @SuppressWarnings("unchecked")
                    List<Effect> effects = (List<Effect>) args[0];
                    List<Effect> storable = new ArrayList<>();
                    Set<String> poison = new HashSet<>();
                    for (Effect e : effects) {
                      if (keyTooLong(e)) {
                        poison.add(e.ledgerKey());
                      } else {
                        storable.add(e);
                      }
                    }
                    ApplyResult result =
                        (ApplyResult)
                            invoke(method, delegate, new Object[] {storable, args[1], args[2]});
                    if (roll < refuse + loseAnswer) {
                      lostAnswers.incrementAndGet();
                      throw new StoreUnavailableException("injected lost answer", null);
                    }
                    Set<String> failed = new HashSet<>(result.failed());
                    failed.addAll(poison);
                    return new ApplyResult(result.duplicates(), failed);
                  });
    }

    FeedbackStore store() {
      return store;
    }

    private static boolean keyTooLong(Effect e) {
      Counts counts = new Counts();
      e.addCountsTo(counts);
      for (CounterKey k : counts.buckets().keySet()) {
        if (("C#" + k.scope().key()).getBytes(StandardCharsets.UTF_8).length
            > MAX_PARTITION_KEY_BYTES) {
          return true;
        }
      }
      return false;
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args)
        throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
