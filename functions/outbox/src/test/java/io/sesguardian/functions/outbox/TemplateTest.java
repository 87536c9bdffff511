/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.functions.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sesguardian.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Checks template.yaml without the SAM CLI: structure, handlers, artifacts, topic policy. */
class TemplateTest {

  /** Reads CloudFormation short-form tags ({@code !Ref x}) as their long form ({@code Ref: x}). */
  static final class CloudFormationConstructor extends SafeConstructor {
    CloudFormationConstructor() {
      super(new LoaderOptions());
      for (String fn :
          List.of(
              "Ref",
              "Sub",
              "GetAtt",
              "If",
              "Equals",
              "Not",
              "And",
              "Or",
              "Join",
              "Select",
              "Split",
              "FindInMap",
              "GetAZs",
              "ImportValue",
              "Base64",
              "Condition")) {
        String key = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
        this.yamlConstructors.put(
            new Tag("!" + fn),
            new AbstractConstruct() {
              @Override
              public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                  value = constructScalar(scalar);
                } else if (node instanceof SequenceNode seq) {
                  value = constructSequence(seq);
                } else {
                  value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
              }
            });
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> template() throws IOException {
    Path file = Fixtures.repoRoot().resolve("template.yaml");
    return (Map<String, Object>)
        new Yaml(new CloudFormationConstructor()).load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> resources(String type) throws IOException {
    Map<String, Object> resources = (Map<String, Object>) template().get("Resources");
    Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
    resources.forEach(
        (name, r) -> {
          Map<String, Object> resource = (Map<String, Object>) r;
          if (type.equals(resource.get("Type"))) {
            out.put(name, (Map<String, Object>) resource.get("Properties"));
          }
        });
    return out;
  }

  @Test
  void templateIsSam_withJava21Arm64Functions() throws IOException {
    Map<String, Object> t = template();
    assertThat(t.get("Transform")).isEqualTo("AWS::Serverless-2016-10-31");
    @SuppressWarnings("unchecked")
    Map<String, Object> function =
        (Map<String, Object>) ((Map<String, Object>) t.get("Globals")).get("Function");
    assertThat(function.get("Runtime")).isEqualTo("java21");
    assertThat(function.get("Architectures")).isEqualTo(List.of("arm64"));
    assertThat(resources("AWS::Serverless::Function")).isNotEmpty();
  }

  @Test
  void everyHandler_existsAndIsAStreamHandler_andCodeUriIsThePackagedJar() throws Exception {
    for (var fn : resources("AWS::Serverless::Function").entrySet()) {
      String handler = (String) fn.getValue().get("Handler");
      String className = handler.substring(0, handler.indexOf("::"));
      Class<?> type = Class.forName(className);
      assertThat(RequestStreamHandler.class.isAssignableFrom(type)).as(handler).isTrue();
      assertThat(type.getConstructor()).as("public no-arg constructor of " + className).isNotNull();
      String codeUri = (String) fn.getValue().get("CodeUri");
      assertThat(codeUri).matches("functions/[a-z-]+/target/[a-z-]+\\.jar");
      String module = codeUri.substring(0, codeUri.indexOf("/target/"));
      String jarName = codeUri.substring(codeUri.lastIndexOf('/') + 1, codeUri.length() - 4);
      String pom = Files.readString(Fixtures.repoRoot().resolve(module).resolve("pom.xml"));
      assertThat(pom)
          .as("shade finalName in " + module)
          .contains("<finalName>" + jarName + "</finalName>");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyFunction_getsTheEnvironmentTheCodeReads() throws IOException {
    Map<String, Object> globals =
        (Map<String, Object>) ((Map<String, Object>) template().get("Globals")).get("Function");
    Map<String, Object> variables =
        (Map<String, Object>) ((Map<String, Object>) globals.get("Environment")).get("Variables");
    // GuardianConfig.fromEnvironment reads these; GUARDIAN_TABLE is required.
    assertThat(variables)
        .containsKeys(
            "GUARDIAN_TABLE",
            "SOFT_BOUNCE_THRESHOLD",
            "SOFT_BOUNCE_WINDOW_DAYS",
            "LEDGER_RETENTION_DAYS");
    assertThat(variables.get("GUARDIAN_TABLE")).isEqualTo(Map.of("Ref", "GuardianTable"));
    var config =
        io.sesguardian.aws.GuardianConfig.fromEnvironment(
            Map.of(
                "GUARDIAN_TABLE", "t",
                "SOFT_BOUNCE_THRESHOLD", "3",
                "SOFT_BOUNCE_WINDOW_DAYS", "30",
                "LEDGER_RETENTION_DAYS", "14"));
    assertThat(config.policy().softBounceThreshold()).isEqualTo(3);
  }

  @Test
  @SuppressWarnings("unchecked")
  void table_keepsData_andMatchesTheKeyDesignTheStoreUses() throws IOException {
    Map<String, Object> raw =
        (Map<String, Object>)
            ((Map<String, Object>) template().get("Resources")).get("GuardianTable");
    assertThat(raw.get("DeletionPolicy")).isEqualTo("Retain");
    Map<String, Object> table = resources("AWS::DynamoDB::Table").get("GuardianTable");
    assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
    assertThat(table.get("TimeToLiveSpecification"))
        .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
    assertThat(table.toString()).contains("IndexName=outbox").contains("sesState").contains("obsk");
  }

  @Test
  @SuppressWarnings("unchecked")
  void outboxWriter_runsOneAtATime_andHasNoWildcardActions() throws IOException {
    Map<String, Object> outbox = resources("AWS::Serverless::Function").get("OutboxFunction");
    assertThat(outbox.get("ReservedConcurrentExecutions")).isEqualTo(1);
    for (var fn : resources("AWS::Serverless::Function").entrySet()) {
      assertThat(String.valueOf(fn.getValue().get("Policies")))
          .as(fn.getKey())
          .doesNotContain("dynamodb:*")
          .doesNotContain("ses:*");
    }
    Map<String, Object> queueFunction =
        resources("AWS::Serverless::Function").get("IngestQueueFunction");
    assertThat(queueFunction.toString()).contains("ReportBatchItemFailures");
  }

  @Test
  @SuppressWarnings("unchecked")
  void monitor_getsItsAlertTopicAndThresholds_andIngestCanTriggerIt() throws IOException {
    Map<String, Object> monitor = resources("AWS::Serverless::Function").get("MonitorFunction");
    Map<String, Object> env =
        (Map<String, Object>) ((Map<String, Object>) monitor.get("Environment")).get("Variables");
    assertThat(env)
        .containsEntry("ALERT_TOPIC_ARN", Map.of("Ref", "AlertTopic"))
        .containsKeys(
            "BOUNCE_WARNING",
            "BOUNCE_CRITICAL",
            "BOUNCE_REVIEW",
            "BOUNCE_PAUSE",
            "COMPLAINT_WARNING",
            "COMPLAINT_CRITICAL",
            "COMPLAINT_REVIEW",
            "COMPLAINT_PAUSE",
            "HYSTERESIS",
            "MIN_ELIGIBLE_SENDS",
            "VOLUME_WINDOW_SENDS",
            "PAUSE_AT_LEVEL",
            "NON_CRITICAL_CONFIGURATION_SETS",
            "PAUSE_ACCOUNT_AT_LEVEL");
    // The defaults the template passes must be accepted by the code that reads them.
    Map<String, Object> parameters = (Map<String, Object>) template().get("Parameters");
    Map<String, String> defaults = new java.util.HashMap<>();
    env.forEach(
        (name, value) -> {
          if (value instanceof Map<?, ?> ref
              && ref.get("Ref") instanceof String p
              && parameters.containsKey(p)) {
            Object d = ((Map<String, Object>) parameters.get(p)).get("Default");
            defaults.put(name, String.valueOf(d));
          }
        });
    assertThat(io.sesguardian.aws.MonitorConfig.policy(defaults).pauseLevel()).isEmpty();
    for (String fn : List.of("IngestFunction", "IngestQueueFunction")) {
      assertThat(resources("AWS::Serverless::Function").get(fn).toString())
          .contains("MONITOR_FUNCTION")
          .contains("lambda:InvokeFunction");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void scheduleExpressions_areValid() throws IOException {
    Map<String, Object> parameters = (Map<String, Object>) template().get("Parameters");
    java.util.regex.Pattern rate =
        java.util.regex.Pattern.compile(
            "rate\\((1 (minute|hour|day)|([2-9]|\\d{2,}) (minutes|hours|days))\\)");
    java.util.regex.Pattern cron = java.util.regex.Pattern.compile("cron\\((\\S+ ){5}\\S+\\)");
    for (String name : List.of("OutboxSchedule", "MonitorSchedule", "ReportSchedule")) {
      String value = String.valueOf(((Map<String, Object>) parameters.get(name)).get("Default"));
      assertThat(rate.matcher(value).matches() || cron.matcher(value).matches())
          .as(name + " = " + value)
          .isTrue();
    }
    for (var fn : resources("AWS::Serverless::Function").entrySet()) {
      Map<String, Object> events = (Map<String, Object>) fn.getValue().get("Events");
      for (Object e : events.values()) {
        Map<String, Object> event = (Map<String, Object>) e;
        if ("Schedule".equals(event.get("Type"))) {
          Object schedule = ((Map<String, Object>) event.get("Properties")).get("Schedule");
          if (schedule instanceof String literal) {
            assertThat(rate.matcher(literal).matches() || cron.matcher(literal).matches())
                .as(fn.getKey() + " schedule " + literal)
                .isTrue();
          } else {
            assertThat(parameters)
                .containsKey((String) ((Map<String, Object>) schedule).get("Ref"));
          }
        }
      }
    }
    assertThat(rate.matcher("rate(1 minutes)").matches()).isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void feedbackTopic_acceptsOnlySesFromThisAccount() throws IOException {
    Map<String, Object> policy =
        (Map<String, Object>)
            resources("AWS::SNS::TopicPolicy").get("FeedbackTopicPolicy").get("PolicyDocument");
    Map<String, Object> statement = ((List<Map<String, Object>>) policy.get("Statement")).get(0);
    assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "ses.amazonaws.com"));
    assertThat(statement.get("Action")).isEqualTo("sns:Publish");
    Map<String, Object> condition = (Map<String, Object>) statement.get("Condition");
    assertThat(condition.get("StringEquals"))
        .isEqualTo(Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")));
    assertThat(condition).containsKey("ArnLike");
  }
}
