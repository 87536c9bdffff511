/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.DynamoDbTables;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.regions.Region;

/**
 * DynamoDB Local on a loopback port with the guardian's table, for benchmarks that run the
 * functions in separate JVMs. Writes {@code READY_FILE} when serving; stops when stdin closes.
 *
 * <p>{@code java -Dsqlite4java.library.path=benchmarks/target/lib -cp
 * benchmarks/target/benchmarks.jar io.sesguardian.benchmarks.DynamoDbLocalServer PORT TABLE
 * READY_FILE}
 */
public final class DynamoDbLocalServer {

  private DynamoDbLocalServer() {}

  /** Work to do against a DynamoDB Local endpoint. */
  @FunctionalInterface
  interface Work {
    void run(URI endpoint) throws Exception;
  }

  /**
   * Runs {@code work} against an in-memory DynamoDB Local on a free loopback port, then ends the
   * JVM (DynamoDB Local leaves non-daemon threads behind).
   */
  static void runAndExit(Work work) throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    DynamoDBProxyServer server =
        ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-port", Integer.toString(port)});
    server.start();
    try {
      work.run(URI.create("http://127.0.0.1:" + port));
    } finally {
      server.stop();
    }
    System.exit(0);
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    DynamoDBProxyServer server =
        ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-port", Integer.toString(port)});
    server.start();
    try (AwsClients clients =
            AwsClients.forEndpoint(Region.US_EAST_1, URI.create("http://127.0.0.1:" + port));
        var dynamo = clients.dynamoDb()) {
      DynamoDbTables.createIfMissing(dynamo, args[1]);
    }
    Files.writeString(Path.of(args[2]), "ready\n");
    while (System.in.read() >= 0) {
      // serve until stdin closes
    }
    server.stop();
    System.exit(0);
  }
}
