/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.SesFigures;
import io.sesguardian.testkit.LoopbackHttpStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

/**
 * {@code GetMetricData} through the real SDK client (Smithy RPC v2 CBOR, as CloudWatch speaks it)
 * against a loopback stub: one request for the account and every configuration set.
 */
class CloudWatchSesMetricsTest {

  private static final Instant NOW = Instant.parse("2026-05-10T12:30:00Z");
  private static final Instant SAMPLE = Instant.parse("2026-05-10T12:00:00Z");

  /** A GetMetricData answer: the account's two metrics and the marketing set's bounce rate. */
  private static byte[] answer() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("MetricDataResults");
      g.writeStartArray();
      result(g, "s0b", 0.052);
      result(g, "s0c", 0.0002);
      result(g, "s1b", 0.01);
      g.writeStartObject();
      g.writeStringField("Id", "s1c");
      g.writeStringField("StatusCode", "Complete");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void result(CBORGenerator g, String id, double value) throws IOException {
    g.writeStartObject();
    g.writeStringField("Id", id);
    g.writeStringField("StatusCode", "Complete");
    g.writeFieldName("Timestamps");
    g.writeStartArray();
    // RPC v2 CBOR timestamps: tag 1, epoch seconds.
    g.writeTag(1);
    g.writeNumber((double) SAMPLE.getEpochSecond());
    g.writeEndArray();
    g.writeFieldName("Values");
    g.writeStartArray();
    g.writeNumber(value);
    g.writeEndArray();
    g.writeEndObject();
  }

  @Test
  void accountAndConfigurationSets_areReadInOneRequest() throws Exception {
    LoopbackHttpStub server = LoopbackHttpStub.cbor(answer());
    try (AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, server.endpoint());
        CloudWatchClient cloudWatch = clients.build(CloudWatchClient.builder())) {
      Map<Scope, SesFigures> figures =
          new CloudWatchSesMetrics(cloudWatch)
              .read(
                  List.of(
                      Scope.ACCOUNT,
                      Scope.configurationSet("marketing"),
                      Scope.domain("example.com")),
                  NOW);

      assertThat(server.requests())
          .extracting(LoopbackHttpStub.Request::path)
          .containsExactly("/service/GraniteServiceVersion20100801/operation/GetMetricData");
      assertThat(server.requests().get(0).body())
          .contains("AWS/SES", "Reputation.BounceRate", "Reputation.ComplaintRate")
          .contains("ses:configuration-set", "marketing")
          .doesNotContain("example.com");
      assertThat(figures)
          .containsEntry(Scope.ACCOUNT, new SesFigures(0.052, 0.0002, SAMPLE))
          .containsEntry(Scope.configurationSet("marketing"), new SesFigures(0.01, null, SAMPLE))
          .hasSize(2);
    } finally {
      server.close();
    }
  }

  @Test
  void anUnreadableAnswer_isNoFigures_neverAFailure() throws Exception {
    try (LoopbackHttpStub server = new LoopbackHttpStub(400, Map.of(), new byte[0]);
        AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, server.endpoint());
        CloudWatchClient cloudWatch = clients.build(CloudWatchClient.builder())) {
      assertThat(new CloudWatchSesMetrics(cloudWatch).read(List.of(Scope.ACCOUNT), NOW)).isEmpty();
      assertThat(server.requests()).isNotEmpty();
    }
  }

  @Test
  void noAccountOrConfigurationSet_asksNothing() {
    CloudWatchSesMetrics metrics =
        new CloudWatchSesMetrics(
            CloudWatchClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(java.net.URI.create("http://127.0.0.1:9"))
                .credentialsProvider(
                    software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
                .build());
    assertThat(metrics.read(List.of(Scope.domain("example.com")), NOW)).isEmpty();
  }
}
