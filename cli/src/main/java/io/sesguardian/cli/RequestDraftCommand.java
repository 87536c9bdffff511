/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.domain.report.RequestDraft;
import io.sesguardian.domain.report.WeeklyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
          + " ./guardian-request.json), and prints the ready 'aws sesv2 put-account-details'"
          + " command. It never submits anything."
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
        "contactEmail": "optional extra contact address"
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

  @Option(
      names = "--state",
      paramLabel = "DIR",
      defaultValue = ".guardian",
      description = "Folder of the local store (default ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--aws", description = "Use the deployed stack's facts and SES's account.")
  boolean aws;

  @Override
  public Integer call() throws IOException {
    String isoWeek = WeeklyFacts.week(week, spec.commandLine());
    RequestDraft.TeamAnswers team = readAnswers();
    WeeklyReport report =
        WeeklyFacts.build(
            isoWeek, aws, stateDir, MonitorConfig.policy(System.getenv()), spec.commandLine());
    RequestDraft draft = RequestDraft.write(report, team);
    PrintWriter out = spec.commandLine().getOut();
    out.println(draft.text());
    out.println();
    out.println("---");
    out.println("Requested daily quota: " + draft.requestedQuota());
    out.println("To submit (review it first; the guardian never submits anything):");
    out.println(draft.command());
    out.flush();
    if (!draft.missing().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "guardian: still to fill in: "
              + String.join(", ", draft.missing())
              + ". Create "
              + answers
              + " like this and run again:");
      err.print(ANSWERS_TEMPLATE);
      err.flush();
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
        text(json, "contactEmail"));
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
