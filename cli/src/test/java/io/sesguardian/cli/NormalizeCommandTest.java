/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizeCommandTest {

  @Test
  void normalizingTheSampleEvents_acceptsEveryItem_andExitsZero() {
    CliRun run = CliRun.of("normalize", Fixtures.repoRoot().resolve("events").toString());
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("69 file(s)").contains("0 rejected");
    assertThat(run.out()).contains("-> suppress BOUNCE [counts toward bounce rate]");
  }

  @Test
  void jsonOutput_isExactlyOneDocument() throws Exception {
    CliRun run =
        CliRun.of("normalize", "--json", Fixtures.event("sqs/batch-mixed.json").toString());
    JsonNode doc = run.json();
    assertThat(doc.get("items").asInt()).isEqualTo(3);
    assertThat(doc.get("records")).hasSize(4);
    assertThat(doc.get("records").get(0).get("address").asText())
        .isEqualTo("jordan.lee@example.org");
  }

  @Test
  void jsonLinesWithABadLine_rejectsThatLineByNumber_keepsTheRest_andExitsOne(@TempDir Path dir)
      throws Exception {
    String good =
        Files.readString(Fixtures.event("ses/event/send.json")).replaceAll("\\s*\n\\s*", " ");
    Path file = dir.resolve("feed.jsonl");
    Files.writeString(file, good + "\n{broken\n\n" + good + "\n");
    CliRun run = CliRun.of("normalize", "--json", file.toString());
    assertThat(run.exit()).isEqualTo(1);
    JsonNode doc = run.json();
    assertThat(doc.get("items").asInt()).isEqualTo(3);
    assertThat(doc.get("rejected")).hasSize(1);
    assertThat(doc.get("rejected").get(0).get("source").asText()).isEqualTo(file + ":2");
    assertThat(doc.get("rejected").get(0).get("code").asText()).isEqualTo("NOT_JSON");
  }

  @Test
  void aComplaintReportNamingTwoRecipients_isMarkedToCountOnce(@TempDir Path dir) throws Exception {
    ObjectNode doc =
        (ObjectNode)
            new ObjectMapper()
                .readTree(Fixtures.event("ses/notification/complaint-abuse.json").toFile());
    ((ArrayNode) doc.path("complaint").path("complainedRecipients"))
        .addObject()
        .put("emailAddress", "second.reader@example.net");
    Path file = dir.resolve("two-recipients.json");
    Files.writeString(file, doc.toString());
    CliRun run = CliRun.of("normalize", file.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("complaint")))
        .hasSize(2)
        .satisfiesExactly(
            first -> assertThat(first).endsWith("[counts toward complaint rate]"),
            second ->
                assertThat(second)
                    .contains("second.reader@example.net")
                    .endsWith("[same report as an earlier recipient: not counted again]"));
  }

  @Test
  void missingPath_isAUsageErrorThatSaysWhatToGive() {
    CliRun run = CliRun.of("normalize", "/no/such/path");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no such file or directory: /no/such/path");
  }
}
