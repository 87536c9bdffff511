/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.runtimeit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local Lambda Runtime API (2018-06-01) serving one invocation: the first {@code next} returns
 * the event with the headers the runtime client reads, later ones wait as Lambda's do (until the
 * test ends); the client's {@code response}, {@code error} or {@code init/error} completes the
 * outcome.
 */
final class RuntimeApi implements AutoCloseable {

  /** How the invocation ended: {@code response}, {@code error}, {@code init-error} or an exit. */
  record Outcome(String kind, String body) {}

  private static final String BASE = "/2018-06-01/runtime";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String requestId;
  private final byte[] event;
  private final long deadlineMs;
  private final String functionArn;
  private final AtomicBoolean delivered = new AtomicBoolean();
  private final CountDownLatch released = new CountDownLatch(1);
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

  private RuntimeApi(
      HttpServer server, String requestId, String event, int timeoutSeconds, String function) {
    this.server = server;
    this.requestId = requestId;
    this.event = event.getBytes(StandardCharsets.UTF_8);
    this.deadlineMs = System.currentTimeMillis() + timeoutSeconds * 1000L;
    this.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:guardian-" + function;
  }

  static RuntimeApi start(String requestId, String event, int timeoutSeconds, String function)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    RuntimeApi api = new RuntimeApi(server, requestId, event, timeoutSeconds, function);
    server.createContext(BASE, api::handle);
    server.setExecutor(api.executor);
    server.start();
    return api;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Waits for the outcome, or for the process to end without one (60 s at most). */
  Outcome await(Process process) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      try {
        return outcome.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        if (!process.isAlive()) {
          try {
            return outcome.get(500, TimeUnit.MILLISECONDS);
          } catch (TimeoutException none) {
            return new Outcome("exit " + process.exitValue(), "");
          }
        }
      }
    }
    return new Outcome("timeout", "");
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    String text = new String(body, StandardCharsets.UTF_8);
    if (path.equals(BASE + "/invocation/next")) {
      if (delivered.compareAndSet(false, true)) {
        var h = exchange.getResponseHeaders();
        h.add("Lambda-Runtime-Aws-Request-Id", requestId);
        h.add("Lambda-Runtime-Deadline-Ms", Long.toString(deadlineMs));
        h.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        h.add("Lambda-Runtime-Trace-Id", "Root=1-674c1a2b-0f1e2d3c4b5a69788796a5b4;Sampled=0");
        // The client's native code fails without a Content-Type on the next invocation.
        h.add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, event.length);
        exchange.getResponseBody().write(event);
        exchange.close();
        return;
      }
      try {
        released.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (path.equals(BASE + "/invocation/" + requestId + "/response")) {
      outcome.complete(new Outcome("response", text));
    } else if (path.equals(BASE + "/invocation/" + requestId + "/error")) {
      outcome.complete(new Outcome("error", text));
    } else if (path.equals(BASE + "/init/error")) {
      outcome.complete(new Outcome("init-error", text));
    } else {
      outcome.complete(new Outcome("unexpected " + exchange.getRequestMethod() + " " + path, text));
    }
    byte[] ok = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(202, ok.length);
    exchange.getResponseBody().write(ok);
    exchange.close();
  }
}
