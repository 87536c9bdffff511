/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import java.util.Objects;

/**
 * An item (or one recipient of an item) the normaliser would not turn into a record, with why.
 *
 * @param source the item, e.g. {@code events/x.json#Records[2]}
 * @param code the kind of problem
 * @param reason a sentence naming the field and what is wrong with it
 */
public record Rejection(String source, Code code, String reason) {

  /** The kinds of bad input. */
  public enum Code {
    /** The text is not JSON at all. */
    NOT_JSON,
    /** Valid JSON, but not an SNS/SQS envelope or an SES message. */
    NOT_SES_FEEDBACK,
    /** An SES message whose fields have the wrong JSON types. */
    MALFORMED,
    /** A bounce or complaint that names no recipient. */
    NO_RECIPIENTS,
    /** A recipient that cannot be an email address. */
    IMPLAUSIBLE_RECIPIENT,
    /** A field (or the whole input) larger than anything SES sends. */
    TOO_LARGE,
    /** A timestamp that none of SES's formats matches. */
    BAD_TIMESTAMP,
    /** A JSON object that names the same key twice: which value counts is ambiguous. */
    DUPLICATE_KEY,
    /** Bytes that are not valid UTF-8 (RFC 8259 section 8.1: JSON text is UTF-8). */
    NOT_UTF8,
    /** The input could not be read at all (a file or folder the operating system refused). */
    UNREADABLE
  }

  public Rejection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    // Reasons quote input and reach logs: no full address may leave in one (addresses are
    // personal data; only suppression records hold them). Sources too: a file may be named after
    // one.
    reason = Addresses.maskAll(reason);
    source = Addresses.maskAll(source);
  }

  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
