/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SESv2's suppression-list API on a loopback port, for driving the real SDK client: {@code
 * GetAccount}, {@code PutSuppressedDestination}, {@code DeleteSuppressedDestination} (404 for an
 * address it does not hold, as SES answers), {@code ListSuppressedDestinations} (paged by {@code
 * PageSize}, {@code NextToken} an offset) and {@code GetConfigurationSet}. Every request is
 * recorded. Thread-safe; close it when done.
 */
public final class SesSuppressionHttpStub implements AutoCloseable {

  /**
   * One request.
   *
   * @param method the HTTP method
   * @param path the decoded path
   * @param query the raw query (nullable)
   */
  public record Call(String method, String path, String query) {}

  private static final String LIST_PATH = "/v2/email/suppression/addresses";
  private static final Pattern FIELD =
      Pattern.compile("\"(EmailAddress|Reason)\"\\s*:\\s*\"([^\"]*)\"");

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  /** Address to reason and time, in address order. */
  private final Map<String, Map.Entry<String, Instant>> held = new TreeMap<>();

  private final Map<String, String> setOptions = new TreeMap<>();
  private volatile String accountReasons = "[\"BOUNCE\",\"COMPLAINT\"]";

  public SesSuppressionHttpStub() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** SES holds {@code address} for {@code reason} (BOUNCE or COMPLAINT) since {@code at}. */
  public synchronized SesSuppressionHttpStub holding(String address, String reason, Instant at) {
    held.put(address, Map.entry(reason, at));
    return this;
  }

  /** The account's SuppressionAttributes reasons, e.g. {@code "BOUNCE","COMPLAINT"}. */
  public SesSuppressionHttpStub accountReasons(String... reasons) {
    accountReasons =
        "[" + String.join(",", List.of(reasons).stream().map(r -> "\"" + r + "\"").toList()) + "]";
    return this;
  }

  /** The configuration set {@code name} has SuppressionOptions with these reasons. */
  public synchronized SesSuppressionHttpStub setReasons(String name, String... reasons) {
    setOptions.put(
        name,
        "[" + String.join(",", List.of(reasons).stream().map(r -> "\"" + r + "\"").toList()) + "]");
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The requests of one method on paths starting with {@code prefix}. */
  public List<Call> calls(String method, String prefix) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith(prefix))
        .toList();
  }

  public synchronized Map<String, String> held() {
    Map<String, String> out = new TreeMap<>();
    held.forEach((a, e) -> out.put(a, e.getKey()));
    return out;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
    String query = exchange.getRequestURI().getRawQuery();
    calls.add(new Call(method, path, query));
    synchronized (this) {
      if (method.equals("GET") && path.equals("/v2/email/account")) {
        respond(
            exchange,
            200,
            "{\"ProductionAccessEnabled\":true,\"SendingEnabled\":true,"
                + "\"EnforcementStatus\":\"HEALTHY\","
                + "\"SuppressionAttributes\":{\"SuppressedReasons\":"
                + accountReasons
                + "}}");
      } else if (method.equals("PUT") && path.equals(LIST_PATH)) {
        Matcher m = FIELD.matcher(body);
        String address = null;
        String reason = null;
        while (m.find()) {
          if (m.group(1).equals("EmailAddress")) {
            address = m.group(2);
          } else {
            reason = m.group(2);
          }
        }
        held.put(address, Map.entry(reason, Instant.now()));
        respond(exchange, 200, "{}");
      } else if (method.equals("DELETE") && path.startsWith(LIST_PATH + "/")) {
        String address = path.substring(LIST_PATH.length() + 1);
        if (held.remove(address) == null) {
          error(exchange, 404, "NotFoundException", "address not on the suppression list");
        } else {
          respond(exchange, 200, "{}");
        }
      } else if (method.equals("GET") && path.equals(LIST_PATH)) {
        list(exchange, query);
      } else if (method.equals("GET") && path.startsWith("/v2/email/configuration-sets/")) {
        String name = path.substring("/v2/email/configuration-sets/".length());
        String options = setOptions.get(name);
        respond(
            exchange,
            200,
            "{\"ConfigurationSetName\":\""
                + name
                + "\""
                + (options == null
                    ? ""
                    : ",\"SuppressionOptions\":{\"SuppressedReasons\":" + options + "}")
                + "}");
      } else {
        error(exchange, 404, "NotFoundException", "not stubbed: " + path);
      }
    }
  }

  private void list(HttpExchange exchange, String query) throws IOException {
    int from = 0;
    int size = 1000;
    if (query != null) {
      for (String p : query.split("&")) {
        String[] kv = p.split("=", 2);
        if (kv[0].equals("NextToken")) {
          from = Integer.parseInt(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        } else if (kv[0].equals("PageSize")) {
          size = Integer.parseInt(kv[1]);
        }
      }
    }
    List<String> addresses = new ArrayList<>(held.keySet());
    StringBuilder items = new StringBuilder();
    for (int i = from; i < Math.min(addresses.size(), from + size); i++) {
      String a = addresses.get(i);
      Map.Entry<String, Instant> e = held.get(a);
      items
          .append(i > from ? "," : "")
          .append("{\"EmailAddress\":\"")
          .append(a)
          .append("\",\"Reason\":\"")
          .append(e.getKey())
          .append("\",\"LastUpdateTime\":")
          .append(e.getValue().getEpochSecond())
          .append("}");
    }
    int next = from + size;
    respond(
        exchange,
        200,
        "{\"SuppressedDestinationSummaries\":["
            + items
            + "]"
            + (next < addresses.size() ? ",\"NextToken\":\"" + next + "\"" : "")
            + "}");
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
    respond(exchange, status, "{\"message\":\"" + message + "\"}");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
