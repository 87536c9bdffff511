/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.report.RequestDraft;
import io.sesguardian.domain.report.WeeklyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code guardian request-draft}: a production-access or limit-increase request, never sent. */
@Command(
    name = "request-draft",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a production-access or limit-increase request from measured facts (volumes, rates,"
          + " handling latencies, suppression counts) and your answers in ANSWERS (default"
          + " ./guardian-request.json), and prints the command that would submit it: 'aws sesv2"
          + " put-account-details' from the sandbox, Service Quotas once in production. It never"
          + " submits anything, and gives no command while a rate is at SES's review level, an"
          + " answer is missing, or a review is pending (exit 1)."
    })
final class RequestDraftCommand implements Callable<Integer> {

  static final String ANSWERS_TEMPLATE =
      """
      {
        "mailType": "TRANSACTIONAL or MARKETING",
        "websiteUrl": "https://your.site",
        "listBuilding": "How addresses are collected (sign-up, double opt-in, ...)",
        "unsubscribe": "How recipients opt out (one-click link, preference centre, ...)",
        "useCase": "What you send, to whom, and how often",
        "contactEmail": "optional extra contact address",
        "maxSendRate": null
      }
      """;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--answers",
      paramLabel = "FILE",
      defaultValue = "guardian-request.json",
      description = "Your answers (JSON; default ${DEFAULT-VALUE}).")
  Path answers;

  @Option(
      names = "--week",
      paramLabel = "ISO-WEEK",
      description = "Facts of this week (default: the last complete week).")
  String week;

  @Mixin StateOption state;

  @Option(names = "--aws", description = "Use the deployed stack's facts and SES's account.")
  boolean aws;

  @Option(
      names = "--force",
      description =
          "Give the submit command even when an account rate is at or above SES's review level"
              + " (the draft is printed under a warning).")
  boolean force;

  @Override
  public Integer call() throws IOException {
    String isoWeek = WeeklyFacts.week(week, spec.commandLine());
    RequestDraft.TeamAnswers team = readAnswers();
    MonitorPolicy policy = MonitorConfig.policy(System.getenv());
    WeeklyReport report = WeeklyFacts.build(isoWeek, aws, state, policy, spec.commandLine());
    // Only the deployed pipeline's handling times are live; the local store holds replayed events.
    RequestDraft draft =
        RequestDraft.write(report, team, new RequestDraft.Context(policy.thresholds(), aws, force));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (draft.verdict() == RequestDraft.Verdict.REVIEW_PENDING) {
      draft.problems().forEach(p -> err.println("guardian: " + p));
      err.flush();
      return 1;
    }
    if (draft.verdict() == RequestDraft.Verdict.NOT_HEALTHY) {
      err.println("guardian: this account is not ready for a request; AWS would see:");
      draft.problems().forEach(p -> err.println("  - " + p));
      err.println(
          "guardian: no draft is given until these are fixed ('guardian status' shows the rates);"
              + " --force prints it anyway.");
      err.flush();
      return 1;
    }
    if (draft.verdict() == RequestDraft.Verdict.FORCED) {
      err.println("guardian: WARNING: submitted as it is, this request cites rates SES reviews:");
      draft.problems().forEach(p -> err.println("  - " + p));
      err.flush();
    }
    out.println(draft.text());
    out.println();
    out.println("---");
    out.println("Requested daily quota: " + draft.requestedQuota());
    if (draft.verdict().submittable()) {
      if (draft.channel() == RequestDraft.Channel.SERVICE_QUOTAS) {
        out.println(
            "The account has production access: increases go through Service Quotas (keep the"
                + " text above for the support case AWS opens).");
      } else if (report.account() == null) {
        out.println(
            "(The account was not read: if it already has production access, run with --aws;"
                + " increases then go through Service Quotas.)");
      }
      out.println("To submit (review it first; the guardian never submits anything):");
      draft.commands().forEach(out::println);
    }
    out.flush();
    if (draft.verdict() == RequestDraft.Verdict.INCOMPLETE) {
      // The answers file's name and content may quote an address: masked like every error.
      draft
          .problems()
          .forEach(p -> err.println(Addresses.maskAll("guardian: " + answers + ": " + p)));
      if (!draft.missing().isEmpty()) {
        err.println(
            Addresses.maskAll(
                "guardian: still to fill in: "
                    + String.join(", ", draft.missing())
                    + ". Create "
                    + answers
                    + " like this and run again:"));
        err.print(ANSWERS_TEMPLATE);
      }
      err.println("guardian: no submit command until the answers are complete.");
      err.flush();
      return 1;
    }
    return 0;
  }

  private RequestDraft.TeamAnswers readAnswers() throws IOException {
    if (!Files.isRegularFile(answers)) {
      return RequestDraft.TeamAnswers.NONE;
    }
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(answers.toFile());
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), answers + " is not valid JSON: " + e.getMessage());
    }
    if (json == null || !json.isObject()) {
      throw new ParameterException(
          spec.commandLine(), answers + " must be a JSON object like:\n" + ANSWERS_TEMPLATE);
    }
    return new RequestDraft.TeamAnswers(
        text(json, "mailType"),
        text(json, "websiteUrl"),
        text(json, "listBuilding"),
        text(json, "unsubscribe"),
        text(json, "useCase"),
        text(json, "contactEmail"),
        number(json, "maxSendRate"));
  }

  private Double number(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new ParameterException(
          spec.commandLine(),
          answers + ": " + field + " must be a number (messages per second), not " + v);
    }
    return v.asDouble();
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
