/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Invokes a function's handler once, outside Lambda, the way the runtime would (kept out of the
 * function jars: it is a benchmark harness): the handler's no-arg constructor wires from the
 * environment ({@code GUARDIAN_TABLE}, {@code AWS_REGION}, and e.g. {@code
 * AWS_ENDPOINT_URL_DYNAMODB} for DynamoDB Local), then one event file is handled. Prints the
 * handler's answer, then how long after JVM start the event was handled (the cold-start benchmark
 * reads that line).
 *
 * <p>{@code java -cp functions/ingest/target/ingest.jar:benchmarks/target/classes
 * io.sesguardian.benchmarks.LocalInvoke io.sesguardian.functions.ingest.IngestHandler
 * events/lambda-sns/bounce-permanent-general.json}: the function jar comes first, so the handler
 * and everything it loads come from the shaded artifact Lambda would run.
 */
public final class LocalInvoke {

  private LocalInvoke() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LocalInvoke HANDLER-CLASS EVENT.json");
      System.exit(2);
    }
    // Clock readings only until the event is handled: the JVM's start time is asked afterwards,
    // because the management classes it needs would otherwise load inside the measured time.
    long mainAt = System.currentTimeMillis();
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    long constructedAt = System.currentTimeMillis();
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new java.io.ByteArrayInputStream(event)) {
      handler.handleRequest(in, out, new ConsoleContext());
    }
    long handledAt = System.currentTimeMillis();
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(out.toString(StandardCharsets.UTF_8));
    // Phases (ms after JVM start): main entered, handler constructed (the function's init: clients
    // wired), first event handled.
    System.out.println("main-after-jvm-start-ms " + (mainAt - start));
    System.out.println("constructed-after-jvm-start-ms " + (constructedAt - start));
    System.out.println("handled-after-jvm-start-ms " + (handledAt - start));
    System.exit(0);
  }

  /** A Lambda context that logs to stderr. */
  private static final class ConsoleContext implements Context {
    @Override
    public String getAwsRequestId() {
      return "local-invoke";
    }

    @Override
    public String getLogGroupName() {
      return "local";
    }

    @Override
    public String getLogStreamName() {
      return "local";
    }

    @Override
    public String getFunctionName() {
      return "ingest";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:local:000000000000:function:ingest";
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
      return 30_000;
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
          System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.println(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
