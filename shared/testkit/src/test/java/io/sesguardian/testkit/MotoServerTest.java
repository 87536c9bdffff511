/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MotoServerTest {

  @Test
  void startedServer_answersOnLoopback_resets_andIsGoneAfterClose() throws Exception {
    assumeTrue(
        System.getenv(MotoServer.ENDPOINT_VARIABLE) == null,
        "an external moto is configured; this test is about the one the launcher starts");
    URI endpoint;
    try (MotoServer moto = MotoServer.start()) {
      endpoint = moto.endpoint();
      assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
      assertThat(status(endpoint)).isEqualTo(200);
      moto.reset();
    }
    assertThatThrownBy(() -> status(endpoint)).isInstanceOf(IOException.class);
  }

  private static int status(URI endpoint) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
    c.setConnectTimeout(1000);
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }
}
