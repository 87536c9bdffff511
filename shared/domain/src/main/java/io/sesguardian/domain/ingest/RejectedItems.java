/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.time.Duration;
import java.util.List;

/**
 * Where rejected input is kept instead of dropped: each delivered document that held a rejected
 * item, raw, with why, until it is taken back ({@link #forget}) or its retention ends. An item past
 * its retention is never returned (a store may delete it later, as DynamoDB's TTL does).
 */
public interface RejectedItems {

  /** How long a kept item stays when nobody takes it back. */
  Duration DEFAULT_RETENTION = Duration.ofDays(14);

  /** Keeps nothing (tests and wirings without a store for them). */
  RejectedItems NONE =
      new RejectedItems() {
        @Override
        public void keep(RejectedItem item) {}

        @Override
        public List<RejectedItem> after(String afterId, int limit) {
          return List.of();
        }

        @Override
        public void forget(String id) {}
      };

  /**
   * Keeps {@code item}. Idempotent by id: keeping a document again (a retried delivery) keeps the
   * first keeping's time and reasons.
   *
   * @throws StoreUnavailableException when it could not be kept (the caller retries the delivery)
   */
  void keep(RejectedItem item);

  /**
   * Up to {@code limit} kept items within their retention whose id sorts after {@code afterId}
   * ({@code null}: from the start), in id order: page through all with the last id of each page.
   */
  List<RejectedItem> after(String afterId, int limit);

  /** Forgets the item {@code id} (taken back); nothing when it is not kept. */
  void forget(String id);
}
