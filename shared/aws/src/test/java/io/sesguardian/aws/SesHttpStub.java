/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SESv2 on a loopback port, for driving the real SDK client: {@code GetAccount} and {@code
 * PutSuppressedDestination}, with scriptable answers (429s, 500s, a random share of failures) and a
 * record of every request and of the addresses it holds.
 */
final class SesHttpStub implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request the stub received, with its arrival time in nanoseconds. */
  record Call(String method, String path, String body, long nanos) {}

  private final HttpServer server;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final Map<String, String> suppressed = new ConcurrentHashMap<>();
  private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
  volatile boolean productionAccess = true;
  volatile String enforcementStatus = "HEALTHY";
  volatile boolean sendingEnabled = true;
  final Map<String, Boolean> configurationSetSending = new ConcurrentHashMap<>();
  volatile List<String> suppressedReasons = List.of("BOUNCE", "COMPLAINT");
  private volatile double throttleShare;
  private volatile double errorShare;
  private final Random random = new Random(7);
  final AtomicInteger puts = new AtomicInteger();

  SesHttpStub() throws IOException {
    // Without TCP_NODELAY the JDK server's split header/body writes wait ~40 ms for delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next put requests answer with these HTTP statuses, in order (200 = accept). */
  synchronized SesHttpStub script(Integer... statuses) {
    scriptedStatuses.addAll(List.of(statuses));
    return this;
  }

  /** From now on a random share of puts is throttled (429) and another share fails (500). */
  SesHttpStub failRandomly(double throttle, double error) {
    this.throttleShare = throttle;
    this.errorShare = error;
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    calls.add(new Call(exchange.getRequestMethod(), path, body, System.nanoTime()));
    if (exchange.getRequestMethod().equals("GET") && path.equals("/v2/email/account")) {
      String reasons =
          String.join(",", suppressedReasons.stream().map(r -> "\"" + r + "\"").toList());
      respond(
          exchange,
          200,
          "{\"ProductionAccessEnabled\":"
              + productionAccess
              + ",\"SendingEnabled\":"
              + sendingEnabled
              + ",\"EnforcementStatus\":\""
              + enforcementStatus
              + "\",\"SendQuota\":{\"Max24HourSend\":50000.0,\"MaxSendRate\":14.0,"
              + "\"SentLast24Hours\":1200.0},"
              + "\"SuppressionAttributes\":{\"SuppressedReasons\":["
              + reasons
              + "]}}",
          null);
      return;
    }
    if (exchange.getRequestMethod().equals("PUT")
        && path.equals("/v2/email/suppression/addresses")) {
      puts.incrementAndGet();
      int status = nextStatus();
      if (status == 429) {
        respond(exchange, 429, "{\"message\":\"Too many requests.\"}", "TooManyRequestsException");
      } else if (status >= 500) {
        respond(exchange, status, "{\"message\":\"Internal failure.\"}", "InternalFailure");
      } else if (!productionAccess) {
        respond(
            exchange, 400, "{\"message\":\"Account is in the sandbox.\"}", "BadRequestException");
      } else {
        JsonNode request = JSON.readTree(body);
        suppressed.put(request.get("EmailAddress").asText(), request.get("Reason").asText());
        respond(exchange, 200, "{}", null);
      }
      return;
    }
    if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v2/email/identities/")) {
      if (path.endsWith("/example.com")) {
        respond(
            exchange,
            200,
            "{\"IdentityType\":\"DOMAIN\",\"VerifiedForSendingStatus\":true,"
                + "\"DkimAttributes\":{\"SigningEnabled\":true,\"Status\":\"SUCCESS\"}}",
            null);
      } else {
        respond(exchange, 404, "{\"message\":\"identity not found\"}", "NotFoundException");
      }
      return;
    }
    // SDK 2.57.8 and later send ListConfigurationSets as POST /v2/email/list-configuration-sets;
    // older clients used GET /v2/email/configuration-sets. Answer both.
    if ((exchange.getRequestMethod().equals("GET") && path.equals("/v2/email/configuration-sets"))
        || (exchange.getRequestMethod().equals("POST")
            && path.equals("/v2/email/list-configuration-sets"))) {
      respond(exchange, 200, "{\"ConfigurationSets\":[\"guardian\"]}", null);
      return;
    }
    if (exchange.getRequestMethod().equals("GET")
        && path.equals("/v2/email/configuration-sets/guardian")) {
      respond(
          exchange,
          200,
          "{\"ConfigurationSetName\":\"guardian\","
              + "\"ReputationOptions\":{\"ReputationMetricsEnabled\":true}}",
          null);
      return;
    }
    if (exchange.getRequestMethod().equals("GET")
        && path.equals("/v2/email/configuration-sets/guardian/event-destinations")) {
      respond(
          exchange,
          200,
          "{\"EventDestinations\":[{\"Name\":\"guardian\",\"Enabled\":true,"
              + "\"MatchingEventTypes\":[\"SEND\",\"BOUNCE\",\"COMPLAINT\"],"
              + "\"SnsDestination\":{\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:feedback\"}}]}",
          null);
      return;
    }
    if (exchange.getRequestMethod().equals("PUT")
        && path.startsWith("/v2/email/configuration-sets/")
        && path.endsWith("/sending")) {
      String name =
          path.substring(
              "/v2/email/configuration-sets/".length(), path.length() - "/sending".length());
      configurationSetSending.put(name, JSON.readTree(body).get("SendingEnabled").asBoolean());
      respond(exchange, 200, "{}", null);
      return;
    }
    if (exchange.getRequestMethod().equals("PUT") && path.equals("/v2/email/account/sending")) {
      sendingEnabled = JSON.readTree(body).get("SendingEnabled").asBoolean();
      respond(exchange, 200, "{}", null);
      return;
    }
    respond(exchange, 404, "{\"message\":\"not stubbed: " + path + "\"}", "NotFoundException");
  }

  private synchronized int nextStatus() {
    if (!scriptedStatuses.isEmpty()) {
      return scriptedStatuses.poll();
    }
    double roll = random.nextDouble();
    if (roll < throttleShare) {
      return 429;
    }
    return roll < throttleShare + errorShare ? 500 : 200;
  }

  private static void respond(HttpExchange exchange, int status, String body, String errorType)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (errorType != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
