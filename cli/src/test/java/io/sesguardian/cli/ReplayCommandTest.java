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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guardian replay} and {@code guardian suppressions} on an embedded DynamoDB Local. */
class ReplayCommandTest {

  @TempDir Path dir;

  private String state() {
    return dir.resolve("state").toString();
  }

  @Test
  void replayingTheSampleEvents_suppressesWithoutCallingSes_andTheSecondRunIsAllDuplicates()
      throws Exception {
    String events = Fixtures.repoRoot().resolve("events").toString();
    CliRun first = CliRun.of("replay", "--json", "--state", state(), events);
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode doc = first.json();
    assertThat(doc.get("items").asInt()).isEqualTo(71);
    assertThat(doc.get("ignored").asInt()).isEqualTo(2);
    assertThat(doc.get("duplicates").asInt()).isZero();
    assertThat(doc.get("rejected")).isEmpty();
    assertThat(doc.get("recipients").get("bounce.permanent").asInt()).isPositive();
    List<String> states = new ArrayList<>();
    doc.get("suppressed").forEach(s -> states.add(s.get("ses").asText()));
    assertThat(states).contains("PENDING", "NOT_NEEDED", "SIMULATOR").doesNotContain("SYNCED");

    JsonNode again = CliRun.of("replay", "--json", "--state", state(), events).json();
    assertThat(again.get("suppressed")).isEmpty();
    assertThat(again.get("duplicates").asInt()).isEqualTo(77);
    again.get("recipients").forEach(n -> assertThat(n.asInt()).isZero());

    JsonNode list = CliRun.of("suppressions", "--json", "--state", state()).json();
    assertThat(list).hasSize(doc.get("suppressed").size());
    JsonNode first0 = list.get(0);
    assertThat(first0.fieldNames())
        .toIterable()
        .containsExactly("address", "reason", "firstSeen", "lastSeen", "count", "ses");

    JsonNode fresh = CliRun.of("replay", "--json", "--fresh", "--state", state(), events).json();
    assertThat(fresh.get("duplicates").asInt()).isZero();
  }

  @Test
  void badLinesAndArrayElements_areRejectedByPosition_theRestStored_exitOne() throws Exception {
    String send =
        Files.readString(Fixtures.event("ses/event/send.json")).replaceAll("\\s*\\n\\s*", " ");
    String bounce =
        Files.readString(Fixtures.event("ses/notification/bounce-permanent-noemail.json"))
            .replaceAll("\\s*\\n\\s*", " ");
    Path jsonl = dir.resolve("feed.jsonl");
    Files.writeString(jsonl, send + "\n{oops\n" + bounce + "\n");
    Path array = dir.resolve("batch.json");
    Files.writeString(array, "[" + bounce + ", 42]");
    CliRun run =
        CliRun.of("replay", "--json", "--state", state(), jsonl.toString(), array.toString());
    assertThat(run.exit()).isEqualTo(1);
    JsonNode doc = run.json();
    List<String> sources = new ArrayList<>();
    doc.get("rejected").forEach(r -> sources.add(r.get("source").asText()));
    assertThat(sources).containsExactly(jsonl + ":2", array + "#1");
    assertThat(doc.get("suppressed")).hasSize(1);
    assertThat(doc.get("duplicates").asInt()).isEqualTo(1);
  }

  @Test
  void invalidUtf8_aBom_andAMissingFile_areRejectedWhereTheyAre_theRestStored() throws Exception {
    String bounce =
        Files.readString(Fixtures.event("ses/notification/bounce-permanent-noemail.json"))
            .replaceAll("\\s*\\n\\s*", " ");
    String complaint =
        Files.readString(Fixtures.event("ses/notification/complaint-abuse.json"))
            .replaceAll("\\s*\\n\\s*", " ");
    Path jsonl = dir.resolve("feed.jsonl");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write((bounce + "\n{\"x\":\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xFF});
    bytes.write(("\"}\n" + complaint + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(jsonl, bytes.toByteArray());
    CliRun run = CliRun.of("replay", "--json", "--state", state(), jsonl.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode doc = run.json();
    assertThat(doc.get("rejected")).hasSize(1);
    assertThat(doc.get("rejected").get(0).get("source").asText()).isEqualTo(jsonl + ":2");
    assertThat(doc.get("rejected").get(0).get("reason").asText()).contains("not valid UTF-8");
    assertThat(doc.get("suppressed")).hasSize(2);
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void suppressionsWithoutAStore_isAUsageErrorThatSaysWhatToRun() {
    CliRun run = CliRun.of("suppressions", "--state", dir.resolve("none").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("run 'guardian replay PATH...' first");
  }
}
