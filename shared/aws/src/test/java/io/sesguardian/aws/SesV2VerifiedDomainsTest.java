/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.testkit.LoopbackHttpStub;
import io.sesguardian.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SESv2 {@code ListEmailIdentities} through the real SDK client, read at most hourly. */
class SesV2VerifiedDomainsTest {

  private static final byte[] IDENTITIES =
      ("{\"EmailIdentities\":["
              + "{\"IdentityType\":\"DOMAIN\",\"IdentityName\":\"OurCompany.com\","
              + "\"SendingEnabled\":true,\"VerificationStatus\":\"SUCCESS\"},"
              + "{\"IdentityType\":\"EMAIL_ADDRESS\",\"IdentityName\":\"ops@elsewhere.org\","
              + "\"SendingEnabled\":true,\"VerificationStatus\":\"SUCCESS\"},"
              + "{\"IdentityType\":\"DOMAIN\",\"IdentityName\":\"pending.example\","
              + "\"SendingEnabled\":false,\"VerificationStatus\":\"PENDING\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void verifiedDomainIdentities_areReadOnceAnHour() {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:00:00Z"));
    try (LoopbackHttpStub ses =
            new LoopbackHttpStub(200, Map.of("Content-Type", "application/json"), IDENTITIES);
        AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, ses.endpoint());
        SesV2Client client = clients.sesV2()) {
      SesV2VerifiedDomains domains = new SesV2VerifiedDomains(client, clock);

      assertThat(domains.get()).containsExactly("ourcompany.com");
      clock.advance(Duration.ofMinutes(59));
      assertThat(domains.get()).containsExactly("ourcompany.com");
      assertThat(ses.requests()).hasSize(1);
      assertThat(ses.requests().get(0).path()).isEqualTo("/v2/email/list-identities");

      clock.advance(Duration.ofMinutes(1));
      domains.get();
      assertThat(ses.requests()).hasSize(2);
    }
  }

  @Test
  void aFailedRead_keepsTheLastAnswer_andIngestGoesOn() {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:00:00Z"));
    try (LoopbackHttpStub ses = new LoopbackHttpStub(500, Map.of(), new byte[0]);
        AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, ses.endpoint());
        SesV2Client client = clients.sesV2WithoutRetries()) {
      assertThat(new SesV2VerifiedDomains(client, clock).get()).isEmpty();
      assertThat(ses.requests()).isNotEmpty();
    }
  }
}
