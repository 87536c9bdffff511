/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.canary;

/** Sends one canary message (port): SESv2 {@code SendEmail} from the configured identity. */
@FunctionalInterface
public interface CanarySender {
  /** Sends to {@code to}; returns SES's message id. */
  String send(String to, String runId);
}
