/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sesguardian.domain.ingest.SuppressionEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code guardian suppressions}: the local suppression list. */
@Command(
    name = "suppressions",
    mixinStandardHelpOptions = true,
    description = "Lists the suppression list of the local store, with each entry's SES state.")
final class SuppressionsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print exactly one JSON array on stdout.")
  boolean json;

  @Mixin StateOption state;

  @Override
  public Integer call() throws IOException {
    List<SuppressionEntry> entries;
    try (LocalState local = LocalState.existing(state.dir, Clock.systemUTC(), spec.commandLine())) {
      entries = local.feedback().allSuppressions();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (SuppressionEntry e : entries) {
        array
            .addObject()
            .put("address", e.address())
            .put("reason", e.reason().name())
            .put("firstSeen", String.valueOf(e.firstSeen()))
            .put("lastSeen", String.valueOf(e.lastSeen()))
            .put("count", e.count())
            .put("ses", e.sesState().name());
      }
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array));
    } else {
      out.printf(
          "%-40s %-9s %-22s %-20s %5s  %s%n",
          "ADDRESS", "REASON", "ORIGIN", "LAST SEEN", "COUNT", "SES");
      for (SuppressionEntry e : entries) {
        out.printf(
            "%-40s %-9s %-22s %-20s %5d  %s%n",
            e.address(),
            e.reason(),
            e.origin(),
            e.lastSeen() == null ? "-" : e.lastSeen().toString(),
            e.count(),
            e.sesState());
      }
      out.printf("%d address(es)%n", entries.size());
    }
    out.flush();
    return 0;
  }
}
