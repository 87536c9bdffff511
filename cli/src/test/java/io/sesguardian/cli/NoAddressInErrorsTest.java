/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses are personal data: only suppression records may show them. Every command's error
 * output, and every rejection it prints, must carry them masked, whatever the input quotes.
 */
class NoAddressInErrorsTest {

  private static final String SECRET = "victim.one";
  private static final String ADDRESS = SECRET + "@example.com";

  @TempDir Path dir;

  @Test
  void rejectionsAndErrorsOfEveryCommand_neverShowAFullAddress() throws Exception {
    Path bad = hostileInput();
    String state = dir.resolve("state").toString();
    List<CliRun> runs = new ArrayList<>();
    runs.add(CliRun.of("replay", "--json", "--state", state, bad.toString()));
    runs.add(CliRun.of("replay", "--state", state, bad.toString()));
    runs.add(CliRun.of("normalize", bad.toString()));
    runs.add(CliRun.of("normalize", "--json", bad.toString()));
    runs.add(CliRun.of("replay", "--state", state, dir.resolve(ADDRESS + ".json").toString()));
    runs.add(CliRun.of("status", "--state", state, "--at", ADDRESS));
    runs.add(CliRun.of("suppressions", "--state", dir.resolve(ADDRESS).toString()));
    for (CliRun run : runs) {
      assertThat(run.err()).as("stderr").doesNotContain(SECRET);
    }
    JsonNode replayed = runs.get(0).json();
    assertThat(replayed.get("rejected")).hasSize(4);
    replayed
        .get("rejected")
        .forEach(r -> assertThat(r.get("reason").asText()).doesNotContain(SECRET));
    assertThat(runs.get(1).out()).doesNotContain(SECRET);
    assertThat(runs.get(3).json().get("rejected").toString()).doesNotContain(SECRET);
  }

  /**
   * Every command, with an address quoted wherever input can carry one (files, their names, the
   * state folder, option values), never prints it in full, on stdout or stderr. The address never
   * becomes a suppression record (only those may show one), so any full occurrence is input echoed
   * unmasked. The commands are enumerated from the CLI itself: a new command without a scenario
   * here fails this test.
   */
  @Test
  void noCommandPrintsAnAddressQuotedByItsInput() throws Exception {
    Path bad =
        hostileInput(
            "{\"notificationType\":\"Delivery\",\"mail\":{\"timestamp\":\"2026-03-01T00:00:00Z\","
                + "\"messageId\":\"m2\",\"destination\":[\"ok@example.org\"],\"tags\":"
                + "{\"ses:configuration-set\":[\""
                + ADDRESS.repeat(4)
                + "\"]}},\"delivery\":{\"timestamp\":\"2026-03-01T00:00:01Z\"}}");
    Path named = Files.writeString(dir.resolve(ADDRESS + ".json"), "{\"to\":\"" + ADDRESS + "\"}");
    Path answers = Files.writeString(dir.resolve("answers.txt"), "contact: " + ADDRESS + "\n");
    String state = dir.resolve("state").toString();
    String addressState = dir.resolve(ADDRESS).toString();
    String events = Fixtures.repoRoot().resolve("events").toString();
    assertThat(CliRun.of("replay", "--state", state, events).exit()).isZero();

    Map<String, List<String[]>> scenarios = new LinkedHashMap<>();
    scenarios.put(
        "replay",
        List.<String[]>of(
            args("replay", "--state", state, bad.toString()),
            args("replay", "--json", "--state", state, bad.toString(), named.toString()),
            args("replay", "--state", addressState, dir.resolve("missing-" + ADDRESS).toString()),
            args("replay", "--rejected", "--state", state),
            args("replay", "--rejected", "--json", "--state", state)));
    scenarios.put(
        "normalize",
        List.<String[]>of(
            args("normalize", bad.toString(), named.toString()),
            args("normalize", "--json", bad.toString())));
    scenarios.put(
        "status",
        List.<String[]>of(
            args("status", "--state", state),
            args("status", "--json", "--state", state, "--at", ADDRESS),
            args("status", "--state", addressState)));
    scenarios.put(
        "suppressions",
        List.<String[]>of(
            args("suppressions", "--state", state, "--address", ADDRESS),
            args("suppressions", "--json", "--state", state, "--since", ADDRESS),
            args("suppressions", "--state", state, "--reason", ADDRESS)));
    scenarios.put(
        "report",
        List.<String[]>of(
            args("report", "--week", "2026-W12", "--state", state),
            args("report", "--week", ADDRESS, "--state", state),
            args("report", "--week", "2026-W12", "--format", ADDRESS, "--state", state),
            args(
                "report",
                "--week",
                "2026-W12",
                "--output",
                dir.resolve(ADDRESS).resolve("r.md").toString(),
                "--state",
                state)));
    scenarios.put(
        "request-draft",
        List.<String[]>of(
            args("request-draft", "--week", "2026-W12", "--state", state),
            args("request-draft", "--answers", answers.toString(), "--state", state),
            args("request-draft", "--answers", named.toString(), "--state", state)));
    scenarios.put(
        "readiness",
        List.<String[]>of(
            args("readiness", "--domain", ADDRESS), args("readiness", "--topic", ADDRESS)));
    scenarios.put(
        "resume",
        List.<String[]>of(
            args("resume", ADDRESS, "--by", ADDRESS, "--reason", "asked by " + ADDRESS)));
    scenarios.put(
        "demo",
        List.<String[]>of(
            args("demo", "--state", addressState, "--days", ADDRESS),
            args("demo", "--state", state)));
    scenarios.put(
        "unsuppress",
        List.<String[]>of(
            args("unsuppress", ADDRESS, "--by", ADDRESS, "--reason", ADDRESS, "--state", state),
            args("unsuppress", ADDRESS + " x", "--by", "a", "--reason", "b", "--state", state),
            args(
                "unsuppress",
                "jordan.lee@example.org",
                "--by",
                ADDRESS,
                "--reason",
                "asked by " + ADDRESS,
                "--state",
                state)));
    scenarios.put("import-ses-list", List.<String[]>of(args("import-ses-list")));
    scenarios.put("help", List.<String[]>of(args("help", "replay"), args("help", ADDRESS)));

    assertThat(scenarios.keySet())
        .as("a scenario for every command")
        .containsExactlyInAnyOrderElementsOf(
            GuardianCli.commandLine().getSubcommands().values().stream()
                .map(picocli.CommandLine::getCommandName)
                .distinct()
                .toList());
    List<String> leaks = new ArrayList<>();
    for (List<String[]> runs : scenarios.values()) {
      for (String[] args : runs) {
        CliRun run = CliRun.of(args);
        if (run.out().contains(SECRET)) {
          leaks.add(String.join(" ", args) + " -> stdout: " + run.out());
        }
        if (run.err().contains(SECRET)) {
          leaks.add(String.join(" ", args) + " -> stderr: " + run.err());
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static String[] args(String... args) {
    return args;
  }

  /**
   * A JSON Lines file quoting {@link #ADDRESS} where no recipient belongs: in garbage, in a
   * recipient with a bidirectional override, as a duplicated key's value, as a message id; {@code
   * extra} lines follow.
   */
  private Path hostileInput(String... extra) throws java.io.IOException {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "Delivery failed for " + ADDRESS,
                "{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m1\",\"timestamp\":"
                    + "\"2026-03-01T00:00:00Z\"},\"bounce\":{\"bounceType\":\"Permanent\","
                    + "\"bounceSubType\":\"General\",\"feedbackId\":\"f1\",\"timestamp\":"
                    + "\"2026-03-01T00:00:00Z\",\"bouncedRecipients\":[{\"emailAddress\":\""
                    + SECRET
                    + "@exa\\u202emple.com\"}]}}",
                "{\"notificationType\":\"Bounce\",\"notificationType\":\"" + ADDRESS + "\"}",
                "{\"notificationType\":\"Complaint\",\"mail\":{\"messageId\":\""
                    + ADDRESS
                    + "\"}}"));
    lines.addAll(List.of(extra));
    lines.add("");
    return Files.writeString(dir.resolve("bad.jsonl"), String.join("\n", lines));
  }
}
