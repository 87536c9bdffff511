/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the guardian's table where no CloudFormation does it (local runs, DynamoDB Local, tests).
 * The definition matches {@code template.yaml}'s {@code GuardianTable}.
 */
public final class DynamoDbTables {

  private DynamoDbTables() {}

  /** Creates {@code table} unless it exists; returns whether it was created. */
  public static boolean createIfMissing(DynamoDbClient dynamo, String table) {
    try {
      dynamo.describeTable(r -> r.tableName(table));
      return false;
    } catch (ResourceNotFoundException e) {
      dynamo.createTable(
          r ->
              r.tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      attribute("pk"),
                      attribute("sk"),
                      attribute("sesState"),
                      attribute("obsk"),
                      attribute("cday"))
                  .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                  .globalSecondaryIndexes(
                      GlobalSecondaryIndex.builder()
                          .indexName(SuppressionItem.OUTBOX_INDEX)
                          .keySchema(key("sesState", KeyType.HASH), key("obsk", KeyType.RANGE))
                          .projection(
                              Projection.builder().projectionType(ProjectionType.ALL).build())
                          .build(),
                      GlobalSecondaryIndex.builder()
                          .indexName(DynamoDbLedger.SCOPES_INDEX)
                          .keySchema(key("cday", KeyType.HASH), key("pk", KeyType.RANGE))
                          .projection(
                              Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                          .build()));
      dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
      return true;
    }
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
