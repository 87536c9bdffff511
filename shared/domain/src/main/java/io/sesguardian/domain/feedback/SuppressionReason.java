/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

/** The reasons the SES account-level suppression list knows. */
public enum SuppressionReason {
  BOUNCE,
  COMPLAINT
}
