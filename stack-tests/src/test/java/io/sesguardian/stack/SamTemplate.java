/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * template.yaml as CloudFormation deploys it: the output of AWS SAM's own translator ({@code
 * aws-sam-translator}, run offline by {@code src/test/resources/sam-translate.py}), so tests see
 * the roles, aliases, event source mappings and subscriptions SAM generates rather than guessing
 * them from the SAM shorthand.
 */
final class SamTemplate {

  static final Path TEMPLATE = Fixtures.repoRoot().resolve("template.yaml");
  static final Path SCRIPT =
      Fixtures.repoRoot().resolve("stack-tests/src/test/resources/sam-translate.py");

  private static final String NEEDS =
      "the template tests need python3 with the aws-sam-translator package (module samtranslator;"
          + " `pip install aws-sam-translator`, preinstalled on CI machines)";

  private final JsonNode root;

  private SamTemplate(JsonNode root) {
    this.root = root;
  }

  /** Runs the translator over template.yaml (about a second); fails with what is missing. */
  static SamTemplate translate() throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("python3", SCRIPT.toString(), TEMPLATE.toString())
            .directory(Fixtures.repoRoot().toFile());
    // The translator derives ARNs from the region; a developer's own region must not leak in.
    builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(NEEDS + "; python3 could not be started: " + e.getMessage(), e);
    }
    process.getOutputStream().close();
    CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process, true));
    String output = read(process, false);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("sam-translate.py did not finish within 60 s");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "sam-translate.py failed (exit "
              + process.exitValue()
              + "); "
              + NEEDS
              + ", and the template must translate:\n"
              + errors.join());
    }
    return new SamTemplate(new ObjectMapper().readTree(output));
  }

  private static String read(Process process, boolean errors) {
    try (InputStream in = errors ? process.getErrorStream() : process.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  JsonNode parameters() {
    return root.path("Parameters");
  }

  JsonNode outputs() {
    return root.path("Outputs");
  }

  /** The resource with this logical id; fails the test when it does not exist. */
  JsonNode resource(String logicalId) {
    JsonNode resource = root.path("Resources").path(logicalId);
    assertThat(resource.isObject())
        .as("resource " + logicalId + " in the translated template")
        .isTrue();
    return resource;
  }

  JsonNode properties(String logicalId) {
    return resource(logicalId).path("Properties");
  }

  /** Resources of one CloudFormation type, by logical id (sorted). */
  Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> out = new TreeMap<>();
    root.path("Resources")
        .properties()
        .forEach(
            e -> {
              if (type.equals(e.getValue().path("Type").asText())) {
                out.put(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  /** The logical ids of the Lambda functions (SAM keeps each function's own logical id). */
  Set<String> functions() {
    return resources("AWS::Lambda::Function").keySet();
  }

  /** The condition a resource is created under, or "" when always. */
  String condition(String logicalId) {
    return resource(logicalId).path("Condition").asText("");
  }

  /** The execution role of a function (the resource its {@code Role} refers to). */
  JsonNode role(String function) {
    JsonNode role = properties(function).path("Role").path("Fn::GetAtt");
    assertThat(role.path(1).asText())
        .as(function + " Role is Fn::GetAtt [X, Arn]")
        .isEqualTo("Arn");
    return resource(role.path(0).asText());
  }

  /**
   * The inline policies of a function's role that come from the function's own {@code Policies}
   * property (SAM names them {@code <function>RolePolicy<n>}); the rest are what SAM adds for
   * Lambda's own work, such as delivering to an on-failure destination.
   */
  List<JsonNode> ownPolicies(String function) {
    List<JsonNode> own = new ArrayList<>();
    for (JsonNode policy : role(function).path("Properties").path("Policies")) {
      if (policy.path("PolicyName").asText().matches(function + "RolePolicy\\d+")) {
        own.add(policy);
      }
    }
    return own;
  }

  /** Every action allowed by the statements of these policies. */
  static Set<String> actions(List<JsonNode> policies) {
    Set<String> actions = new TreeSet<>();
    for (JsonNode policy : policies) {
      for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        JsonNode action = statement.path("Action");
        if (action.isArray()) {
          action.forEach(a -> actions.add(a.asText()));
        } else {
          actions.add(action.asText());
        }
      }
    }
    return actions;
  }

  /** {@code {"Ref": name}}, the way the translated template refers to a resource or parameter. */
  static JsonNode ref(String name) {
    return new ObjectMapper().createObjectNode().put("Ref", name);
  }

  /** {@code {"Fn::GetAtt": [resource, attribute]}}. */
  static JsonNode getAtt(String resource, String attribute) {
    var node = new ObjectMapper().createObjectNode();
    node.putArray("Fn::GetAtt").add(resource).add(attribute);
    return node;
  }
}
