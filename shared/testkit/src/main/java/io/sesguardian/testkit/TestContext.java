/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda {@link Context} for handler tests that keeps what the handler logged. */
public final class TestContext implements Context {

  private final String requestId;
  private final java.time.Clock clock;
  private final java.time.Instant end;
  private final List<String> logged = new CopyOnWriteArrayList<>();

  public TestContext(String requestId) {
    this(requestId, java.time.Clock.systemUTC(), null);
  }

  /**
   * A context whose invocation ends at {@code end} on {@code clock}: {@link
   * #getRemainingTimeInMillis} follows the clock (a {@link MutableClock} in deadline tests).
   */
  public TestContext(String requestId, java.time.Clock clock, java.time.Instant end) {
    this.requestId = requestId;
    this.clock = clock;
    this.end = end;
  }

  public List<String> logged() {
    return List.copyOf(logged);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/test";
  }

  @Override
  public String getLogStreamName() {
    return "test";
  }

  @Override
  public String getFunctionName() {
    return "test";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:test";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    if (end == null) {
      return 30_000;
    }
    return (int) Math.max(0, java.time.Duration.between(clock.instant(), end).toMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        logged.add(message);
      }

      @Override
      public void log(byte[] message) {
        logged.add(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
