/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.monitor;

import java.util.Objects;

/**
 * What the guardian can pause and resume: the whole account or one configuration set. {@link
 * #key()} is the stable form kept in the {@link PauseLog} and shown to people ({@code account},
 * {@code configset:NAME}).
 */
public sealed interface PauseTarget permits PauseTarget.Account, PauseTarget.ConfigurationSet {

  PauseTarget ACCOUNT = new Account();

  String key();

  static PauseTarget configurationSet(String name) {
    return new ConfigurationSet(name);
  }

  /**
   * The target whose {@link #key()} is {@code key}.
   *
   * @throws IllegalArgumentException for anything but {@code account} or {@code configset:NAME}
   */
  static PauseTarget parse(String key) {
    Objects.requireNonNull(key, "key");
    if (key.equals("account")) {
      return ACCOUNT;
    }
    if (key.startsWith(ConfigurationSet.PREFIX)
        && key.length() > ConfigurationSet.PREFIX.length()) {
      return new ConfigurationSet(key.substring(ConfigurationSet.PREFIX.length()));
    }
    throw new IllegalArgumentException("a pause target is account or configset:NAME, not " + key);
  }

  /** Account-level sending ({@code PutAccountSendingAttributes}). */
  record Account() implements PauseTarget {
    @Override
    public String key() {
      return "account";
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /** One configuration set's sending ({@code PutConfigurationSetSendingOptions}). */
  record ConfigurationSet(String name) implements PauseTarget {
    static final String PREFIX = "configset:";

    public ConfigurationSet {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String key() {
      return PREFIX + name;
    }

    @Override
    public String toString() {
      return key();
    }
  }
}
