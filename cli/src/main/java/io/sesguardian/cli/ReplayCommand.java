/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.RawDelivery;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.Bucket;
import io.sesguardian.domain.ingest.FeedbackIngestion;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.ingest.RejectedItem;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.time.Deadline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code guardian replay PATH...}: the deployed ingest pipeline, run locally on the SQLite store.
 * SES calls are never made: new suppressions stay PENDING in the outbox.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Feeds SES feedback files through the guardian's ingest pipeline on a local store"
          + " (SQLite, guardian.db under --state): exactly-once recording, counters, the"
          + " suppression list with soft-bounce escalation. Nothing is sent to SES: new"
          + " suppressions stay PENDING in the outbox.",
      "Exit status: 0 every item accepted, 1 some input rejected or not stored (the rest was"
          + " processed), 2 usage error."
    })
final class ReplayCommand implements Callable<Integer> {

  /**
   * Documents stored together in one transaction (their ledger entries, suppressions and counters,
   * the counters summed per scope and hour first). Large units keep a replay fast; a unit is small
   * enough (about 3 MB of input) that memory stays bounded and a concurrent process waits well
   * under the store's busy timeout.
   */
  private static final int UNIT = 2_000;

  /** Kept rejected documents read at a time by {@code --rejected} (each may be large). */
  private static final int TAKE_BACK_PAGE = 100;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Files or folders (*.json, *.jsonl, searched recursively).")
  List<Path> paths;

  @Option(
      names = "--rejected",
      description =
          "Take back the input kept as rejected (the local store's, or with --aws the deployed"
              + " table's, kept 14 days): ingest it again, forget what now passes, keep the rest.")
  boolean rejected;

  @Option(
      names = "--aws",
      description =
          "With --rejected: the deployed stack's table (GUARDIAN_TABLE, AWS_REGION) instead of"
              + " the local store.")
  boolean aws;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Mixin StateOption state;

  @Mixin CountingOption counting;

  @Option(
      names = "--fresh",
      description =
          "Start from an empty store: deletes the guardian's own files in the state folder first"
              + " (refused when the folder holds anything else).")
  boolean fresh;

  @Option(
      names = "--soft-bounce-threshold",
      defaultValue = "3",
      description =
          "Soft bounces within the window that suppress an address (default ${DEFAULT-VALUE}).")
  int softBounceThreshold;

  @Option(
      names = "--soft-bounce-window-days",
      defaultValue = "30",
      description = "The soft-bounce window in days (default ${DEFAULT-VALUE}).")
  int softBounceWindowDays;

  @Override
  public Integer call() throws IOException {
    if (softBounceThreshold < 1 || softBounceWindowDays < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--soft-bounce-threshold and --soft-bounce-window-days must be at least 1");
    }
    List<Path> given = paths == null ? List.of() : paths;
    if (rejected != given.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          rejected
              ? "--rejected takes back kept input: give no PATH with it (replay files separately)"
              : "give the files or folders to replay (PATH...), or --rejected");
    }
    if (aws && !rejected) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--aws goes with --rejected: 'guardian replay --rejected --aws'");
    }
    Clock clock = Clock.systemUTC();
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    Totals totals = new Totals();
    IngestPolicy policy =
        new IngestPolicy(
            softBounceThreshold,
            Duration.ofDays(softBounceWindowDays),
            counting.rules(spec.commandLine()));
    if (rejected) {
      Path where = state.dir;
      if (aws) {
        try (AwsClients clients = AwsClients.fromEnvironment(System.getenv())) {
          GuardianRuntime runtime =
              GuardianRuntime.of(GuardianConfig.fromEnvironment(System.getenv()), clients);
          takeBack(runtime.rejectedItems(), runtime.ingestService(), normalizer, totals);
          where = Path.of("table " + runtime.config().table());
        }
      } else {
        try (LocalState local = LocalState.existing(state, clock, spec.commandLine())) {
          takeBack(local.rejected(), local.ingestService(policy, clock), normalizer, totals);
        }
      }
      return print(totals, 0, where);
    }
    InputFiles.Inputs inputs = InputFiles.expand(given, spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, "replayed", inputs.bytes());
    try (LocalState local = LocalState.open(state, fresh, clock, spec.commandLine())) {
      // The use case the Lambda handlers share, on the deliveries the envelope adapter opens out of
      // each file document; each delivery holding a rejected item is kept so that
      // 'replay --rejected' can take it back after a fix. One flushed unit is one store unit.
      FeedbackIngestion ingestion =
          new FeedbackIngestion(
              normalizer, local.ingestService(policy, clock), Integer.MAX_VALUE, local.rejected());
      Deadline none = Deadline.none(clock);
      // Documents are streamed and stored a unit at a time: memory stays bounded by one unit.
      List<RawDelivery> unit = new ArrayList<>(UNIT);
      int[] documents = {0};
      Runnable flush =
          () -> {
            if (!unit.isEmpty()) {
              totals.add(ingestion.ingest(unit, none).report());
              unit.clear();
            }
            documents[0] = 0;
          };
      InputFiles.Sink sink =
          new InputFiles.Sink() {
            @Override
            public void document(InputFiles.Document d) {
              unit.addAll(FeedbackEnvelopes.document(d.source(), d.text()));
              if (++documents[0] == UNIT) {
                flush.run();
              }
            }

            @Override
            public void unreadable(Rejection rejection) {
              unit.add(
                  RawDelivery.rejected(rejection.source(), rejection.code(), rejection.reason()));
            }
          };
      InputFiles.readAll(inputs, sink, progress);
      flush.run();
    }
    return print(totals, inputs.files().size(), state.dir);
  }

  private int print(Totals totals, int files, Path where) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(totals.json()));
    } else {
      totals.print(out, files, where);
    }
    out.flush();
    return totals.rejected.isEmpty() && totals.failed.isEmpty() ? 0 : GuardianCli.EXIT_REJECTED;
  }

  /**
   * Ingests every kept document again: one that now passes whole is forgotten; one still (partly)
   * rejected, or not stored, stays kept. Items already recorded count as duplicates, so taking back
   * twice changes nothing.
   */
  private static void takeBack(
      RejectedItems kept, IngestService service, FeedbackNormalizer normalizer, Totals totals) {
    totals.takeBack = true;
    // Not kept again here: a document still rejected simply stays where it is.
    FeedbackIngestion ingestion =
        new FeedbackIngestion(normalizer, service, Integer.MAX_VALUE, RejectedItems.NONE);
    Deadline none = Deadline.none(Clock.systemUTC());
    String after = null;
    for (List<RejectedItem> page = kept.after(null, TAKE_BACK_PAGE);
        !page.isEmpty();
        page = kept.after(after, TAKE_BACK_PAGE)) {
      for (RejectedItem item : page) {
        after = item.id();
        if (item.raw() == null) {
          // Too large to keep whole: only its trace is there, nothing to ingest.
          totals.withoutText++;
          continue;
        }
        // A kept text is one delivery's SES message, or a whole document kept by older versions.
        IngestReport report =
            ingestion.ingest(FeedbackEnvelopes.document(item.source(), item.raw()), none).report();
        totals.add(report);
        if (report.stored() && report.rejected().isEmpty()) {
          kept.forget(item.id());
          totals.takenBack++;
        } else {
          totals.stillKept++;
        }
      }
    }
  }

  /** The run's totals across ingest units. */
  private static final class Totals {
    int items;
    int duplicates;
    int ignored;
    final Map<Bucket, Integer> recipients = new EnumMap<>(Bucket.class);
    final List<Rejection> rejected = new ArrayList<>();
    final List<SuppressionEntry> suppressed = new ArrayList<>();
    final List<String> escalated = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    boolean takeBack;
    int takenBack;
    int stillKept;
    int withoutText;

    void add(IngestReport r) {
      items += r.items();
      duplicates += r.duplicates();
      ignored += r.ignored().size();
      r.recipients().forEach((k, v) -> recipients.merge(k, v, Integer::sum));
      rejected.addAll(r.rejected());
      suppressed.addAll(r.suppressed());
      escalated.addAll(r.escalated());
      failed.addAll(r.failedSources());
    }

    ObjectNode json() {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.put("items", items);
      ObjectNode byBucket = root.putObject("recipients");
      recipients.forEach((b, n) -> byBucket.put(b.jsonName(), n));
      root.put("duplicates", duplicates);
      root.put("ignored", ignored);
      ArrayNode rejectedArray = root.putArray("rejected");
      rejected.forEach(
          j -> rejectedArray.addObject().put("source", j.source()).put("reason", j.reason()));
      ArrayNode suppressedArray = root.putArray("suppressed");
      suppressed.forEach(
          e ->
              suppressedArray
                  .addObject()
                  .put("address", e.address())
                  .put("reason", e.reason().name())
                  .put("ses", e.sesState().name()));
      if (!failed.isEmpty()) {
        failed.forEach(root.withArray("notStored")::add);
      }
      if (takeBack) {
        ObjectNode kept = root.putObject("kept");
        kept.put("takenBack", takenBack);
        kept.put("stillKept", stillKept);
        kept.put("withoutText", withoutText);
      }
      return root;
    }

    void print(PrintWriter out, int files, Path state) {
      if (takeBack) {
        out.printf(
            Locale.ROOT,
            "Took back %d kept document(s) into %s: %d now stored and forgotten, %d still"
                + " rejected or not stored (kept), %d kept without their text (too large)%n",
            takenBack + stillKept + withoutText,
            state.isAbsolute() || state.toString().startsWith("table ")
                ? state
                : state.toAbsolutePath(),
            takenBack,
            stillKept,
            withoutText);
      } else {
        out.printf(
            Locale.ROOT,
            "Replayed %d item(s) from %d file(s) into %s%n",
            items,
            files,
            state.toAbsolutePath());
      }
      out.printf(Locale.ROOT, "  new recipient records: %s%n", recipients);
      out.printf(Locale.ROOT, "  duplicates (already recorded): %d%n", duplicates);
      out.printf(Locale.ROOT, "  ignored (no feedback): %d%n", ignored);
      out.printf(Locale.ROOT, "  rejected: %d%n", rejected.size());
      for (Rejection j : rejected) {
        out.printf(Locale.ROOT, "    %s: %s%n", j.source(), j.reason());
      }
      out.printf(Locale.ROOT, "  newly suppressed: %d%n", suppressed.size());
      for (SuppressionEntry e : suppressed) {
        out.printf(
            Locale.ROOT,
            "    %-40s %-9s %s%s%n",
            e.address(),
            e.reason(),
            sesState(e),
            escalated.contains(e.address()) ? "  (escalated soft bounce)" : "");
      }
      if (!failed.isEmpty()) {
        out.printf(Locale.ROOT, "  NOT STORED (run again to retry): %s%n", failed);
      }
      out.println(
          "SES was not called: PENDING suppressions reach SES's account-level list only from the"
              + " deployed outbox writer.");
    }

    private static String sesState(SuppressionEntry e) {
      return switch (e.sesState()) {
        case PENDING -> "PENDING (outbox)";
        case NOT_NEEDED -> "NOT_NEEDED (already on SES's list)";
        case SIMULATOR -> "SIMULATOR (never sent)";
        case LOCAL_ONLY -> "LOCAL_ONLY (AccountListReasons keeps it off SES's list)";
        case SYNCED -> "SYNCED";
      };
    }
  }
}
