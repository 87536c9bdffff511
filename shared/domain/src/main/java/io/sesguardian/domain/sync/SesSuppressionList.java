/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import io.sesguardian.domain.feedback.SuppressionReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The SES account-level suppression list (port). Each call is one SES management request. */
public interface SesSuppressionList {

  /** The account's sandbox status and suppression attributes. */
  AccountState account();

  /** Adds (or re-adds) an address; never retries by itself. */
  PutOutcome put(String address, SuppressionReason reason);

  /**
   * Removes an address ({@code DeleteSuppressedDestination}); an address SES does not hold counts
   * as removed ({@code Accepted}). Never retries by itself.
   */
  PutOutcome delete(String address);

  /**
   * The suppression options of a configuration set ({@code GetConfigurationSet}): which reasons SES
   * adds by itself for mail sent with it.
   */
  SetSuppression configurationSet(String name);

  /**
   * One page of the account-level list ({@code ListSuppressedDestinations}).
   *
   * @param nextToken the previous page's token, {@code null} for the first page
   */
  Page list(String nextToken);

  /** How a {@code PutSuppressedDestination} or {@code DeleteSuppressedDestination} ended. */
  sealed interface PutOutcome {
    /** SES has the address (put) or no longer has it (delete). */
    record Accepted() implements PutOutcome {}

    /** SES answered 429: slow down and try the same entry again. */
    record Throttled(String message) implements PutOutcome {}

    /** SES refused or could not be reached; the entry stays pending with this error. */
    record Failed(String message) implements PutOutcome {}
  }

  /** A configuration set's suppression settings as SES reports them. */
  sealed interface SetSuppression {
    /**
     * The set has its own {@code SuppressionOptions}: SES adds addresses for exactly these reasons
     * (none at all when empty), whatever the account says.
     */
    record Overrides(Set<SuppressionReason> reasons) implements SetSuppression {
      public Overrides {
        reasons = Set.copyOf(reasons);
      }
    }

    /** The set has no {@code SuppressionOptions}: the account's attributes apply. */
    record UsesAccount() implements SetSuppression {}

    /**
     * SES could not say (throttled, the set was deleted, SES unreachable): the outbox pushes the
     * address itself, which is harmless if SES has it already.
     */
    record Unknown(String message) implements SetSuppression {}
  }

  /**
   * An address on SES's account-level list.
   *
   * @param address the address as SES holds it
   * @param reason why SES holds it
   * @param lastUpdate SES's {@code LastUpdateTime}
   */
  record Listed(String address, SuppressionReason reason, Instant lastUpdate) {
    public Listed {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(lastUpdate, "lastUpdate");
    }
  }

  /**
   * One page of {@code ListSuppressedDestinations}, or the failure that stopped it.
   *
   * @param entries the page's addresses
   * @param nextToken the next page's token, {@code null} after the last page
   * @param throttled SES answered 429: wait and ask for the same page again
   * @param error SES refused or could not be reached (nullable)
   */
  record Page(List<Listed> entries, String nextToken, boolean throttled, String error) {
    public Page {
      entries = List.copyOf(entries);
    }

    public static Page of(List<Listed> entries, String nextToken) {
      return new Page(entries, nextToken, false, null);
    }

    public static Page throttled(String message) {
      return new Page(List.of(), null, true, message);
    }

    public static Page failed(String message) {
      return new Page(List.of(), null, false, message);
    }
  }
}
