/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sesguardian.testkit.LoopbackHttpStub;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SESv2 {@code ListEmailIdentities} through the real SDK client. */
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
  void onlyVerifiedDomainIdentities_areRead_lowerCased() {
    try (LoopbackHttpStub ses =
            new LoopbackHttpStub(200, Map.of("Content-Type", "application/json"), IDENTITIES);
        AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, ses.endpoint());
        SesV2Client client = clients.sesV2()) {
      assertThat(new SesV2VerifiedDomains(client).get()).containsExactly("ourcompany.com");
      assertThat(ses.requests()).hasSize(1);
      assertThat(ses.requests().get(0).path()).isEqualTo("/v2/email/list-identities");
    }
  }

  @Test
  void sesFailing_throws_soTheMonitorKeepsTheLastList() {
    try (LoopbackHttpStub ses = new LoopbackHttpStub(500, Map.of(), new byte[0]);
        AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, ses.endpoint());
        SesV2Client client = clients.sesV2WithoutRetries()) {
      assertThatThrownBy(() -> new SesV2VerifiedDomains(client).get())
          .isInstanceOf(SdkException.class);
    }
  }
}
