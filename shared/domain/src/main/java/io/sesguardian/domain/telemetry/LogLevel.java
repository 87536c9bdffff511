/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.telemetry;

/** How much a log event matters, in the names Lambda's log-level filtering understands. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR
}
