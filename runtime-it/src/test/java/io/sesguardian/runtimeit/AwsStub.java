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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS calls moto does not answer usefully here, on loopback: SESv2's account and suppression
 * and send operations (moto has no SESv2 account API) and Lambda's asynchronous invoke (moto would
 * need Docker). Answers as a healthy production account would.
 */
final class AwsStub {

  private static final String ACCOUNT =
      """
      {"DedicatedIpAutoWarmupEnabled":false,"EnforcementStatus":"HEALTHY",
       "ProductionAccessEnabled":true,"SendingEnabled":true,
       "SendQuota":{"Max24HourSend":50000.0,"MaxSendRate":14.0,"SentLast24Hours":10.0},
       "SuppressionAttributes":{"SuppressedReasons":["BOUNCE","COMPLAINT"]}}""";

  private final HttpServer server;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();

  private AwsStub(HttpServer server) {
    this.server = server;
  }

  static AwsStub start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AwsStub stub = new AwsStub(server);
    server.createContext("/", stub::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return stub;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> calls() {
    return List.copyOf(calls);
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    calls.add(method + " " + path);
    int status = 200;
    String body;
    if (method.equals("GET") && path.equals("/v2/email/account")) {
      body = ACCOUNT;
    } else if (method.equals("POST") && path.equals("/v2/email/list-identities")) {
      // The monitor keeps the verified domains for ingest.
      body =
          "{\"EmailIdentities\":[{\"IdentityType\":\"DOMAIN\",\"IdentityName\":"
              + "\"verified.example\",\"VerificationStatus\":\"SUCCESS\"}]}";
    } else if (method.equals("PUT") && path.equals("/v2/email/suppression/addresses")) {
      body = "{}";
    } else if (method.equals("POST") && path.equals("/v2/email/outbound-emails")) {
      body = "{\"MessageId\":\"it-" + sent.incrementAndGet() + "\"}";
    } else if (method.equals("POST") && path.matches("/2015-03-31/functions/.+/invocations")) {
      status = 202;
      body = "";
    } else {
      status = 404;
      exchange.getResponseHeaders().add("x-amzn-ErrorType", "NotFoundException");
      body = "{\"message\":\"not stubbed: " + method + " " + path + "\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
