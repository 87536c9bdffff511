/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.regions.Region;

/**
 * One in-memory DynamoDB Local per test JVM, on a loopback port, reached through the real SDK
 * client over HTTP (so interceptors, retries and fault injection see every request). The first
 * start costs about two seconds of class loading; each test gets its own table.
 */
final class DynamoDbLocal {

  private static DynamoDBProxyServer server;
  private static URI endpoint;
  private static final AtomicInteger TABLES = new AtomicInteger();

  private DynamoDbLocal() {}

  static synchronized URI endpoint() {
    if (server == null) {
      int port = freePort();
      try {
        server =
            ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port)});
        server.start();
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
      }
      endpoint = URI.create("http://127.0.0.1:" + port);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.stop();
                    } catch (Exception ignored) {
                      // the JVM is exiting
                    }
                  }));
    }
    return endpoint;
  }

  static AwsClients clients() {
    return AwsClients.forEndpoint(Region.US_EAST_1, endpoint());
  }

  /** A new, empty guardian table. */
  static String newTable(AwsClients clients) {
    String name = "guardian-test-" + TABLES.incrementAndGet();
    try (var dynamo = clients.dynamoDb()) {
      DynamoDbTables.createIfMissing(dynamo, name);
    }
    return name;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port", e);
    }
  }
}
