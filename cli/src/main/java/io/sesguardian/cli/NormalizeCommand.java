/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.FeedbackRecord;
import io.sesguardian.domain.feedback.Ignored;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.feedback.RecordJson;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.Effect;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code guardian normalize PATH...}: what the guardian reads in SES feedback files. */
@Command(
    name = "normalize",
    aliases = "normalise",
    mixinStandardHelpOptions = true,
    description = {
      "Reads SES feedback (bare SES JSON, SNS HTTP bodies, Lambda SNS/SQS events, EventBridge events, JSON arrays,"
          + " JSON Lines) and prints one record per recipient with how SES counts it.",
      "Exit status: 0 all input accepted, 1 some input rejected (the rest was still read),"
          + " 2 usage error."
    })
final class NormalizeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or folders (*.json, *.jsonl, searched recursively).")
  List<Path> paths;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    InputFiles.Inputs inputs = InputFiles.expand(paths, spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    List<FeedbackRecord> records = new ArrayList<>();
    List<Boolean> firstOfReport = new ArrayList<>();
    List<Ignored> ignored = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    int[] items = {0};
    Progress progress = new Progress(err, "read", inputs.bytes());
    InputFiles.Sink sink =
        new InputFiles.Sink() {
          @Override
          public void document(InputFiles.Document doc) {
            Normalized result =
                FeedbackEnvelopes.normalizeDocument(normalizer, doc.source(), doc.text());
            items[0] += result.items();
            records.addAll(result.records());
            for (boolean first : Effect.firstOfReports(result.records())) {
              firstOfReport.add(first);
            }
            ignored.addAll(result.ignored());
            rejections.addAll(result.rejections());
          }

          @Override
          public void unreadable(Rejection rejection) {
            items[0]++;
            rejections.add(rejection);
          }
        };
    InputFiles.readAll(inputs, sink, progress);
    if (json) {
      printJson(out, items[0], records, ignored, rejections);
    } else {
      printText(out, items[0], inputs.files().size(), records, firstOfReport, ignored, rejections);
    }
    out.flush();
    return rejections.isEmpty() ? 0 : GuardianCli.EXIT_REJECTED;
  }

  private static void printText(
      PrintWriter out,
      int items,
      int files,
      List<FeedbackRecord> records,
      List<Boolean> firstOfReport,
      List<Ignored> ignored,
      List<Rejection> rejections) {
    for (int i = 0; i < records.size(); i++) {
      FeedbackRecord r = records.get(i);
      StringBuilder line = new StringBuilder();
      line.append(String.format(Locale.ROOT, "%-17s %-40s", r.kind().jsonName(), r.address()));
      if (r.bounceType() != null) {
        line.append(' ').append(r.bounceType().wireName()).append('/').append(r.bounceSubType());
      }
      if (r.complaintFeedbackType() != null) {
        line.append(" feedback=").append(r.complaintFeedbackType());
      }
      r.classification().suppression().ifPresent(s -> line.append(" -> suppress ").append(s));
      if (r.classification().countsTowardBounceRate()) {
        line.append(" [counts toward bounce rate]");
      }
      if (r.classification().countsTowardComplaintRate()) {
        // One complaint report naming several recipients is one complaint for the rate: its first
        // recipient carries it, exactly as ingest counts it (Effect.firstOfReports).
        line.append(
            firstOfReport.get(i)
                ? " [counts toward complaint rate]"
                : " [same report as an earlier recipient: not counted again]");
      }
      if (r.simulator()) {
        line.append(" [simulator]");
      }
      out.println(line.toString().stripTrailing());
    }
    for (Ignored i : ignored) {
      out.println("ignored  " + i.source() + ": " + i.what());
    }
    for (Rejection j : rejections) {
      out.println("REJECTED " + j.source() + ": " + j.reason());
    }
    Map<String, Integer> byKind = new TreeMap<>();
    records.forEach(r -> byKind.merge(r.kind().jsonName(), 1, Integer::sum));
    out.printf(
        Locale.ROOT,
        "%n%d file(s), %d item(s): %d record(s) %s, %d ignored, %d rejected%n",
        files,
        items,
        records.size(),
        byKind,
        ignored.size(),
        rejections.size());
  }

  private static void printJson(
      PrintWriter out,
      int items,
      List<FeedbackRecord> records,
      List<Ignored> ignored,
      List<Rejection> rejections)
      throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("items", items);
    ArrayNode recordArray = root.putArray("records");
    records.forEach(r -> recordArray.add(RecordJson.toJson(r, RecordJson.AddressForm.FULL)));
    ArrayNode ignoredArray = root.putArray("ignored");
    ignored.forEach(i -> ignoredArray.addObject().put("source", i.source()).put("what", i.what()));
    ArrayNode rejected = root.putArray("rejected");
    rejections.forEach(
        j ->
            rejected
                .addObject()
                .put("source", j.source())
                .put("code", j.code().name())
                .put("reason", j.reason()));
    out.println(
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
  }
}
