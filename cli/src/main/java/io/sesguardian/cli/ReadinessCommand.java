/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.SesV2Account;
import io.sesguardian.aws.SesV2Setup;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.readiness.Readiness;
import io.sesguardian.domain.readiness.ReadinessCheck;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code guardian readiness}: the prerequisites reviewers look for, pass or fail, with fixes. */
@Command(
    name = "readiness",
    mixinStandardHelpOptions = true,
    description = {
      "Checks what AWS reviewers look for before production access or a higher quota: sending"
          + " domain and DKIM verified, bounces and complaints published to the guardian,"
          + " account suppression attributes, reputation metrics, the guardian's dead-letter"
          + " queue empty and its outbox current. Each failure prints the command that fixes it.",
      "Reads SES and the deployed stack (--aws; GUARDIAN_TABLE, AWS_REGION). Exit 0 when every"
          + " check passes, 1 otherwise."
    })
final class ReadinessCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--domain", required = true, description = "The sending domain.")
  String domain;

  @Option(
      names = "--topic",
      required = true,
      description = "The guardian's feedback topic ARN (stack output FeedbackTopicArn).")
  String topic;

  @Option(names = "--dead-letter-queue-url", description = "Stack output IngestDeadLetterQueueUrl.")
  String deadLetterQueueUrl;

  @Option(names = "--aws", description = "Required: the checks read SES and the deployed stack.")
  boolean aws;

  @Override
  public Integer call() {
    if (!aws) {
      throw new ParameterException(
          spec.commandLine(),
          "readiness reads SES and the deployed stack: run it with --aws (and GUARDIAN_TABLE,"
              + " AWS_REGION set)");
    }
    List<ReadinessCheck> checks;
    try (AwsClients clients = AwsClients.fromEnvironment(System.getenv())) {
      GuardianRuntime runtime =
          GuardianRuntime.of(GuardianConfig.fromEnvironment(System.getenv()), clients);
      SesClient sesV1 = clients.build(SesClient.builder());
      SesV2Setup setup =
          new SesV2Setup(
              clients.sesV2(),
              d -> {
                var attributes =
                    sesV1
                        .getIdentityNotificationAttributes(b -> b.identities(d))
                        .notificationAttributes()
                        .get(d);
                Map<String, String> topics = new HashMap<>();
                if (attributes != null) {
                  topics.put("Bounce", attributes.bounceTopic());
                  topics.put("Complaint", attributes.complaintTopic());
                }
                return topics;
              });
      Long dlq = null;
      if (deadLetterQueueUrl != null) {
        SqsClient sqs = clients.build(SqsClient.builder());
        dlq =
            Long.parseLong(
                sqs.getQueueAttributes(
                        b ->
                            b.queueUrl(deadLetterQueueUrl)
                                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
      }
      Instant now = Instant.now();
      Duration oldest = Duration.ZERO;
      for (SuppressionEntry e :
          runtime.store().pendingOutbox(now.plus(Duration.ofDays(3650)), 25)) {
        if (e.recordedAt() != null && Duration.between(e.recordedAt(), now).compareTo(oldest) > 0) {
          oldest = Duration.between(e.recordedAt(), now);
        }
      }
      checks =
          new java.util.ArrayList<>(
              Readiness.check(setup, domain, topic, deadLetterQueueUrl, dlq, oldest));
      checks.add(Readiness.review(new SesV2Account(clients.sesV2()).status()));
    }
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    for (ReadinessCheck c : checks) {
      out.printf(Locale.ROOT, "%s  %-52s %s%n", c.pass() ? "PASS" : "FAIL", c.name(), c.detail());
      if (!c.pass()) {
        failed++;
        out.printf(Locale.ROOT, "      fix: %s%n", c.fix());
      }
    }
    out.printf(Locale.ROOT, "%n%d of %d checks pass%n", checks.size() - failed, checks.size());
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
