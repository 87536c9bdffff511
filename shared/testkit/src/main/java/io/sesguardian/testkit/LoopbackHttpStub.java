/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on a free loopback port that gives every request the same answer and records what
 * it was asked: for driving a real SDK client against a fixed reply (e.g. CloudWatch's RPC v2 CBOR
 * {@code GetMetricData}). Stopped by {@link #close()}.
 */
public final class LoopbackHttpStub implements AutoCloseable {

  /** One request: its path and its body (bytes as ISO-8859-1, so binary bodies survive). */
  public record Request(String path, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /**
   * @param status the HTTP status of every answer
   * @param headers the answer's headers
   * @param body the answer's body (empty for none)
   */
  public LoopbackHttpStub(int status, Map<String, String> headers, byte[] body) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] reply = body.clone();
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              new Request(
                  exchange.getRequestURI().getPath(),
                  new String(
                      exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1)));
          headers.forEach(exchange.getResponseHeaders()::add);
          exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
          if (reply.length > 0) {
            exchange.getResponseBody().write(reply);
          }
          exchange.close();
        });
    server.start();
  }

  /** A stub answering like CloudWatch's RPC v2 CBOR protocol, with {@code cbor} as the body. */
  public static LoopbackHttpStub cbor(byte[] cbor) {
    return new LoopbackHttpStub(
        200, Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"), cbor);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
