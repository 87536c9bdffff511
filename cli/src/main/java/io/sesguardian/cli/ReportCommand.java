/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.report.ReportRenderer;
import io.sesguardian.domain.report.WeeklyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code guardian report}: the weekly status check as Markdown, JSON, HTML or PDF. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the weekly status check: rates per window and scope with the change from the"
          + " previous week, a 30-day daily series, suppression-list changes, handling speed,"
          + " alerts and pauses. Local store by default (the account snapshot is then not taken);"
          + " --aws reads the deployed stack and SES. --format pdf prints the HTML page with"
          + " headless Chromium (installed separately) and needs --output.",
    })
final class ReportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--week",
      paramLabel = "ISO-WEEK",
      description = "The week, e.g. 2026-W12 (default: the last complete week).")
  String week;

  @Option(
      names = "--format",
      defaultValue = "md",
      description = "md, json, html or pdf (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  @Mixin StateOption state;

  @Option(names = "--aws", description = "Read the deployed stack and SES instead.")
  boolean aws;

  @Override
  public Integer call() throws IOException {
    if (!List.of("md", "json", "html", "pdf").contains(format)) {
      throw new ParameterException(
          spec.commandLine(), "--format " + format + ": use md, json, html or pdf");
    }
    if (output != null) {
      Path folder = output.toAbsolutePath().getParent();
      if (Files.isDirectory(output)) {
        throw new ParameterException(
            spec.commandLine(), "--output " + output + " is a folder: give a file name in it");
      }
      if (folder != null && !Files.isDirectory(folder)) {
        throw new ParameterException(
            spec.commandLine(),
            "--output " + output + ": the folder " + folder + " does not exist; create it first");
      }
    }
    Path chromium = null;
    if (format.equals("pdf")) {
      if (output == null) {
        throw new ParameterException(spec.commandLine(), "--format pdf needs --output FILE");
      }
      try {
        chromium = ChromiumPdf.locate(System.getenv());
      } catch (ChromiumPdf.ChromiumException e) {
        return fail(e);
      }
    }
    String isoWeek = WeeklyFacts.week(week, spec.commandLine());
    MonitorPolicy policy = MonitorConfig.policy(System.getenv());
    WeeklyReport report = WeeklyFacts.build(isoWeek, aws, state, policy, spec.commandLine());
    ReportRenderer renderer = new ReportRenderer(policy.thresholds());
    String text =
        switch (format) {
          case "json" -> renderer.json(report);
          case "html", "pdf" -> renderer.html(report);
          default -> renderer.markdown(report);
        };
    if (chromium != null) {
      try {
        ChromiumPdf.print(chromium, text, output);
      } catch (ChromiumPdf.ChromiumException e) {
        return fail(e);
      }
      spec.commandLine().getErr().println("guardian: wrote " + output.toAbsolutePath());
      spec.commandLine().getErr().flush();
    } else if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
      spec.commandLine().getErr().println("guardian: wrote " + output.toAbsolutePath());
      spec.commandLine().getErr().flush();
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    }
    return 0;
  }

  private int fail(ChromiumPdf.ChromiumException e) {
    spec.commandLine().getErr().println("guardian: " + e.getMessage());
    spec.commandLine().getErr().flush();
    return 2;
  }
}
