/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.ingest.RejectedItem;
import io.sesguardian.domain.ingest.RejectedItems;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** {@link RejectedItems} in memory, for tests; thread-safe. */
public final class InMemoryRejectedItems implements RejectedItems {

  private final Clock clock;
  private final Duration retention;
  private final NavigableMap<String, RejectedItem> items = new TreeMap<>();

  public InMemoryRejectedItems(Clock clock) {
    this(clock, DEFAULT_RETENTION);
  }

  public InMemoryRejectedItems(Clock clock, Duration retention) {
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public synchronized void keep(RejectedItem item) {
    RejectedItem kept = items.get(item.id());
    if (kept == null || expired(kept)) {
      items.put(item.id(), item);
    }
  }

  @Override
  public synchronized List<RejectedItem> after(String afterId, int limit) {
    List<RejectedItem> out = new ArrayList<>();
    var tail = afterId == null ? items : items.tailMap(afterId, false);
    for (RejectedItem item : tail.values()) {
      if (out.size() >= limit) {
        break;
      }
      if (!expired(item)) {
        out.add(item);
      }
    }
    return out;
  }

  @Override
  public synchronized void forget(String id) {
    items.remove(id);
  }

  /** Everything kept, expired or not (for assertions). */
  public synchronized List<RejectedItem> all() {
    return List.copyOf(items.values());
  }

  private boolean expired(RejectedItem item) {
    return !item.rejectedAt().plus(retention).isAfter(clock.instant());
  }
}
