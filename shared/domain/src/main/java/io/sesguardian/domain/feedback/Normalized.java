/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.List;

/**
 * What one input document turned into.
 *
 * @param items how many notifications it held (one per Lambda/SQS record, else one)
 * @param records one per (notification, recipient), in input order
 * @param ignored items that carry no feedback
 * @param rejections items or recipients that were refused, each with its reason
 */
public record Normalized(
    int items, List<FeedbackRecord> records, List<Ignored> ignored, List<Rejection> rejections) {

  public Normalized {
    if (items < 0) {
      throw new IllegalArgumentException("items must not be negative: " + items);
    }
    records = List.copyOf(records);
    ignored = List.copyOf(ignored);
    rejections = List.copyOf(rejections);
  }

  /** Whether every item was accepted (records or ignored) and no recipient was refused. */
  public boolean clean() {
    return rejections.isEmpty();
  }
}
