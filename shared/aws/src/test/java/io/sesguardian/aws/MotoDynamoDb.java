/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.testkit.MotoServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Guardian tables on moto (see {@link io.sesguardian.testkit.MotoExtension}), reached through the
 * real SDK client over HTTP, so interceptors, retries and fault injection see every request. Each
 * test gets its own table; the extension empties moto between test classes.
 */
final class MotoDynamoDb {

  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final Duration MOTO_TIMEOUT = Duration.ofSeconds(60);

  private MotoDynamoDb() {}

  /**
   * Clients for moto, sending one request at a time (see {@link OneRequestAtATime}), with timeouts
   * long enough for moto. moto's time per TransactWriteItems grows with the table (it copies the
   * table to be able to roll back); with the production 2-second attempt timeout a slow answer
   * becomes a real lost answer, and the SDK's retry would run beside the request moto is still
   * applying, which is neither serial nor one of the faults the tests inject on purpose.
   */
  static AwsClients clients(MotoServer moto) {
    try (AwsClients plain = AwsClients.forEndpoint(Region.US_EAST_1, moto.endpoint())) {
      return plain
          .customized(b -> b.apiCallAttemptTimeout(MOTO_TIMEOUT).apiCallTimeout(MOTO_TIMEOUT))
          .instrumented(
              new RequestCounter(),
              production -> {
                production.close();
                return new OneRequestAtATime(
                    UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(MOTO_TIMEOUT)
                        .build());
              });
    }
  }

  /** A new, empty guardian table. */
  static String newTable(AwsClients clients) {
    String name = "guardian-test-" + TABLES.incrementAndGet();
    try (var dynamo = clients.dynamoDb()) {
      DynamoDbTables.createIfMissing(dynamo, name);
    }
    return name;
  }
}
