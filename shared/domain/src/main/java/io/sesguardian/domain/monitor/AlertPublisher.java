/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

/** Where alerts go: the SNS alert topic when deployed, a local file and the terminal locally. */
@FunctionalInterface
public interface AlertPublisher {
  void publish(Alert alert);
}
