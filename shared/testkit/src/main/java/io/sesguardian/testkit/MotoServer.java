/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A moto server (Apache-2.0 AWS service emulator) for tests and benchmarks: DynamoDB, SNS and SQS
 * on one loopback endpoint. Either started here as {@code moto_server -H 127.0.0.1 -p PORT} on a
 * free port, or, when {@code GUARDIAN_MOTO_ENDPOINT} is set, a server someone else runs (then
 * {@link #close()} leaves it alone).
 *
 * <p>moto keeps all state in memory per account and region; {@link #reset()} empties it.
 */
public final class MotoServer implements AutoCloseable {

  /** Points tests at a moto server that is already running, e.g. {@code http://127.0.0.1:5000}. */
  public static final String ENDPOINT_VARIABLE = "GUARDIAN_MOTO_ENDPOINT";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final Process process;
  private final Thread shutdownHook;
  private final Path log;

  private MotoServer(URI endpoint, Process process, Path log) {
    this.endpoint = endpoint;
    this.process = process;
    this.log = log;
    if (process == null) {
      this.shutdownHook = null;
    } else {
      // A test JVM killed by surefire's timeout or ^C must not leave a Python server behind.
      this.shutdownHook =
          new Thread(
              () -> {
                stopProcess();
                deleteLog();
              },
              "moto-server-stop");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  /**
   * Uses the server named by {@code GUARDIAN_MOTO_ENDPOINT}, or starts {@code moto_server} on a
   * free loopback port and waits until it answers.
   *
   * @throws IllegalStateException when {@code moto_server} is not on the PATH or does not answer
   */
  public static MotoServer start() {
    String configured = System.getenv(ENDPOINT_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      URI uri = URI.create(configured.strip().replaceAll("/+$", ""));
      MotoServer external = new MotoServer(uri, null, null);
      external.awaitAnswer(null);
      return external;
    }
    Path executable =
        onPath("moto_server")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "moto_server is not on the PATH. The DynamoDB, SNS and SQS tests run against"
                            + " moto in server mode: install it with `pip install 'moto[server]'`"
                            + " (Python 3.9+), or point "
                            + ENDPOINT_VARIABLE
                            + " at a running moto server."));
    IllegalStateException last = null;
    // A free port can be taken between choosing it and the server binding it: try a few.
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path log;
      try {
        log = Files.createTempFile("moto-server-", ".log");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create moto_server's log file", e);
      }
      Process process;
      try {
        process =
            new ProcessBuilder(
                    executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run " + executable, e);
      }
      MotoServer server = new MotoServer(URI.create("http://127.0.0.1:" + port), process, log);
      try {
        server.awaitAnswer(process);
        return server;
      } catch (IllegalStateException e) {
        server.close();
        last = e;
      }
    }
    throw last;
  }

  /** Where the SDK clients send requests, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Empties every service's state (tables, topics, queues): {@code POST /moto-api/reset}. */
  public void reset() {
    try {
      int status = post("/moto-api/reset");
      if (status != 200) {
        throw new IllegalStateException("moto reset answered HTTP " + status + " at " + endpoint);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("moto reset failed at " + endpoint, e);
    }
  }

  /**
   * Stops the server this object started (with its child processes); a no-op for an external one.
   */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run; nothing left to do
    }
    deleteLog();
  }

  private void deleteLog() {
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a temporary file; the OS cleans it up
    }
  }

  private void stopProcess() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private void awaitAnswer(Process started) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (started != null && !started.isAlive()) {
        throw new IllegalStateException(
            "moto_server exited with status " + started.exitValue() + ": " + logTail());
      }
      try {
        if (get("/moto-api/") == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for moto_server", e);
      }
    }
    throw new IllegalStateException(
        "moto at " + endpoint + " did not answer within " + START_TIMEOUT + ": " + logTail());
  }

  private String logTail() {
    if (log == null) {
      return "(external server)";
    }
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private int get(String path) throws IOException {
    return request("GET", path);
  }

  private int post(String path) throws IOException {
    return request("POST", path);
  }

  private int request(String method, String path) throws IOException {
    HttpURLConnection c = (HttpURLConnection) endpoint.resolve(path).toURL().openConnection();
    try {
      c.setRequestMethod(method);
      c.setConnectTimeout(1000);
      c.setReadTimeout(60_000);
      if ("POST".equals(method)) {
        c.setDoOutput(true);
        c.getOutputStream().close();
      }
      int status = c.getResponseCode();
      try (java.io.InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (body != null) {
          body.readAllBytes();
        }
      }
      return status;
    } finally {
      c.disconnect();
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
