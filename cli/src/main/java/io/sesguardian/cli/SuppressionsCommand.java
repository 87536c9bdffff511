/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.ingest.SuppressionEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code guardian suppressions}: the local suppression list. */
@Command(
    name = "suppressions",
    mixinStandardHelpOptions = true,
    description = "Lists the suppression list of the local store, with each entry's SES state.")
final class SuppressionsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), json (one array) or csv (RFC 4180, with a header row).")
  String format;

  @Option(
      names = "--address",
      paramLabel = "ADDRESS",
      description = "Only this address (any case, a display name is ignored).")
  String address;

  @Option(
      names = "--reason",
      paramLabel = "REASON",
      description = "Only BOUNCE or COMPLAINT entries.")
  String reason;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Only entries whose last bounce or complaint is at or after TIME (ISO-8601).")
  String since;

  @Mixin StateOption state;

  @Override
  public Integer call() throws IOException {
    String shape = json ? "json" : format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "json", "csv").contains(shape)) {
      throw new ParameterException(
          spec.commandLine(), "--format " + format + ": use table, json or csv");
    }
    Predicate<SuppressionEntry> keep = filter();
    List<SuppressionEntry> entries;
    try (LocalState local = LocalState.existing(state, Clock.systemUTC(), spec.commandLine())) {
      entries =
          address != null
              ? new ArrayList<>(local.suppressions().suppressions(List.of(normalised())).values())
              : local.suppressions().allSuppressions();
    }
    entries = entries.stream().filter(keep).toList();
    PrintWriter out = spec.commandLine().getOut();
    switch (shape) {
      case "json" -> {
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
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(array));
      }
      case "csv" -> {
        out.print("address,reason,origin,firstSeen,lastSeen,count,ses\r\n");
        for (SuppressionEntry e : entries) {
          out.print(
              String.join(
                      ",",
                      csv(e.address()),
                      e.reason().name(),
                      e.origin().name(),
                      String.valueOf(e.firstSeen()),
                      String.valueOf(e.lastSeen()),
                      Long.toString(e.count()),
                      e.sesState().name())
                  + "\r\n");
        }
      }
      default -> {
        out.printf(
            Locale.ROOT,
            "%-40s %-9s %-22s %-20s %5s  %s%n",
            "ADDRESS",
            "REASON",
            "ORIGIN",
            "LAST SEEN",
            "COUNT",
            "SES");
        for (SuppressionEntry e : entries) {
          out.printf(
              Locale.ROOT,
              "%-40s %-9s %-22s %-20s %5d  %s%n",
              e.address(),
              e.reason(),
              e.origin(),
              e.lastSeen() == null ? "-" : e.lastSeen().toString(),
              e.count(),
              e.sesState());
        }
        out.printf(Locale.ROOT, "%d address(es)%n", entries.size());
      }
    }
    out.flush();
    return 0;
  }

  private String normalised() {
    Addresses.Parsed parsed = Addresses.parse(address);
    if (!parsed.ok()) {
      throw new ParameterException(
          spec.commandLine(),
          "--address "
              + Addresses.mask(address)
              + " is not a plausible address: it "
              + parsed.problem());
    }
    return parsed.address();
  }

  private Predicate<SuppressionEntry> filter() {
    Predicate<SuppressionEntry> keep = e -> true;
    if (reason != null) {
      SuppressionReason wanted;
      try {
        wanted = SuppressionReason.valueOf(reason.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "--reason " + reason + ": use BOUNCE or COMPLAINT");
      }
      keep = keep.and(e -> e.reason() == wanted);
    }
    if (since != null) {
      Instant from;
      try {
        from = Instant.parse(since);
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--since " + since + " is not an ISO-8601 instant such as 2026-04-01T00:00:00Z");
      }
      keep = keep.and(e -> e.lastSeen() != null && !e.lastSeen().isBefore(from));
    }
    return keep;
  }

  /** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
  private static String csv(String value) {
    return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
