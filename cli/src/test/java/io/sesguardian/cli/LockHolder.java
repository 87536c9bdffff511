/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A process that takes a state folder's lock the way every guardian command does and keeps it until
 * its stdin closes (or it is killed): the first of two processes, held as long as a test needs.
 * Prints "held" on stderr once it holds the lock.
 */
final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    try (StoreLock lock = StoreLock.acquire(dir, "replay", null, Clock.systemUTC(), holder -> {})) {
      System.err.println("held");
      System.err.flush();
      while (System.in.read() >= 0) {
        // Holds the lock until the test closes our stdin.
      }
    }
  }
}
