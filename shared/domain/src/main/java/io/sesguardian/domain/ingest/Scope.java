/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * What a counter counts for: the whole account, one configuration set, one sending domain, one SES
 * tenant, or (counted bounces and complaints only, to name what drives a rate) one recipient
 * domain.
 *
 * <p>{@link #key()} is the stable storage form ({@code account}, {@code configset:NAME}, {@code
 * domain:NAME}, {@code recipient:NAME}, {@code tenant:NAME}); {@link #parse} reads it back, so data
 * stored before scopes were types reads unchanged.
 */
public sealed interface Scope
    permits Scope.Account,
        Scope.ConfigurationSet,
        Scope.SendingDomain,
        Scope.RecipientDomain,
        Scope.Tenant {

  Scope ACCOUNT = new Account();

  /** The storage and display form, e.g. {@code configset:marketing}. */
  String key();

  /** Whether the monitor rates this scope (recipient domains only name what drives a rate). */
  default boolean rated() {
    return !(this instanceof RecipientDomain);
  }

  /** The configuration set's name for a configuration-set scope. */
  default Optional<String> configurationSetName() {
    return this instanceof ConfigurationSet c ? Optional.of(c.name()) : Optional.empty();
  }

  static Scope configurationSet(String name) {
    return new ConfigurationSet(name);
  }

  static Scope domain(String name) {
    return new SendingDomain(name);
  }

  static Scope recipientDomain(String name) {
    return new RecipientDomain(name);
  }

  static Scope tenant(String name) {
    return new Tenant(name);
  }

  /**
   * The scope whose {@link #key()} is {@code key}.
   *
   * @throws IllegalArgumentException for any other text
   */
  static Scope parse(String key) {
    Objects.requireNonNull(key, "key");
    if (key.equals("account")) {
      return ACCOUNT;
    }
    int colon = key.indexOf(':');
    String name = colon < 0 ? "" : key.substring(colon + 1);
    switch (colon < 0 ? "" : key.substring(0, colon)) {
      case ConfigurationSet.PREFIX:
        return new ConfigurationSet(name);
      case SendingDomain.PREFIX:
        return new SendingDomain(name);
      case RecipientDomain.PREFIX:
        return new RecipientDomain(name);
      case Tenant.PREFIX:
        return new Tenant(name);
      default:
        throw new IllegalArgumentException(
            "scope must be account, configset:NAME, domain:NAME, recipient:NAME or tenant:NAME,"
                + " not "
                + key);
    }
  }

  private static String named(String name) {
    return Objects.requireNonNull(name, "name");
  }

  /** The whole account. */
  record Account() implements Scope {
    @Override
    public String key() {
      return "account";
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /** One configuration set ({@code configset:NAME}). */
  record ConfigurationSet(String name) implements Scope {
    static final String PREFIX = "configset";

    public ConfigurationSet {
      named(name);
    }

    @Override
    public String key() {
      return PREFIX + ":" + name;
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /** One sending (From) domain ({@code domain:NAME}). */
  record SendingDomain(String name) implements Scope {
    static final String PREFIX = "domain";

    public SendingDomain {
      named(name);
    }

    @Override
    public String key() {
      return PREFIX + ":" + name;
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /** One recipient domain ({@code recipient:NAME}): counted bounces and complaints only. */
  record RecipientDomain(String name) implements Scope {
    static final String PREFIX = "recipient";

    public RecipientDomain {
      named(name);
    }

    @Override
    public String key() {
      return PREFIX + ":" + name;
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /** One SES tenant ({@code tenant:NAME}), from the {@code ses:tenant-name} tag. */
  record Tenant(String name) implements Scope {
    static final String PREFIX = "tenant";

    public Tenant {
      named(name);
    }

    @Override
    public String key() {
      return PREFIX + ":" + name;
    }

    @Override
    public String toString() {
      return key();
    }
  }
}
