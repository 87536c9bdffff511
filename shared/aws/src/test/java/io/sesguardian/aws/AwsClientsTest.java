/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;

class AwsClientsTest {

  @Test
  void missingRegion_failsWithAMessageThatSaysHowToFixIt() {
    assertThatThrownBy(() -> AwsClients.fromEnvironment(Map.of()))
        .hasMessageContaining("AWS_REGION")
        .hasMessageContaining("export");
  }

  @Test
  void sesV2Client_sendsASignedRequestToTheConfiguredEndpoint() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              "{\"EnforcementStatus\":\"HEALTHY\",\"ProductionAccessEnabled\":false}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    stub.start();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    try (AwsClients clients =
            AwsClients.forEndpoint(
                Region.US_EAST_1, URI.create("http://127.0.0.1:" + stub.getAddress().getPort()));
        var ses = clients.sesV2()) {
      GetAccountResponse account = ses.getAccount(r -> r.build());
      assertThat(account.enforcementStatus()).isEqualTo("HEALTHY");
      assertThat(account.productionAccessEnabled()).isFalse();
      assertThat(seen).singleElement().asString().startsWith("GET /v2/email/account AWS4-HMAC");
    } finally {
      stub.stop(0);
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
