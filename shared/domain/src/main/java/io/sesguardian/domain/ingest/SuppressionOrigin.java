/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

/** What put an address on the suppression list. */
public enum SuppressionOrigin {
  HARD_BOUNCE,
  COMPLAINT,
  /** Repeated address-related soft bounces within the configured window. */
  SOFT_BOUNCE_ESCALATION,
  /**
   * Already on SES's account-level list when the guardian read it ({@code
   * ListSuppressedDestinations}): recorded as {@link SesSyncState#NOT_NEEDED} with SES's reason and
   * time.
   */
  SES_IMPORT
}
