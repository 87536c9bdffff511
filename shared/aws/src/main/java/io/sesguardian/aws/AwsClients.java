/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the SDK clients once per container: one lightweight HTTP client (URL connection: the
 * smallest artifact and the fastest cold start measured here), the region from {@code AWS_REGION},
 * and explicit call and attempt timeouts so a slow endpoint can never eat a Lambda's whole budget.
 *
 * <p>An endpoint override (DynamoDB Local, a stub, LocalStack) is only for tests and local runs.
 */
public final class AwsClients implements AutoCloseable {

  /** Time allowed for one HTTP attempt. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  /** Time allowed for one SDK call, retries included. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

  private final Region region;
  private final Optional<URI> endpoint;
  private final SdkHttpClient http;
  private final ClientOverrideConfiguration overrides;
  private final AwsCredentialsProvider credentials;
  private final UnaryOperator<SdkHttpClient> wrapHttp;
  private final List<ExecutionInterceptor> interceptors;
  private final UnaryOperator<ClientOverrideConfiguration.Builder> customize;

  /** Built on first use: building an SDK client costs tens of milliseconds of class loading. */
  private SesV2Client sesV2;

  private SesV2Client sesV2WithoutRetries;
  private SnsClient sns;

  private AwsClients(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
    this(region, endpoint, credentials, http -> http, List.of(), b -> b);
  }

  private AwsClients(
      Region region,
      Optional<URI> endpoint,
      AwsCredentialsProvider credentials,
      UnaryOperator<SdkHttpClient> wrapHttp,
      List<ExecutionInterceptor> interceptors,
      UnaryOperator<ClientOverrideConfiguration.Builder> customize) {
    this.region = Objects.requireNonNull(region, "region");
    this.endpoint = endpoint;
    this.http =
        wrapHttp.apply(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1))
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build());
    ClientOverrideConfiguration.Builder config =
        ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
            .apiCallTimeout(CALL_TIMEOUT);
    interceptors.forEach(config::addExecutionInterceptor);
    this.overrides = customize.apply(config).build();
    this.customize = customize;
    this.credentials = credentials;
    this.wrapHttp = wrapHttp;
    this.interceptors = List.copyOf(interceptors);
  }

  /**
   * A copy whose clients also pass every request through {@code interceptor} (request counting in
   * tests and benchmarks) and send it through {@code wrapHttp} applied to the HTTP client (fault
   * injection). Close the copy separately.
   */
  public AwsClients instrumented(
      ExecutionInterceptor interceptor, UnaryOperator<SdkHttpClient> wrapHttp) {
    List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
    all.add(interceptor);
    UnaryOperator<SdkHttpClient> wrap = h -> wrapHttp.apply(this.wrapHttp.apply(h));
    return new AwsClients(region, endpoint, credentials, wrap, all, customize);
  }

  /**
   * A copy whose clients' override configuration is adjusted by {@code customize} (tests shorten
   * the SDK's retry back-off with it). Close the copy separately.
   */
  public AwsClients customized(UnaryOperator<ClientOverrideConfiguration.Builder> customize) {
    UnaryOperator<ClientOverrideConfiguration.Builder> both =
        b -> customize.apply(this.customize.apply(b));
    return new AwsClients(region, endpoint, credentials, wrapHttp, interceptors, both);
  }

  /**
   * Clients for the region named by {@code AWS_REGION} (set by Lambda), failing with a message that
   * says how to fix it when the variable is missing.
   */
  public static AwsClients fromEnvironment(java.util.Map<String, String> env) {
    String region = env.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      throw new IllegalStateException(
          "AWS_REGION is not set: Lambda sets it; locally export AWS_REGION=us-east-1 (or your"
              + " SES region)");
    }
    return new AwsClients(Region.of(region), Optional.empty(), credentials(env));
  }

  /**
   * The one credentials source the environment offers, named up front: the SDK's default chain
   * would load and try each provider in turn, which is start-up time (AWS's cold-start advice).
   * Lambda gives SnapStart functions a container endpoint and others environment keys; anything
   * else (a developer's profile, SSO) keeps the default chain ({@code null}).
   */
  static AwsCredentialsProvider credentials(java.util.Map<String, String> env) {
    if (env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null
        || env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null) {
      return ContainerCredentialsProvider.builder().build();
    }
    if (env.get("AWS_ACCESS_KEY_ID") != null && env.get("AWS_SECRET_ACCESS_KEY") != null) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    return null;
  }

  /**
   * Clients that talk to {@code endpoint} instead of AWS (DynamoDB Local, stubs, LocalStack), with
   * placeholder credentials.
   */
  public static AwsClients forEndpoint(Region region, URI endpoint) {
    return new AwsClients(
        region,
        Optional.of(endpoint),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }

  /**
   * A DynamoDB client that never retries by itself: every DynamoDB adapter retries through {@link
   * DynamoTable}'s {@link io.sesguardian.domain.time.RetryPolicy}, which knows the caller's
   * deadline. SDK retries underneath would multiply the attempts (3 SDK attempts per policy
   * attempt) and hide time from the deadline.
   */
  public DynamoDbClient dynamoDb() {
    return build(DynamoDbClient.builder(), withoutRetries());
  }

  /** The SESv2 client, built on first use and kept (a handler may ask on every invocation). */
  public synchronized SesV2Client sesV2() {
    if (sesV2 == null) {
      sesV2 = build(SesV2Client.builder());
    }
    return sesV2;
  }

  /**
   * An SESv2 client that never retries by itself, for callers that pace and retry their own SES
   * management calls (one request per second per account). Built on first use and kept.
   */
  public synchronized SesV2Client sesV2WithoutRetries() {
    if (sesV2WithoutRetries == null) {
      sesV2WithoutRetries = build(SesV2Client.builder(), withoutRetries());
    }
    return sesV2WithoutRetries;
  }

  /**
   * Any other SDK client, configured like the ones above (one HTTP client, timeouts, region). SNS,
   * SQS and the SESv2 account reads keep the SDK's standard retries: no adapter retries them again.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
    return build(builder, overrides);
  }

  /** The SNS client, built on first use and kept. */
  public synchronized SnsClient sns() {
    if (sns == null) {
      sns = build(SnsClient.builder());
    }
    return sns;
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, ClientOverrideConfiguration configuration) {
    builder.region(region).httpClient(http).overrideConfiguration(configuration);
    endpoint.ifPresent(builder::endpointOverride);
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }

  private ClientOverrideConfiguration withoutRetries() {
    return overrides.toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
  }

  /** Closes the shared HTTP client; clients built from this factory stop working. */
  @Override
  public void close() {
    http.close();
  }
}
