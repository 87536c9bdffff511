/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One process at a time per state folder: an exclusive lock on {@code guardian.lock} there, held
 * for the whole command. The operating system releases it when the process ends in any way ({@code
 * kill -9} included), so a lock is never stale; the file itself stays (deleting it would let two
 * processes lock two different files). While held it says who holds it (pid, host, since, command),
 * for the message the next process prints; the next holder overwrites that.
 */
final class StoreLock implements AutoCloseable {

  /** The lock file in the state folder (the guardian's own; {@code --fresh} keeps it). */
  static final String FILE = "guardian.lock";

  /** How often the holder's line is read again when it is still empty (~1 s in all). */
  private static final int UNNAMED_RETRIES = 20;

  /** How often a waiting process tries again. */
  private static final Duration POLL = Duration.ofMillis(200);

  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Another process holds the folder (and {@code --wait} ran out or was not given). */
  static final class HeldException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String holder;

    HeldException(String holder) {
      super(holder);
      this.holder = holder;
    }

    /** Who holds it, as the holder wrote it ("pid 12 on host h since ..."), or a placeholder. */
    String holder() {
      return holder;
    }
  }

  /**
   * Takes the lock on {@code dir} (which must exist) for {@code command}: at once, or waiting up to
   * {@code wait} ({@code null}: do not wait; a very long duration: wait for ever). {@code onWait}
   * is told the holder once, when waiting starts.
   *
   * @throws HeldException another process holds the folder beyond {@code wait}
   * @throws IOException the lock file cannot be created or written (e.g. a read-only folder)
   */
  static StoreLock acquire(
      Path dir,
      String command,
      Duration wait,
      Clock clock,
      java.util.function.Consumer<String> onWait)
      throws IOException, HeldException {
    FileChannel channel =
        FileChannel.open(
            dir.resolve(FILE),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    try {
      long deadline = wait == null ? 0 : deadlineNanos(wait);
      boolean told = false;
      int unnamed = 0;
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          StoreLock held = new StoreLock(channel, lock);
          held.writeHolder(command, clock.instant());
          return held;
        }
        String holder = holderOf(channel);
        if (holder.isEmpty() && unnamed++ < UNNAMED_RETRIES) {
          // Locked a moment ago, its line not written yet: ask again rather than name nobody.
          pause(Duration.ofMillis(50), holder);
          continue;
        }
        holder = holder.isEmpty() ? "another process (it did not say which)" : holder;
        if (wait == null || System.nanoTime() - deadline >= 0) {
          throw new HeldException(holder);
        }
        if (!told) {
          onWait.accept(holder);
          told = true;
        }
        pause(POLL, holder);
      }
    } catch (IOException | HeldException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static void pause(Duration pause, String holder) throws HeldException {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HeldException(holder);
    }
  }

  private static long deadlineNanos(Duration wait) {
    long now = System.nanoTime();
    // Durations beyond ~292 years overflow nanoTime arithmetic: treat them as "for ever".
    long nanos =
        wait.compareTo(Duration.ofDays(365L * 100)) > 0 ? Long.MAX_VALUE / 2 : wait.toNanos();
    return now + nanos;
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // This JVM already holds it (another command run in the same process): held all the same.
      return null;
    }
  }

  private void writeHolder(String command, Instant since) throws IOException {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "an unknown host";
    }
    String text =
        "pid "
            + ProcessHandle.current().pid()
            + " on "
            + host
            + " since "
            + since.truncatedTo(ChronoUnit.SECONDS)
            + " (guardian "
            + command
            + ")\n";
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
  }

  private static String holderOf(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(512);
      int n = channel.read(buffer, 0);
      String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
      // One line at most (a damaged or foreign file must not spill into the message).
      int newline = text.indexOf('\n');
      text = newline < 0 ? text : text.substring(0, newline);
      return text;
    } catch (IOException e) {
      return "another process";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      // The holder's line goes with the lock, so nobody reads a finished process as the holder.
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
    }
  }
}
