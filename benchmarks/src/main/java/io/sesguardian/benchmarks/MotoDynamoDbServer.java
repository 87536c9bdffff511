/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.DynamoDbTables;
import io.sesguardian.testkit.MotoServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * DynamoDB on moto ({@code moto_server} on a free loopback port, see {@link MotoServer}) for the
 * benchmarks. As a program it creates the guardian's table, writes the endpoint to {@code
 * READY_FILE} when serving, and stops moto when stdin closes (for benchmarks that run the functions
 * in separate JVMs):
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.sesguardian.benchmarks.MotoDynamoDbServer
 * TABLE READY_FILE}
 */
public final class MotoDynamoDbServer {

  private MotoDynamoDbServer() {}

  /** Work to do against a DynamoDB endpoint. */
  @FunctionalInterface
  interface Work {
    void run(URI endpoint) throws Exception;
  }

  private static final Duration MOTO_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Clients for moto with timeouts sized for it: moto answers a Query on a 10,000-item index or a
   * transaction on a large table in seconds, past the production 2-second attempt timeout, which
   * would turn the benchmark into a measure of retries.
   */
  static AwsClients clients(URI endpoint) {
    try (AwsClients plain = AwsClients.forEndpoint(Region.US_EAST_1, endpoint)) {
      return plain
          .customized(b -> b.apiCallAttemptTimeout(MOTO_TIMEOUT).apiCallTimeout(MOTO_TIMEOUT))
          .instrumented(
              new io.sesguardian.aws.RequestCounter(),
              production -> {
                production.close();
                return UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(1))
                    .socketTimeout(MOTO_TIMEOUT)
                    .build();
              });
    }
  }

  /** Runs {@code work} against a fresh moto server, stops it, then ends the JVM. */
  static void runAndExit(Work work) throws Exception {
    try (MotoServer moto = MotoServer.start()) {
      work.run(moto.endpoint());
    }
    System.exit(0);
  }

  public static void main(String[] args) throws Exception {
    try (MotoServer moto = MotoServer.start()) {
      try (AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, moto.endpoint());
          var dynamo = clients.dynamoDb()) {
        DynamoDbTables.createIfMissing(dynamo, args[0]);
      }
      Files.writeString(Path.of(args[1]), moto.endpoint() + "\n");
      while (System.in.read() >= 0) {
        // serve until stdin closes
      }
    }
    System.exit(0);
  }
}
