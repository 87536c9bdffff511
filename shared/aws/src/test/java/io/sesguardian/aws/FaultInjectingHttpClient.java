/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>DynamoDB makes a repeated {@code TransactWriteItems} with the same {@code ClientRequestToken}
 * idempotent (for 10 minutes): it answers success without applying it again, and {@code
 * IdempotentParameterMismatchException} when the token comes back with other items. moto ignores
 * the token, so this wrapper plays that part for the transactions whose answers it lost: it keeps
 * the real answer and gives it to a retry carrying the same token and body, without sending the
 * retry to moto. The adapter's exactly-once accounting after a lost answer is therefore tested
 * against this emulation, not against the engine.
 */
final class FaultInjectingHttpClient implements SdkHttpClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SdkHttpClient delegate;
  private final double throttleShare;
  private final double lostAnswerShare;
  private final Random random;
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong lostAnswers = new AtomicLong();
  final AtomicLong replayedTokens = new AtomicLong();

  private final Map<String, Committed> committed = new ConcurrentHashMap<>();

  /** A transaction moto applied but whose answer was lost: its body and the real answer. */
  private record Committed(byte[] body, int status, byte[] answer) {}

  /**
   * Whether every committed transaction's token is remembered, not only those whose answer was
   * lost.
   */
  private final boolean rememberEveryToken;

  FaultInjectingHttpClient(
      SdkHttpClient delegate, double throttleShare, double lostAnswerShare, long seed) {
    this(delegate, throttleShare, lostAnswerShare, seed, false);
  }

  /**
   * No faults, only DynamoDB's token window: every committed {@code TransactWriteItems} is
   * remembered, so a later one with its {@code ClientRequestToken} is answered as DynamoDB does
   * within 10 minutes (moto ignores the token).
   */
  static FaultInjectingHttpClient tokenWindow(SdkHttpClient delegate) {
    return new FaultInjectingHttpClient(delegate, 0, 0, 1, true);
  }

  private FaultInjectingHttpClient(
      SdkHttpClient delegate,
      double throttleShare,
      double lostAnswerShare,
      long seed,
      boolean rememberEveryToken) {
    this.rememberEveryToken = rememberEveryToken;
    this.delegate = delegate;
    this.throttleShare = throttleShare;
    this.lostAnswerShare = lostAnswerShare;
    this.random = new Random(seed);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    byte[] body = body(request);
    String token = transactionToken(request, body);
    if (token != null && committed.containsKey(token)) {
      Committed earlier = committed.get(token);
      if (!Arrays.equals(earlier.body(), body)) {
        return fake(400, "IdempotentParameterMismatchException", "same token, other request");
      }
      replayedTokens.incrementAndGet();
      return answer(earlier.status(), earlier.answer());
    }
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
    // Until one committed transaction has lost its answer, every transaction loses it: which
    // requests the shared random source hits depends on thread interleaving, and a storm whose
    // lost answers all fell on reads would not test the token path at all.
    boolean forceLost = token != null && lostAnswerShare > 0 && committed.isEmpty();
    if (forceLost || roll < throttleShare + lostAnswerShare) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          HttpExecuteResponse response = real.call();
          byte[] answer = new byte[0];
          if (response.responseBody().isPresent()) {
            answer = response.responseBody().get().readAllBytes();
            response.responseBody().get().close();
          }
          if (token != null && response.httpResponse().isSuccessful()) {
            committed.put(token, new Committed(body, response.httpResponse().statusCode(), answer));
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
    if (token != null && rememberEveryToken) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          HttpExecuteResponse response = real.call();
          if (!response.httpResponse().isSuccessful()) {
            return response;
          }
          byte[] answer = new byte[0];
          if (response.responseBody().isPresent()) {
            answer = response.responseBody().get().readAllBytes();
            response.responseBody().get().close();
          }
          committed.put(token, new Committed(body, response.httpResponse().statusCode(), answer));
          return answer(response.httpResponse().statusCode(), answer).call();
        }

        @Override
        public void abort() {
          real.abort();
        }
      };
    }
    return real;
  }

  private static byte[] body(HttpExecuteRequest request) {
    if (request.contentStreamProvider().isEmpty()) {
      return new byte[0];
    }
    try (InputStream in = request.contentStreamProvider().get().newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ClientRequestToken of a TransactWriteItems request, or null. */
  private static String transactionToken(HttpExecuteRequest request, byte[] body) {
    boolean transaction =
        request
            .httpRequest()
            .firstMatchingHeader("X-Amz-Target")
            .filter(t -> t.endsWith(".TransactWriteItems"))
            .isPresent();
    if (!transaction) {
      return null;
    }
    try {
      JsonNode token = JSON.readTree(body).get("ClientRequestToken");
      return token == null ? null : token.asText();
    } catch (IOException e) {
      return null;
    }
  }

  private static ExecutableHttpRequest fake(int status, String type, String message) {
    return answer(
        status,
        ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + type
                + "\",\"message\":\""
                + message
                + "\"}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static ExecutableHttpRequest answer(int status, byte[] body) {
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
