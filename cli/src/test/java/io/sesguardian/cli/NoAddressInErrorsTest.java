/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(
        bad,
        String.join(
            "\n",
            "Delivery failed for " + ADDRESS,
            "{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m1\",\"timestamp\":"
                + "\"2026-03-01T00:00:00Z\"},\"bounce\":{\"bounceType\":\"Permanent\","
                + "\"bounceSubType\":\"General\",\"feedbackId\":\"f1\",\"timestamp\":"
                + "\"2026-03-01T00:00:00Z\",\"bouncedRecipients\":[{\"emailAddress\":\""
                + SECRET
                + "@exa\\u202emple.com\"}]}}",
            "{\"notificationType\":\"Bounce\",\"notificationType\":\"" + ADDRESS + "\"}",
            "{\"notificationType\":\"Complaint\",\"mail\":{\"messageId\":\"" + ADDRESS + "\"}}",
            ""));
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
}
