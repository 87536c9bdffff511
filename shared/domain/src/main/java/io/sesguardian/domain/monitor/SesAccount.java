/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

/** SES account status and sending switches (port). */
public interface SesAccount {

  AccountStatus status();

  /** {@code PutConfigurationSetSendingOptions}. */
  void setConfigurationSetSending(String configurationSet, boolean enabled);

  /** {@code PutAccountSendingAttributes}; cannot lift a pause AWS imposed. */
  void setAccountSending(boolean enabled);
}
