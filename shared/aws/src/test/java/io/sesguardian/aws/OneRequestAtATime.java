/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Lets one request at a time reach moto. DynamoDB applies each request atomically and isolates
 * transactions from each other; moto serves requests on parallel threads without a lock, applies a
 * TransactWriteItems item by item and rolls a cancelled one back by restoring a copy of the whole
 * table, which can erase another thread's committed write and lets readers see half a transaction.
 * Serialising requests restores the per-request atomicity the adapter relies on, while threads
 * still race between requests (conditional checks, duplicates, retries), which is what the
 * concurrency tests are about. moto answers only after it has applied a request, so holding the
 * gate for the exchange is enough.
 */
final class OneRequestAtATime implements SdkHttpClient {

  /** One gate per JVM: the tests share one moto server. */
  private static final ReentrantLock GATE = new ReentrantLock(true);

  private final SdkHttpClient delegate;

  OneRequestAtATime(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    ExecutableHttpRequest real = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        GATE.lock();
        try {
          return real.call();
        } finally {
          GATE.unlock();
        }
      }

      @Override
      public void abort() {
        real.abort();
      }
    };
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String clientName() {
    return "OneRequestAtATime(" + delegate.clientName() + ")";
  }
}
