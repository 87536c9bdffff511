/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One loopback endpoint answering DynamoDB, SESv2, SNS and Lambda plausibly enough for every
 * function's code paths to run through the real SDK clients (so an interceptor can record which
 * operations each function calls). It keeps no state beyond "the outbox entry was served once".
 */
final class AwsRecordingStub implements AutoCloseable {

  private final HttpServer server;
  private final AtomicBoolean outboxServed = new AtomicBoolean();
  private final AtomicBoolean deleteServed = new AtomicBoolean();
  private final AtomicBoolean listedRefused = new AtomicBoolean();

  /**
   * An address that already has an entry: the first transaction that tries to create it is
   * cancelled (as DynamoDB cancels a conditional create), so the store reads which are listed.
   */
  static final String LISTED = "listed@example.com";

  private final Instant now;

  AwsRecordingStub(Instant now) throws IOException {
    this.now = now;
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String path = exchange.getRequestURI().getPath();
    if (target != null && target.startsWith("AmazonSQS.")) {
      respond(
          exchange,
          200,
          "application/x-amz-json-1.0",
          "{\"Attributes\":{\"ApproximateNumberOfMessages\":\"0\"}}");
    } else if (target != null
        && target.equals("DynamoDB_20120810.TransactWriteItems")
        && body.contains("S#" + LISTED)
        && body.contains("attribute_not_exists")
        && !listedRefused.getAndSet(true)) {
      respond(exchange, 400, "application/x-amz-json-1.0", cancelled(body));
    } else if (target != null && target.startsWith("DynamoDB_20120810.")) {
      respond(exchange, 200, "application/x-amz-json-1.0", dynamo(target.substring(18), body));
    } else if (path.startsWith("/v2/email/account") && exchange.getRequestMethod().equals("GET")) {
      respond(
          exchange,
          200,
          "application/json",
          "{\"ProductionAccessEnabled\":true,\"SendingEnabled\":true,\"EnforcementStatus\":\"HEALTHY\","
              + "\"SendQuota\":{\"Max24HourSend\":50000,\"SentLast24Hours\":100},"
              + "\"SuppressionAttributes\":{\"SuppressedReasons\":[]}}");
    } else if (path.equals("/v2/email/outbound-emails")) {
      respond(exchange, 200, "application/json", "{\"MessageId\":\"canary-1\"}");
    } else if (path.startsWith("/v2/email/")) {
      respond(exchange, 200, "application/json", "{}");
    } else if (path.startsWith("/2015-03-31/functions/")) {
      respond(exchange, 202, "application/json", "");
    } else if (body.contains("Action=Publish")) {
      respond(
          exchange,
          200,
          "text/xml",
          "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
              + "<MessageId>m</MessageId></PublishResult><ResponseMetadata><RequestId>r"
              + "</RequestId></ResponseMetadata></PublishResponse>");
    } else {
      respond(exchange, 400, "application/json", "{\"message\":\"not stubbed\"}");
    }
  }

  private String dynamo(String operation, String body) {
    String hour = now.toString().substring(0, 13);
    return switch (operation) {
      case "Query" -> {
        if (body.contains("\"IndexName\":\"outbox\"") && body.contains("UNSUPPRESS")) {
          // One queued DeleteSuppressedDestination (guardian unsuppress), served once.
          yield body.contains("\"Select\":\"COUNT\"") || deleteServed.getAndSet(true)
              ? "{\"Items\":[],\"Count\":0}"
              : "{\"Count\":1,\"Items\":[{\"pk\":{\"S\":\"U#y@example.com\"},\"sk\":{\"S\":\"U\"},"
                  + "\"address\":{\"S\":\"y@example.com\"},\"queuedAt\":{\"S\":\""
                  + now
                  + "\"},\"obsk\":{\"S\":\"000000000000000#y@example.com\"}}]}";
        }
        if (body.contains("\"IndexName\":\"outbox\"")) {
          if (body.contains("\"Select\":\"COUNT\"")) {
            yield "{\"Count\":0,\"ScannedCount\":0}";
          }
          yield outboxServed.getAndSet(true)
              ? "{\"Items\":[],\"Count\":0}"
              : "{\"Count\":1,\"Items\":[{\"pk\":{\"S\":\"S#x@example.com\"},\"sk\":{\"S\":\"S\"},"
                  + "\"address\":{\"S\":\"x@example.com\"},\"reason\":{\"S\":\"BOUNCE\"},"
                  + "\"origin\":{\"S\":\"HARD_BOUNCE\"},\"sesState\":{\"S\":\"PENDING\"},"
                  + "\"configurationSet\":{\"S\":\"marketing\"},"
                  + "\"recordedAt\":{\"S\":\""
                  + now
                  + "\"},\"count\":{\"N\":\"1\"}}]}";
        }
        if (body.contains("\"IndexName\":\"scopes\"")) {
          yield "{\"Count\":1,\"Items\":[{\"pk\":{\"S\":\"C#account\"},\"sk\":{\"S\":\"H#"
              + hour
              + "\"},\"cday\":{\"S\":\"D#x\"}}]}";
        }
        if (body.contains("\"S\":\"C#")) {
          yield "{\"Count\":1,\"Items\":[{\"pk\":{\"S\":\"C#account\"},\"sk\":{\"S\":\"H#"
              + hour
              + "\"},\"send\":{\"N\":\"1000\"},\"bounceCounted\":{\"N\":\"150\"}}]}";
        }
        if (body.contains("\"S\":\"CR\"")) {
          yield "{\"Count\":1,\"Items\":[{\"pk\":{\"S\":\"CR\"},\"sk\":{\"S\":\"guardian-1\"},"
              + "\"sentAt\":{\"S\":\""
              + now.minusSeconds(3600)
              + "\"},"
              + "\"expected\":{\"S\":\"bounce+guardian-1@simulator.amazonses.com=BOUNCE,\"}}]}";
        }
        if (body.contains("\"S\":\"B#")) {
          StringBuilder items = new StringBuilder();
          for (int i = 1; i <= 3; i++) {
            items
                .append(i > 1 ? "," : "")
                .append("{\"eventTime\":{\"S\":\"")
                .append(now.minusSeconds(i * 3600L))
                .append("\"}}");
          }
          yield "{\"Count\":3,\"Items\":[" + items + "]}";
        }
        yield "{\"Count\":0,\"Items\":[]}";
      }
      case "BatchGetItem" -> "{\"Responses\":{},\"UnprocessedKeys\":{}}";
      default -> "{}";
    };
  }

  /** DynamoDB's answer to a transaction whose create of {@link #LISTED}'s entry is refused. */
  private static String cancelled(String body) throws IOException {
    com.fasterxml.jackson.databind.JsonNode items =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("TransactItems");
    StringBuilder reasons = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonNode item : items) {
      boolean refused =
          item.path("Update").path("Key").path("pk").path("S").asText().equals("S#" + LISTED);
      reasons
          .append(reasons.length() == 0 ? "" : ",")
          .append("{\"Code\":\"")
          .append(refused ? "ConditionalCheckFailed" : "None")
          .append("\"}");
    }
    return "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
        + "\"message\":\"Transaction cancelled\",\"CancellationReasons\":["
        + reasons
        + "]}";
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
