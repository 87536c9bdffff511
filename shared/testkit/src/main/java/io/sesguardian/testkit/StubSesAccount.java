/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.SesAccount;
import java.util.ArrayList;
import java.util.List;

/** A scriptable SES account: its status is set by the test, switch calls are recorded. */
public final class StubSesAccount implements SesAccount {

  private AccountStatus status = new AccountStatus("HEALTHY", true, true, 50_000, 0);
  private final List<String> calls = new ArrayList<>();

  public synchronized StubSesAccount status(AccountStatus next) {
    status = next;
    return this;
  }

  /** Calls made, e.g. {@code configset:marketing=false}, {@code account=true}. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public synchronized AccountStatus status() {
    return status;
  }

  @Override
  public synchronized void setConfigurationSetSending(String configurationSet, boolean enabled) {
    calls.add("configset:" + configurationSet + "=" + enabled);
  }

  @Override
  public synchronized void setAccountSending(boolean enabled) {
    calls.add("account=" + enabled);
  }
}
