/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.runtimeit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SDK operation left in each packaged (ProGuard-shrunk) function jar marshals, signs, goes
 * over HTTP and unmarshals its answer, using only the jar's classes (see {@link
 * SdkOperationsSmoke}). The loopback stub answers each protocol's empty success: {@code {}} for
 * JSON (DynamoDB, SESv2), an empty CBOR map for Smithy RPC v2 (CloudWatch), an empty result element
 * for the query protocol (SNS).
 */
class SdkOperationsIT {

  private static final Path ROOT =
      Path.of(System.getProperty("guardian.root", "..")).toAbsolutePath().normalize();

  private static HttpServer server;
  private static final List<String> CALLS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", SdkOperationsIT::answer);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  @AfterAll
  static void stopStub() {
    if (server != null) {
      server.stop(0);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "IngestFunction",
        "OutboxFunction",
        "MonitorFunction",
        "ReportFunction",
        "CanaryFunction"
      })
  void everyOperationLeftInTheJar_runsWithTheJarsOwnClasses(String resource, @TempDir Path dir)
      throws Exception {
    Template.Function f = Template.read(ROOT.resolve("template.yaml")).function(resource);
    Path jar = ROOT.resolve(f.codeUri());
    Path smokeClasses =
        Path.of(
            SdkOperationsSmoke.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    CALLS.clear();
    Path out = dir.resolve("smoke.out");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar + File.pathSeparator + smokeClasses,
                SdkOperationsSmoke.class.getName(),
                "http://127.0.0.1:" + server.getAddress().getPort(),
                jar.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().clear();
    pb.environment()
        .putAll(
            Map.of(
                "PATH",
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME",
                dir.toString(),
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                "smoke",
                "AWS_SECRET_ACCESS_KEY",
                "smoke",
                "AWS_CONFIG_FILE",
                dir.resolve("no-aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE",
                dir.resolve("no-aws-credentials").toString(),
                "AWS_EC2_METADATA_DISABLED",
                "true"));
    Process process = pb.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();

    List<String> operations =
        Arrays.stream(output.split("\n"))
            .filter(l -> l.matches("(OK|BROKEN|FAILED) .*"))
            .collect(Collectors.toList());
    assertThat(operations).as(output).isNotEmpty().allMatch(l -> l.startsWith("OK "));
    // Each call went over the wire once (answers are successes: no retries).
    assertThat(CALLS).as(output).hasSameSizeAs(operations);
    // Every service client in the jar took part.
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      List<String> services =
          file.stream()
              .map(e -> e.getName())
              .filter(
                  n ->
                      n.matches(
                          "software/amazon/awssdk/services/[a-z0-9]+/Default\\w+Client\\.class"))
              .map(n -> n.split("/")[4])
              .toList();
      for (String service : services) {
        assertThat(operations).as(output).anyMatch(l -> l.startsWith("OK " + service + " "));
      }
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    byte[] request = exchange.getRequestBody().readAllBytes();
    Headers in = exchange.getRequestHeaders();
    Headers out = exchange.getResponseHeaders();
    String contentType = String.valueOf(in.getFirst("Content-Type"));
    byte[] body;
    if ("rpc-v2-cbor".equals(in.getFirst("smithy-protocol"))) {
      out.add("smithy-protocol", "rpc-v2-cbor");
      out.add("Content-Type", "application/cbor");
      body = new byte[] {(byte) 0xA0};
    } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
      String action = action(new String(request, StandardCharsets.UTF_8));
      out.add("Content-Type", "text/xml");
      body =
          ("<" + action + "Response><" + action + "Result/></" + action + "Response>")
              .getBytes(StandardCharsets.UTF_8);
    } else {
      out.add("Content-Type", in.containsKey("X-Amz-Target") ? contentType : "application/json");
      body = "{}".getBytes(StandardCharsets.UTF_8);
    }
    CALLS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static String action(String form) {
    for (String pair : form.split("&")) {
      if (pair.startsWith("Action=")) {
        return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
      }
    }
    return "Unknown";
  }
}
