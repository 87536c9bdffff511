/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.util.Objects;

/**
 * What a counter counts for: the whole account, one configuration set, one sending domain, or
 * (counted bounces and complaints only, to name what drives a rate) one recipient domain.
 *
 * @param key {@code account}, {@code configset:NAME}, {@code domain:NAME} or {@code recipient:NAME}
 */
public record Scope(String key) {

  public static final Scope ACCOUNT = new Scope("account");

  public Scope {
    Objects.requireNonNull(key, "key");
    if (!key.equals("account")
        && !key.startsWith("configset:")
        && !key.startsWith("domain:")
        && !key.startsWith("recipient:")) {
      throw new IllegalArgumentException(
          "scope must be account, configset:NAME, domain:NAME or recipient:NAME, not " + key);
    }
  }

  public static Scope configurationSet(String name) {
    return new Scope("configset:" + name);
  }

  public static Scope domain(String name) {
    return new Scope("domain:" + name);
  }

  public static Scope recipientDomain(String name) {
    return new Scope("recipient:" + name);
  }

  /** The configuration set's name for a {@code configset:NAME} scope. */
  public java.util.Optional<String> configurationSetName() {
    return key.startsWith("configset:")
        ? java.util.Optional.of(key.substring("configset:".length()))
        : java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return key;
  }
}
