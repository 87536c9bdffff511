/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.stack;

import static io.sesguardian.stack.SamTemplate.getAtt;
import static io.sesguardian.stack.SamTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks template.yaml through AWS SAM's own translator (see {@link SamTemplate}): what
 * CloudFormation would create — functions, roles, aliases, event source mappings, subscriptions,
 * schedules, alarms and log groups — not the SAM shorthand.
 */
class TemplateTest {

  private static SamTemplate template;

  @BeforeAll
  static void translate() throws Exception {
    template = SamTemplate.translate();
  }

  private static final Pattern RATE =
      Pattern.compile("rate\\((1 (minute|hour|day)|([2-9]|\\d{2,}) (minutes|hours|days))\\)");
  private static final Pattern CRON = Pattern.compile("cron\\((\\S+ ){5}\\S+\\)");

  /** The live alias SAM publishes for a function ({@code AutoPublishAlias: live}). */
  private static String alias(String function) {
    return function + "Aliaslive";
  }

  @Test
  void everyFunction_isJava21Arm64WithJsonLogsAndSnapStart() {
    assertThat(template.functions()).hasSizeGreaterThanOrEqualTo(6);
    for (String fn : template.functions()) {
      JsonNode p = template.properties(fn);
      assertThat(p.path("Runtime").asText()).as(fn).isEqualTo("java21");
      assertThat(p.path("Architectures").toString()).as(fn).isEqualTo("[\"arm64\"]");
      assertThat(p.path("LoggingConfig").path("LogFormat").asText()).as(fn).isEqualTo("JSON");
      assertThat(p.path("SnapStart").path("ApplyOn").asText())
          .as(fn)
          .isEqualTo("PublishedVersions");
      assertThat(p.path("Timeout").asInt()).as(fn + " timeout").isBetween(10, 900);
    }
  }

  @Test
  void everyHandler_existsAndIsAStreamHandler_andTheCodeIsThePackagedJar() throws Exception {
    for (String fn : template.functions()) {
      JsonNode p = template.properties(fn);
      String handler = p.path("Handler").asText();
      String className = handler.substring(0, handler.indexOf("::"));
      Class<?> type = Class.forName(className);
      assertThat(RequestStreamHandler.class.isAssignableFrom(type)).as(handler).isTrue();
      assertThat(type.getConstructor()).as("public no-arg constructor of " + className).isNotNull();
      // sam-translate.py turns CodeUri into s3://bucket/<CodeUri>, so the key is the local path.
      String codeUri = p.path("Code").path("S3Key").asText();
      assertThat(codeUri).as(fn).matches("functions/[a-z-]+/target/[a-z-]+\\.jar");
      String module = codeUri.substring(0, codeUri.indexOf("/target/"));
      String jarName = codeUri.substring(codeUri.lastIndexOf('/') + 1, codeUri.length() - 4);
      String pom = Files.readString(Fixtures.repoRoot().resolve(module).resolve("pom.xml"));
      assertThat(pom)
          .as("shade finalName in " + module)
          .contains("<finalName>" + jarName + "</finalName>");
    }
  }

  /**
   * SnapStart restores only published versions: anything that invokes the unqualified function runs
   * $LATEST and pays the full cold start. So every invoker must name the live alias.
   */
  @Test
  void everyFunction_hasALiveAliasOnAPublishedVersion_andIsInvokedOnlyThroughIt() {
    Set<String> aliases = new TreeSet<>();
    for (String fn : template.functions()) {
      JsonNode alias = template.resource(alias(fn));
      assertThat(alias.path("Type").asText()).isEqualTo("AWS::Lambda::Alias");
      assertThat(alias.path("Properties").path("Name").asText()).isEqualTo("live");
      assertThat(alias.path("Properties").path("FunctionName")).isEqualTo(ref(fn));
      String version =
          alias.path("Properties").path("FunctionVersion").path("Fn::GetAtt").path(0).asText();
      assertThat(template.resource(version).path("Type").asText())
          .isEqualTo("AWS::Lambda::Version");
      assertThat(template.properties(version).path("FunctionName")).isEqualTo(ref(fn));
      assertThat(template.condition(alias(fn))).as(fn).isEqualTo(template.condition(fn));
      aliases.add(alias(fn));
    }
    List<JsonNode> invokers = new ArrayList<>();
    template
        .resources("AWS::Lambda::EventSourceMapping")
        .values()
        .forEach(r -> invokers.add(r.path("Properties").path("FunctionName")));
    template
        .resources("AWS::Lambda::Permission")
        .values()
        .forEach(r -> invokers.add(r.path("Properties").path("FunctionName")));
    template
        .resources("AWS::Events::Rule")
        .values()
        .forEach(
            r -> r.path("Properties").path("Targets").forEach(t -> invokers.add(t.path("Arn"))));
    template.resources("AWS::SNS::Subscription").values().stream()
        .filter(r -> r.path("Properties").path("Protocol").asText().equals("lambda"))
        .forEach(r -> invokers.add(r.path("Properties").path("Endpoint")));
    assertThat(invokers).hasSizeGreaterThanOrEqualTo(8);
    for (JsonNode invoker : invokers) {
      assertThat(aliases).as("invoked through " + invoker).contains(invoker.path("Ref").asText());
    }
    for (JsonNode config : template.resources("AWS::Lambda::EventInvokeConfig").values()) {
      assertThat(config.path("Properties").path("Qualifier").asText()).isEqualTo("live");
    }
  }

  /** Environment of a function with each parameter reference replaced by its default. */
  private static Map<String, String> environmentWithDefaults(String function) {
    Map<String, String> env = new HashMap<>();
    template
        .properties(function)
        .path("Environment")
        .path("Variables")
        .properties()
        .forEach(
            e -> {
              JsonNode value = e.getValue();
              String name = value.path("Ref").asText(null);
              if (value.isTextual()) {
                env.put(e.getKey(), value.asText());
              } else if (value.path("Fn::Sub").isTextual()) {
                env.put(e.getKey(), withPseudoParameters(value.path("Fn::Sub").asText()));
              } else if (name != null && template.parameters().has(name)) {
                env.put(e.getKey(), template.parameters().path(name).path("Default").asText());
              } else {
                env.put(e.getKey(), "resource:" + value); // a table name, topic ARN, alias …
              }
            });
    return env;
  }

  /** {@code text} of a {@code Fn::Sub} with the pseudo parameters a deployment would fill in. */
  private static String withPseudoParameters(String text) {
    return text.replace("${AWS::Region}", "us-east-1").replace("${AWS::StackName}", "guardian");
  }

  /**
   * The functions cannot {@code !Ref} the dashboard (its body refers to them: a cycle), so they
   * build its URL from the stack name; it must be the very URL of the stack output.
   */
  @Test
  void everyAlertingFunction_linksTheDashboardOfTheOutput() {
    JsonNode dashboard = template.properties("Dashboard");
    assertThat(template.resource("Dashboard").path("Type").asText())
        .isEqualTo("AWS::CloudWatch::Dashboard");
    String output = template.outputs().path("DashboardUrl").path("Value").path("Fn::Sub").asText();
    assertThat(output).contains("${Dashboard}");
    String expected =
        output.replace("${Dashboard}", dashboard.path("DashboardName").path("Fn::Sub").asText());
    int alerting = 0;
    for (String fn : template.functions()) {
      JsonNode variables = template.properties(fn).path("Environment").path("Variables");
      if (!variables.has("ALERT_TOPIC_ARN")) {
        continue;
      }
      alerting++;
      assertThat(variables.path("DASHBOARD_URL").path("Fn::Sub").asText())
          .as(fn)
          .isEqualTo(expected);
      Map<String, String> env = environmentWithDefaults(fn);
      env.putIfAbsent("CANARY_FROM", "canary@example.com");
      assertThat(MonitorConfig.dashboardUrl(env))
          .as(fn)
          .isEqualTo(
              "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                  + "#dashboards:name=guardian-ses-guardian");
    }
    assertThat(alerting).as("monitor, report, canary").isEqualTo(3);
    // The threshold lines come from the parameters, not from numbers copied into the body.
    String body = dashboard.path("DashboardBody").path("Fn::Sub").path(0).asText();
    for (String parameter :
        List.of("BounceReview", "BouncePause", "ComplaintReview", "ComplaintPause")) {
      assertThat(body).contains("\"value\": ${" + parameter + "}");
      assertThat(template.parameters().path(parameter).path("AllowedPattern").asText())
          .as(parameter + " stays a JSON number in the body")
          .isNotEmpty();
    }
    assertThat(body).contains("AWS/SES", "Reputation.BounceRate", "Reputation.ComplaintRate");
  }

  @Test
  void everyFunction_getsTheEnvironmentTheCodeReads_andTheCodeAcceptsTheDefaults() {
    for (String fn : template.functions()) {
      JsonNode variables = template.properties(fn).path("Environment").path("Variables");
      // GuardianConfig.fromEnvironment reads these in every function; GUARDIAN_TABLE is required.
      assertThat(variables.path("GUARDIAN_TABLE")).as(fn).isEqualTo(ref("GuardianTable"));
      for (String name :
          List.of("SOFT_BOUNCE_THRESHOLD", "SOFT_BOUNCE_WINDOW_DAYS", "LEDGER_RETENTION_DAYS")) {
        assertThat(variables.has(name)).as(fn + " " + name).isTrue();
      }
      Map<String, String> env = environmentWithDefaults(fn);
      assertThat(GuardianConfig.fromEnvironment(env).policy().softBounceThreshold()).isEqualTo(3);
      if (env.containsKey("ALERT_TOPIC_ARN")) {
        assertThat(MonitorConfig.fromEnvironment(env).policy().pauseLevel()).as(fn).isEmpty();
      }
    }
  }

  /**
   * CloudFormation rejects a parameter outside MinValue..MaxValue at deploy time; a value it
   * accepts but the code refuses would instead break the function at its first cold start.
   */
  @Test
  void numericParameters_allowOnlyValuesTheCodeAccepts() {
    int checked = 0;
    for (String fn : template.functions()) {
      Map<String, String> defaults = environmentWithDefaults(fn);
      JsonNode variables = template.properties(fn).path("Environment").path("Variables");
      for (var e : variables.properties()) {
        JsonNode parameter = template.parameters().path(e.getValue().path("Ref").asText());
        // The canary handler reads its own two numbers and needs live clients to construct.
        if (!parameter.path("Type").asText().equals("Number") || e.getKey().startsWith("CANARY_")) {
          continue;
        }
        for (String bound : List.of("MinValue", "MaxValue")) {
          assertThat(parameter.has(bound)).as(e.getKey() + " parameter " + bound).isTrue();
          Map<String, String> env = new HashMap<>(defaults);
          env.put(e.getKey(), parameter.path(bound).asText());
          GuardianConfig.fromEnvironment(env);
          MonitorConfig.policy(env);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  @Test
  void monitor_getsItsAlertTopicAndThresholds_andIngestMayTriggerItsAlias() {
    JsonNode env = template.properties("MonitorFunction").path("Environment").path("Variables");
    assertThat(env.path("ALERT_TOPIC_ARN")).isEqualTo(ref("AlertTopic"));
    for (String name :
        List.of(
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
            "PAUSE_ACCOUNT_AT_LEVEL")) {
      assertThat(env.has(name)).as(name).isTrue();
    }
    // The monitor runs on its schedule only: ingest carries no Lambda client (issue 14) and may not
    // invoke anything.
    for (String fn : List.of("IngestFunction", "IngestQueueFunction")) {
      assertThat(
              template.properties(fn).path("Environment").path("Variables").has("MONITOR_FUNCTION"))
          .as(fn)
          .isFalse();
      for (JsonNode policy : template.ownPolicies(fn)) {
        for (JsonNode s : policy.path("PolicyDocument").path("Statement")) {
          assertThat(s.path("Action").toString()).as(fn).doesNotContain("lambda:");
        }
      }
    }
  }

  @Test
  void table_keepsData_andMatchesTheKeyDesignTheStoreUses() {
    JsonNode table = template.resource("GuardianTable");
    assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(table.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
    JsonNode p = table.path("Properties");
    assertThat(p.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
    assertThat(p.path("TimeToLiveSpecification").path("AttributeName").asText())
        .isEqualTo("expiresAt");
    assertThat(p.path("TimeToLiveSpecification").path("Enabled").asBoolean()).isTrue();
    assertThat(
            p.path("PointInTimeRecoverySpecification")
                .path("PointInTimeRecoveryEnabled")
                .asBoolean())
        .isTrue();
    Map<String, String> indexes = new HashMap<>();
    for (JsonNode gsi : p.path("GlobalSecondaryIndexes")) {
      indexes.put(
          gsi.path("IndexName").asText(),
          gsi.path("KeySchema").findValuesAsText("AttributeName").toString());
    }
    assertThat(indexes)
        .containsEntry("outbox", "[sesState, obsk]")
        .containsEntry("scopes", "[cday, pk]");
  }

  /**
   * Each role holds exactly: the function's own statements (compared with the calls its code makes
   * in {@link IamActionsTest}), the managed policies Lambda itself needs, and the statement SAM
   * adds for the on-failure destination. Nothing else may creep in.
   */
  @Test
  void everyRole_holdsOnlyTheFunctionsOwnStatementsAndWhatLambdaItselfNeeds() {
    String basic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    String sqsPoller = "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole";
    for (String fn : template.functions()) {
      JsonNode role = template.role(fn).path("Properties");
      JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement");
      assertThat(trust).hasSize(1);
      assertThat(trust.path(0).path("Principal").path("Service").toString())
          .isEqualTo("[\"lambda.amazonaws.com\"]");
      Set<String> managed = new TreeSet<>();
      role.path("ManagedPolicyArns").forEach(a -> managed.add(a.asText()));
      // The SQS poller (the event source mapping) reads and deletes with the function's role.
      boolean polls =
          template.resources("AWS::Lambda::EventSourceMapping").values().stream()
              .anyMatch(m -> m.path("Properties").path("FunctionName").equals(ref(alias(fn))));
      assertThat(managed).as(fn).isEqualTo(polls ? Set.of(basic, sqsPoller) : Set.of(basic));
      List<JsonNode> own = template.ownPolicies(fn);
      assertThat(own).as(fn + " own policies").isNotEmpty();
      for (String action : SamTemplate.actions(own)) {
        assertThat(action).as(fn).doesNotContain("*");
      }
      for (JsonNode policy : role.path("Policies")) {
        if (own.contains(policy)) {
          continue;
        }
        assertThat(policy.path("PolicyName").asText())
            .as(fn)
            .isEqualTo(fn + "EventInvokeConfigOnFailureSQSPolicy");
        JsonNode statement = policy.path("PolicyDocument").path("Statement");
        assertThat(statement).hasSize(1);
        assertThat(statement.path(0).path("Action").asText()).isEqualTo("sqs:SendMessage");
        assertThat(statement.path(0).path("Resource"))
            .isEqualTo(getAtt("IngestDeadLetterQueue", "Arn"));
      }
    }
  }

  /** The statement with this Sid in a function's own policies. */
  private static JsonNode statement(String function, String sid) {
    for (JsonNode policy : template.ownPolicies(function)) {
      for (JsonNode st : policy.path("PolicyDocument").path("Statement")) {
        if (st.path("Sid").asText().equals(sid)) {
          return st;
        }
      }
    }
    throw new AssertionError(function + " has no statement " + sid);
  }

  @Test
  void canariesMaySendOnlyToTheSimulator_andTheMonitorMayPauseOnlyTheListedSets() {
    JsonNode send = statement("CanaryFunction", "SendCanaries");
    assertThat(send.path("Condition").path("ForAllValues:StringLike").path("ses:Recipients"))
        .hasToString("[\"*@simulator.amazonses.com\"]");
    JsonNode pause = statement("MonitorFunction", "SesPauseConfigurationSets");
    // One ARN per name of NonCriticalConfigurationSets, never a configuration-set/* wildcard.
    assertThat(pause.path("Resource").toString())
        .contains("Fn::Split")
        .contains("NonCriticalConfigurationSets")
        .doesNotContain("configuration-set/*");
    JsonNode parameter = template.parameters().path("NonCriticalConfigurationSets");
    java.util.regex.Pattern names =
        java.util.regex.Pattern.compile(parameter.path("AllowedPattern").asText());
    assertThat(names.matcher("").matches()).isTrue();
    assertThat(names.matcher("marketing,news_letters-2").matches()).isTrue();
    assertThat(names.matcher("marketing, news").matches()).isFalse();
    assertThat(names.matcher("all/*").matches()).isFalse();
  }

  @Test
  void snsWiring_invokesTheAliasPerNotification_andFailuresEndInTheDeadLetterQueue() {
    JsonNode topic = template.outputs().path("FeedbackTopicArn").path("Value");
    JsonNode subscription = template.properties("IngestFunctionFeedback");
    assertThat(template.resource("IngestFunctionFeedback").path("Type").asText())
        .isEqualTo("AWS::SNS::Subscription");
    assertThat(subscription.path("Protocol").asText()).isEqualTo("lambda");
    assertThat(subscription.path("TopicArn")).isEqualTo(topic);
    JsonNode permission = template.properties("IngestFunctionFeedbackPermission");
    assertThat(permission.path("Principal").asText()).isEqualTo("sns.amazonaws.com");
    assertThat(permission.path("SourceArn")).isEqualTo(topic);
    JsonNode invoke = template.properties("IngestFunctionEventInvokeConfig");
    assertThat(invoke.path("MaximumRetryAttempts").asInt()).isEqualTo(2);
    assertThat(invoke.path("DestinationConfig").path("OnFailure").path("Destination"))
        .isEqualTo(getAtt("IngestDeadLetterQueue", "Arn"));
    assertThat(template.condition("IngestFunctionFeedback")).isEqualTo("UseSns");
  }

  @Test
  void queueWiring_batchesWithPartialFailures_andRedrivesToTheDeadLetterQueue() {
    Map<String, JsonNode> mappings = template.resources("AWS::Lambda::EventSourceMapping");
    assertThat(mappings).containsOnlyKeys("IngestQueueFunctionFeedback");
    JsonNode m = mappings.get("IngestQueueFunctionFeedback").path("Properties");
    assertThat(m.path("EventSourceArn")).isEqualTo(getAtt("FeedbackQueue", "Arn"));
    // The recommended wiring: sends and deliveries cost one counter write per batch, so batches
    // are large (IngestHandler.UNIT matches the batch size) and gathered over a window.
    assertThat(template.parameters().path("Wiring").path("Default").asText()).isEqualTo("SQS");
    assertThat(m.path("BatchSize").asInt()).isEqualTo(1000);
    assertThat(m.path("MaximumBatchingWindowInSeconds").asInt()).isEqualTo(30);
    assertThat(m.path("FunctionResponseTypes").toString())
        .isEqualTo("[\"ReportBatchItemFailures\"]");
    JsonNode queue = template.properties("FeedbackQueue");
    // Lambda's guidance: visibility timeout at least six times the function timeout, so a batch
    // retried after throttling is not received twice.
    int timeout = template.properties("IngestQueueFunction").path("Timeout").asInt();
    assertThat(queue.path("VisibilityTimeout").asInt()).isGreaterThanOrEqualTo(6 * timeout);
    assertThat(queue.path("RedrivePolicy").path("deadLetterTargetArn"))
        .isEqualTo(getAtt("IngestDeadLetterQueue", "Arn"));
    assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt()).isEqualTo(5);
    // The dead-letter queue keeps a message longer than the source queue could.
    assertThat(template.properties("IngestDeadLetterQueue").path("MessageRetentionPeriod").asInt())
        .isGreaterThan(queue.path("MessageRetentionPeriod").asInt(345_600));
    JsonNode subscription = template.properties("FeedbackQueueSubscription");
    assertThat(subscription.path("Protocol").asText()).isEqualTo("sqs");
    assertThat(subscription.path("Endpoint")).isEqualTo(getAtt("FeedbackQueue", "Arn"));
    assertThat(subscription.path("TopicArn"))
        .isEqualTo(template.outputs().path("FeedbackTopicArn").path("Value"));
    // The handler reads the SNS envelope (it tells SES's two formats apart by it): no raw delivery.
    assertThat(subscription.path("RawMessageDelivery").asBoolean(false)).isFalse();
    JsonNode send =
        template.properties("FeedbackQueuePolicy").path("PolicyDocument").path("Statement").path(0);
    assertThat(send.path("Principal").path("Service").asText()).isEqualTo("sns.amazonaws.com");
    assertThat(send.path("Condition").path("ArnEquals").path("aws:SourceArn"))
        .isEqualTo(subscription.path("TopicArn"));
    for (String r :
        List.of(
            "FeedbackQueue",
            "FeedbackQueuePolicy",
            "FeedbackQueueSubscription",
            "IngestQueueFunctionFeedback")) {
      assertThat(template.condition(r)).as(r).isEqualTo("UseSqs");
    }
  }

  @Test
  void everyFunction_logsToAGroupWithRetention() {
    Map<String, JsonNode> groups = template.resources("AWS::Logs::LogGroup");
    for (String fn : template.functions()) {
      JsonNode group =
          groups.entrySet().stream()
              .filter(
                  g ->
                      g.getValue()
                          .path("Properties")
                          .path("LogGroupName")
                          .path("Fn::Sub")
                          .asText()
                          .equals("/aws/lambda/${" + fn + "}"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          fn
                              + " has no log group /aws/lambda/${"
                              + fn
                              + "}: Lambda would create one that never expires"));
      assertThat(group.path("Properties").path("RetentionInDays"))
          .as(fn)
          .isEqualTo(ref("LogRetentionDays"));
      assertThat(group.path("Condition").asText("")).as(fn).isEqualTo(template.condition(fn));
    }
    JsonNode retention = template.parameters().path("LogRetentionDays");
    assertThat(retention.path("AllowedValues").toString())
        .contains(retention.path("Default").asText());
  }

  @Test
  void sesOwnReputationMetrics_alarmAtTheReviewThresholds() {
    Map<String, Double> thresholds = new java.util.TreeMap<>();
    template
        .resources("AWS::CloudWatch::Alarm")
        .values()
        .forEach(
            a -> {
              JsonNode p = a.path("Properties");
              if (p.path("Namespace").asText().equals("AWS/SES")) {
                thresholds.put(p.path("MetricName").asText(), p.path("Threshold").asDouble());
              }
            });
    assertThat(thresholds)
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(
                    "Reputation.BounceRate",
                    io.sesguardian.domain.rates.Thresholds.DEFAULT.bounceReview(),
                    "Reputation.ComplaintRate",
                    io.sesguardian.domain.rates.Thresholds.DEFAULT.complaintReview())));
  }

  @Test
  void everyFunctionAndTheDeadLetterQueue_alarmToTheAlertTopic() {
    Map<String, JsonNode> alarms = template.resources("AWS::CloudWatch::Alarm");
    for (JsonNode alarm : alarms.values()) {
      JsonNode p = alarm.path("Properties");
      assertThat(p.path("AlarmActions").toString()).isEqualTo("[" + ref("AlertTopic") + "]");
      assertThat(p.path("TreatMissingData").asText()).isEqualTo("notBreaching");
      // SES's reputation alarms fire at the review rate itself, as SES reviews at it.
      assertThat(p.path("ComparisonOperator").asText())
          .isEqualTo(
              p.path("Namespace").asText().equals("AWS/SES")
                  ? "GreaterThanOrEqualToThreshold"
                  : "GreaterThanThreshold");
    }
    for (String fn : template.functions()) {
      long errors =
          alarms.values().stream()
              .filter(a -> a.path("Properties").path("MetricName").asText().equals("Errors"))
              .filter(a -> a.path("Properties").path("Namespace").asText().equals("AWS/Lambda"))
              .filter(
                  a ->
                      a.path("Properties").path("Dimensions").path(0).path("Value").equals(ref(fn)))
              .filter(a -> a.path("Condition").asText("").equals(template.condition(fn)))
              .count();
      assertThat(errors).as(fn + " Errors alarm").isEqualTo(1);
    }
    JsonNode dlq = alarms.get("IngestDeadLetterAlarm").path("Properties");
    assertThat(dlq.path("Namespace").asText()).isEqualTo("AWS/SQS");
    assertThat(dlq.path("Dimensions").path(0).path("Value"))
        .isEqualTo(getAtt("IngestDeadLetterQueue", "QueueName"));
    assertThat(dlq.path("OKActions").toString()).isEqualTo("[" + ref("AlertTopic") + "]");
    JsonNode age = alarms.get("OutboxAgeAlarm").path("Properties");
    assertThat(age.path("Namespace").asText()).isEqualTo("SesGuardian");
    assertThat(age.path("MetricName").asText()).isEqualTo("OutboxOldestAgeSeconds");
    assertThat(age.path("Threshold").asInt()).isEqualTo(3600);
  }

  @Test
  void schedules_areValidExpressions_andInvokeTheirFunctionsAlias() {
    Map<String, JsonNode> rules = template.resources("AWS::Events::Rule");
    Set<String> scheduled = new TreeSet<>();
    for (var rule : rules.entrySet()) {
      JsonNode expression = rule.getValue().path("Properties").path("ScheduleExpression");
      String value =
          expression.isTextual()
              ? expression.asText()
              : template
                  .parameters()
                  .path(expression.path("Ref").asText())
                  .path("Default")
                  .asText();
      assertThat(RATE.matcher(value).matches() || CRON.matcher(value).matches())
          .as(rule.getKey() + " = " + value)
          .isTrue();
      JsonNode target = rule.getValue().path("Properties").path("Targets");
      assertThat(target).hasSize(1);
      scheduled.add(target.path(0).path("Arn").path("Ref").asText());
    }
    assertThat(scheduled)
        .containsExactlyInAnyOrder(
            alias("MonitorFunction"),
            alias("OutboxFunction"),
            alias("ReportFunction"),
            alias("CanaryFunction"));
    assertThat(RATE.matcher("rate(1 minutes)").matches()).isFalse();
  }

  @Test
  void feedbackTopic_acceptsOnlySesFromThisAccount() {
    JsonNode statement =
        template.properties("FeedbackTopicPolicy").path("PolicyDocument").path("Statement").path(0);
    assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("ses.amazonaws.com");
    assertThat(statement.path("Action").asText()).isEqualTo("sns:Publish");
    JsonNode condition = statement.path("Condition");
    assertThat(condition.path("StringEquals").path("aws:SourceAccount"))
        .isEqualTo(ref("AWS::AccountId"));
    assertThat(condition.has("ArnLike")).isTrue();
    JsonNode email = template.resource("AlertEmailSubscription");
    assertThat(email.path("Condition").asText()).isEqualTo("HasAlertEmail");
    assertThat(email.path("Properties").path("TopicArn")).isEqualTo(ref("AlertTopic"));
  }
}
