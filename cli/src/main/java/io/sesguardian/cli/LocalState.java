/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.sesguardian.aws.DynamoDbFeedbackStore;
import io.sesguardian.aws.DynamoDbTables;
import io.sesguardian.domain.sync.Sleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The guardian's local state: an embedded DynamoDB Local persisted under a folder ({@code
 * ./.guardian/} by default), holding the same table the deployed stack uses. Close it to flush.
 */
final class LocalState implements AutoCloseable {

  static final String TABLE = "guardian";

  private final AmazonDynamoDBLocal dynamoDbLocal;
  private final DynamoDbClient client;
  private final DynamoDbFeedbackStore store;

  private LocalState(Path dir, Clock clock) throws IOException {
    Path db = dir.resolve("dynamodb");
    Files.createDirectories(db);
    quietDynamoDbLocal();
    // The file is DynamoDB Local's SQLite database; telemetry is off (false).
    this.dynamoDbLocal = DynamoDBEmbedded.create(db.resolve("guardian.db").toFile(), false);
    this.client = dynamoDbLocal.dynamoDbClient();
    DynamoDbTables.createIfMissing(client, TABLE);
    this.store =
        new DynamoDbFeedbackStore(
            client, TABLE, DynamoDbFeedbackStore.Settings.DEFAULT, clock, Sleeper.REAL);
  }

  /** Opens (creating if needed) the state under {@code dir}; {@code fresh} wipes it first. */
  static LocalState open(Path dir, boolean fresh, Clock clock) throws IOException {
    if (fresh && Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return new LocalState(dir, clock);
  }

  /** A usage error, saying what to run, when there is no local store under {@code dir}. */
  static void requireExisting(Path dir, picocli.CommandLine cmd) {
    if (!Files.isDirectory(dir.resolve("dynamodb"))) {
      throw new picocli.CommandLine.ParameterException(
          cmd,
          "no local store in "
              + dir
              + ": run 'guardian replay PATH...' first (or give --state DIR)");
    }
  }

  DynamoDbFeedbackStore store() {
    return store;
  }

  private static void quietDynamoDbLocal() {
    // DynamoDB Local logs through Log4j 2; keep the CLI's stdout and stderr for the CLI.
    System.setProperty("log4j2.level", "OFF");
    System.setProperty("log4j2.statusLoggerLevel", "OFF");
    System.setProperty("sqlite4java.debug", "false");
  }

  @Override
  public void close() {
    client.close();
    dynamoDbLocal.shutdown();
  }
}
