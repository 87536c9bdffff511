/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.runtimeit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each minimised function jar holds (RuntimeClientIT runs every one under the runtime client):
 * the SDK service clients its function calls and no other, the handler template.yaml names, and the
 * Apache NOTICE of what it bundles.
 */
class FunctionJarsIT {

  /** The SDK services each function module calls (issue 14: nothing it never calls). */
  private static final Map<String, Set<String>> CLIENTS =
      Map.of(
          "IngestFunction", Set.of("dynamodb"),
          "IngestQueueFunction", Set.of("dynamodb"),
          "OutboxFunction", Set.of("dynamodb", "sesv2"),
          "MonitorFunction", Set.of("cloudwatch", "dynamodb", "sesv2", "sns"),
          "ReportFunction", Set.of("cloudwatch", "dynamodb", "sesv2", "sns"),
          "CanaryFunction", Set.of("dynamodb", "sesv2", "sns"));

  private static final Path ROOT =
      Path.of(System.getProperty("guardian.root", "..")).toAbsolutePath().normalize();

  /** Every function of the template, by its resource name. */
  static Stream<String> functions() {
    return CLIENTS.keySet().stream().sorted();
  }

  /** Issue 14: each function jar at most 10 MB (10,000,000 bytes, the size a deploy uploads). */
  private static final long MAX_JAR_BYTES = 10_000_000L;

  @ParameterizedTest
  @MethodSource("functions")
  void jar_isAtMostTenMegabytes(String resource) throws IOException {
    Path jar =
        ROOT.resolve(Template.read(ROOT.resolve("template.yaml")).function(resource).codeUri());
    assertThat(Files.size(jar)).as("%s (%s)", jar, resource).isLessThanOrEqualTo(MAX_JAR_BYTES);
  }

  @ParameterizedTest
  @MethodSource("functions")
  void jar_holdsItsHandler_onlyTheClientsItCalls_andTheNotice(String resource) throws IOException {
    Template.Function f = Template.read(ROOT.resolve("template.yaml")).function(resource);
    Path jar = ROOT.resolve(f.codeUri());
    try (JarFile file = new JarFile(jar.toFile())) {
      String handlerClass = f.handler().substring(0, f.handler().indexOf("::"));
      assertThat(file.getEntry(handlerClass.replace('.', '/') + ".class")).isNotNull();

      Set<String> services = new TreeSet<>();
      file.stream()
          .map(e -> e.getName())
          .filter(
              n -> n.startsWith("software/amazon/awssdk/services/") && n.endsWith("Client.class"))
          .forEach(n -> services.add(n.split("/")[4]));
      assertThat(services).as(resource).isEqualTo(new TreeSet<>(CLIENTS.get(resource)));

      String notice =
          new String(
              file.getInputStream(file.getEntry("META-INF/NOTICE")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(notice).as("the SDK's NOTICE is merged in").contains("AWS SDK for Java");
      assertThat(
              file.getEntry("META-INF/LICENSE") != null
                  || file.getEntry("META-INF/LICENSE.txt") != null)
          .as("Apache licence text")
          .isTrue();
    }
  }
}
