/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.Priming;
import io.sesguardian.aws.RequestCounter;
import io.sesguardian.testkit.RecordingTelemetry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The SnapStart priming hook the ingest function registers before its snapshot. */
class PrimingTest {

  private static Priming priming(int status, RequestCounter counter, HttpServer[] server)
      throws Exception {
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              (status == 200
                      ? "{\"Count\":0,\"ScannedCount\":0,\"Items\":[]}"
                      : "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                          + "\"message\":\"no table\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    stub.start();
    server[0] = stub;
    AwsClients clients =
        AwsClients.forEndpoint(
                Region.US_EAST_1, URI.create("http://127.0.0.1:" + stub.getAddress().getPort()))
            .instrumented(counter, h -> h);
    GuardianRuntime runtime =
        GuardianRuntime.of(GuardianConfig.fromEnvironment(Map.of("GUARDIAN_TABLE", "t")), clients);
    return IngestHandler.priming(runtime, new RecordingTelemetry());
  }

  @Test
  void beforeCheckpoint_normalisesASample_andMakesOneQueryAndOneGetItem() throws Exception {
    RequestCounter counter = new RequestCounter();
    HttpServer[] server = new HttpServer[1];
    try {
      Priming priming = priming(200, counter, server);
      priming.beforeCheckpoint(null);
      assertThat(counter.calls())
          .containsExactlyInAnyOrderEntriesOf(Map.of("Query", 1L, "GetItem", 1L));
      assertThat(priming.prime()).isEqualTo(3);
    } finally {
      server[0].stop(0);
    }
  }

  @Test
  void failingPrimingStep_isSwallowed_soTheSnapshotStillHappens() throws Exception {
    RequestCounter counter = new RequestCounter();
    HttpServer[] server = new HttpServer[1];
    try {
      assertThat(priming(400, counter, server).prime()).isEqualTo(1);
      assertThat(counter.calls("Query")).isEqualTo(1);
    } finally {
      server[0].stop(0);
    }
  }
}
