/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.RejectedItem;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link RejectedItems} contract, for every adapter: subclass it with a factory for a fresh,
 * empty store keeping items for {@link RejectedItems#DEFAULT_RETENTION}.
 */
public abstract class RejectedItemsContract {

  protected final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  protected RejectedItems kept;

  /** A fresh, empty store whose "now" is {@code clock}. */
  protected abstract RejectedItems newRejectedItems(Clock clock);

  @BeforeEach
  void createStore() {
    kept = newRejectedItems(clock);
  }

  @Test
  void keptItem_readsBackEqual_rawTextExactlyAsDelivered() {
    String raw =
        "{\"Type\" : \"Notification\",\n \"Message\" : \"caf\u00e9 \u2713 \ud83d\udce7\"}\r\n";
    RejectedItem item =
        RejectedItem.of(
            "sqs:m-1",
            raw,
            clock.instant(),
            List.of(
                new Rejection("sqs:m-1", Rejection.Code.TOO_LARGE, "the configuration set is long"),
                new Rejection("sqs:m-1#1", Rejection.Code.NOT_JSON, "not JSON at line 2")));

    kept.keep(item);

    assertThat(kept.after(null, 10)).containsExactly(item);
  }

  @Test
  void keepingTheSameDocumentAgain_keepsItOnce_withTheFirstTimeAndReasons() {
    RejectedItem first = item("the same document", "first reason");
    kept.keep(first);
    clock.advance(Duration.ofMinutes(3));

    kept.keep(RejectedItem.of("sqs:retry", "the same document", clock.instant(), reasons("again")));

    assertThat(kept.after(null, 10)).containsExactly(first);
  }

  @Test
  void after_pagesThroughEveryItemOnce_inIdOrder() {
    List<RejectedItem> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      RejectedItem item = item("document " + i, "reason " + i);
      all.add(item);
      kept.keep(item);
    }
    List<RejectedItem> seen = new ArrayList<>();
    String after = null;
    for (List<RejectedItem> page = kept.after(after, 3);
        !page.isEmpty();
        page = kept.after(after, 3)) {
      assertThat(page.size()).isLessThanOrEqualTo(3);
      seen.addAll(page);
      after = page.get(page.size() - 1).id();
    }

    assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    assertThat(seen).extracting(RejectedItem::id).isSorted();
  }

  @Test
  void forget_removesOnlyThatItem_andAnUnknownIdIsNoError() {
    RejectedItem a = item("a", "ra");
    RejectedItem b = item("b", "rb");
    kept.keep(a);
    kept.keep(b);

    kept.forget(a.id());
    kept.forget(RejectedItem.idOf("never kept"));

    assertThat(kept.after(null, 10)).containsExactly(b);
  }

  @Test
  void itemPastItsRetention_isNoLongerReturned() {
    RejectedItem item = item("old", "r");
    kept.keep(item);

    clock.advance(RejectedItems.DEFAULT_RETENTION.minusSeconds(1));
    assertThat(kept.after(null, 10)).containsExactly(item);

    clock.advance(Duration.ofSeconds(2));
    assertThat(kept.after(null, 10)).isEmpty();
  }

  @Test
  void documentAsLargeAsSnsDelivers_isKeptWhole() {
    // SNS's largest message is 256 KiB; its envelope adds a little. Random letters barely compress.
    Random random = new Random(13);
    StringBuilder raw = new StringBuilder(270_000);
    while (raw.length() < 270_000) {
      raw.append((char) ('!' + random.nextInt(90)));
    }
    RejectedItem item =
        RejectedItem.of("request:r-1", raw.toString(), clock.instant(), reasons("big"));

    kept.keep(item);

    assertThat(kept.after(null, 1)).singleElement().isEqualTo(item);
  }

  private RejectedItem item(String raw, String reason) {
    return RejectedItem.of("request:" + raw, raw, clock.instant(), reasons(reason));
  }

  private static List<Rejection> reasons(String reason) {
    return List.of(new Rejection("s", Rejection.Code.MALFORMED, reason));
  }
}
