/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Wraps the SDK's HTTP client and fails a share of DynamoDB calls the way DynamoDB does: throttling
 * (HTTP 400 {@code ThrottlingException}) before the request is sent, and HTTP 500 after it was sent
 * and applied (the answer is lost, so the SDK retries something that already happened).
 */
final class FaultInjectingHttpClient implements SdkHttpClient {

  private final SdkHttpClient delegate;
  private final double throttleShare;
  private final double lostAnswerShare;
  private final Random random;
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong lostAnswers = new AtomicLong();

  FaultInjectingHttpClient(
      SdkHttpClient delegate, double throttleShare, double lostAnswerShare, long seed) {
    this.delegate = delegate;
    this.throttleShare = throttleShare;
    this.lostAnswerShare = lostAnswerShare;
    this.random = new Random(seed);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    double roll;
    synchronized (random) {
      roll = random.nextDouble();
    }
    if (roll < throttleShare) {
      throttled.incrementAndGet();
      return fake(
          400, "ThrottlingException", "Rate of requests exceeds the allowed throughput (injected)");
    }
    ExecutableHttpRequest real = delegate.prepareRequest(request);
    if (roll < throttleShare + lostAnswerShare) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          HttpExecuteResponse response = real.call();
          if (response.responseBody().isPresent()) {
            response.responseBody().get().readAllBytes();
            response.responseBody().get().close();
          }
          lostAnswers.incrementAndGet();
          return fake(
                  500,
                  "InternalServerError",
                  "answer lost after the request was applied (injected)")
              .call();
        }

        @Override
        public void abort() {
          real.abort();
        }
      };
    }
    return real;
  }

  private static ExecutableHttpRequest fake(int status, String type, String message) {
    byte[] body =
        ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + type
                + "\",\"message\":\""
                + message
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        return HttpExecuteResponse.builder()
            .response(
                SdkHttpResponse.builder()
                    .statusCode(status)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("Content-Length", Integer.toString(body.length))
                    .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String clientName() {
    return "FaultInjecting(" + delegate.clientName() + ")";
  }
}
