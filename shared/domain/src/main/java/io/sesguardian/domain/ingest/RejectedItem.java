/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.ingest;

import io.sesguardian.domain.feedback.Rejection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A delivered document that held at least one rejected item, kept so that it can be taken back
 * later (after a fix of the guardian, or of the sender): the raw text as delivered, which source
 * delivered it, when it was rejected and why.
 *
 * @param id the SHA-256 of {@code raw} in hex (the same document delivered twice is kept once)
 * @param source where it came from (a file and line, an SQS message, a Lambda request)
 * @param rejectedAt when it was first rejected
 * @param raw the document exactly as delivered; {@code null} when it was too large to keep (then
 *     only the rest is kept, as a trace)
 * @param rawLength the length of the raw text in characters (also when {@code raw} is not kept)
 * @param rejections why, one per rejected item of the document (reasons mask addresses)
 */
public record RejectedItem(
    String id,
    String source,
    Instant rejectedAt,
    String raw,
    int rawLength,
    List<Rejection> rejections) {

  public RejectedItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rejectedAt, "rejectedAt");
    rejections = List.copyOf(rejections);
    if (rejections.isEmpty()) {
      throw new IllegalArgumentException("a kept item has at least one rejection");
    }
    if (raw != null && raw.length() != rawLength) {
      throw new IllegalArgumentException("rawLength " + rawLength + " is not raw's length");
    }
  }

  /** The document {@code raw} from {@code source}, rejected at {@code at} for {@code why}. */
  public static RejectedItem of(String source, String raw, Instant at, List<Rejection> why) {
    return new RejectedItem(idOf(raw), source, at, raw, raw.length(), why);
  }

  /** The same item without its raw text (for a store that cannot hold it). */
  public RejectedItem withoutRaw() {
    return new RejectedItem(id, source, rejectedAt, null, rawLength, rejections);
  }

  /** The id of a raw document: its SHA-256 in hex. */
  public static String idOf(String raw) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
