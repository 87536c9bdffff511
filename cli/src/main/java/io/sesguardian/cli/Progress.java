/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long read on stderr (stdout stays for results): at most one line every two seconds,
 * and only for inputs of a megabyte or more.
 */
final class Progress {

  private static final long MIN_BYTES = 1 << 20;
  private static final long EVERY_NANOS = 2_000_000_000L;

  private final PrintWriter err;
  private final String verb;
  private final long totalBytes;
  private final long started = System.nanoTime();
  private long lastPrinted = started;
  private long doneBytes;
  private long documents;

  Progress(PrintWriter err, String verb, long totalBytes) {
    this.err = err;
    this.verb = verb;
    this.totalBytes = totalBytes;
  }

  /** Bytes of files already finished, plus {@code bytesInFile} of the current one. */
  void bytes(long finishedFiles, long bytesInFile) {
    doneBytes = finishedFiles + bytesInFile;
    maybePrint(false);
  }

  void document() {
    documents++;
  }

  /** The closing line, when any progress was shown or the input was large. */
  void done() {
    maybePrint(true);
  }

  private void maybePrint(boolean last) {
    if (totalBytes < MIN_BYTES) {
      return;
    }
    long now = System.nanoTime();
    if (!last && now - lastPrinted < EVERY_NANOS) {
      return;
    }
    lastPrinted = now;
    err.printf(
        Locale.ROOT,
        "guardian: %s %.1f of %.1f MB (%d%%), %,d documents, %.0f s%n",
        verb,
        doneBytes / 1e6,
        totalBytes / 1e6,
        Math.min(100, doneBytes * 100 / Math.max(1, totalBytes)),
        documents,
        (now - started) / 1e9);
    err.flush();
  }
}
