/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.readiness.Readiness;
import io.sesguardian.domain.readiness.ReadinessCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Readiness through the real SESv2 client against stubbed SES answers. */
class SesV2SetupTest {

  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:feedback";

  @Test
  void stubbedSesAnswers_mapToPassingChecks_andAnUnknownDomainFails() throws Exception {
    try (SesHttpStub ses = new SesHttpStub();
        AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, ses.endpoint())) {
      SesV2Setup setup = new SesV2Setup(clients.sesV2(), d -> Map.of());
      List<ReadinessCheck> good = Readiness.check(setup, "example.com", TOPIC, 0L, Duration.ZERO);
      assertThat(good).allMatch(ReadinessCheck::pass);

      ses.suppressedReasons = List.of("BOUNCE");
      List<String> failing =
          Readiness.check(setup, "unknown.example", TOPIC, 0L, Duration.ZERO).stream()
              .filter(c -> !c.pass())
              .map(ReadinessCheck::name)
              .toList();
      assertThat(failing)
          .containsExactly(
              "sending domain verified",
              "DKIM verified",
              "account suppression list covers BOUNCE and COMPLAINT");
    }
  }
}
