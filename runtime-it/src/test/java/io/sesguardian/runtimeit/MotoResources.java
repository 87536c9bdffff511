/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.runtimeit;

import io.sesguardian.testkit.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few set-up calls the IT needs on the test kit's {@link MotoServer}, sent as raw requests so
 * the IT's own classpath stays free of the SDK. Moto picks the service from the credential scope of
 * the {@code Authorization} header and does not check signatures.
 */
final class MotoResources implements AutoCloseable {

  private final MotoServer moto;
  private final String endpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String suffix = Long.toString(System.nanoTime(), 36);

  private MotoResources(MotoServer moto) {
    this.moto = moto;
    this.endpoint = moto.endpoint().toString().replaceAll("/+$", "");
  }

  /** Starts moto (or uses {@code GUARDIAN_MOTO_ENDPOINT}) through the test kit's launcher. */
  static MotoResources start() {
    return new MotoResources(MotoServer.start());
  }

  String endpoint() {
    return endpoint;
  }

  /** The guardian table with the key schema and indexes of template.yaml's GuardianTable. */
  String createTable(String name) throws Exception {
    String table = name + "-" + suffix;
    String body =
        """
        {"TableName":"%s","BillingMode":"PAY_PER_REQUEST",
         "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},
           {"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"sesState","AttributeType":"S"},
           {"AttributeName":"obsk","AttributeType":"S"},{"AttributeName":"cday","AttributeType":"S"}],
         "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
         "GlobalSecondaryIndexes":[
           {"IndexName":"outbox","KeySchema":[{"AttributeName":"sesState","KeyType":"HASH"},
             {"AttributeName":"obsk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}},
           {"IndexName":"scopes","KeySchema":[{"AttributeName":"cday","KeyType":"HASH"},
             {"AttributeName":"pk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]}
        """
            .formatted(table);
    send("dynamodb", "DynamoDB_20120810.CreateTable", "application/x-amz-json-1.0", body);
    return table;
  }

  /** A topic; returns its ARN. */
  String createTopic(String name) throws Exception {
    String xml =
        send(
            "sns",
            null,
            "application/x-www-form-urlencoded",
            "Action=CreateTopic&Version=2010-03-31&Name=" + name + "-" + suffix);
    return element(xml, "TopicArn");
  }

  /** A queue; returns its URL. */
  String createQueue(String name) throws Exception {
    String xml =
        send(
            "sqs",
            null,
            "application/x-www-form-urlencoded",
            "Action=CreateQueue&Version=2012-11-05&QueueName=" + name + "-" + suffix);
    return element(xml, "QueueUrl");
  }

  @Override
  public void close() {
    moto.close();
  }

  private String send(String service, String target, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + "/"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("X-Amz-Date", "20261201T000000Z")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=testing/20261201/us-east-1/"
                    + service
                    + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "moto refused "
              + service
              + " set-up ("
              + response.statusCode()
              + "): "
              + response.body());
    }
    return response.body();
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in moto's answer: " + xml);
    }
    return m.group(1);
  }
}
