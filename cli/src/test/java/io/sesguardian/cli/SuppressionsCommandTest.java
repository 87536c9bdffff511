/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.testkit.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsCommandTest {

  @TempDir Path dir;
  private String state;
  private int all;

  @BeforeEach
  void replayTheSampleEvents() throws Exception {
    state = dir.resolve("state").toString();
    CliRun.of("replay", "--state", state, Fixtures.repoRoot().resolve("events").toString());
    all = CliRun.of("suppressions", "--json", "--state", state).json().size();
    assertThat(all).isGreaterThan(5);
  }

  @Test
  void filters_byReasonAddressAndTime_narrowTheList() throws Exception {
    JsonNode complaints =
        CliRun.of("suppressions", "--format", "json", "--reason", "complaint", "--state", state)
            .json();
    assertThat(complaints.size()).isBetween(1, all - 1);
    complaints.forEach(e -> assertThat(e.get("reason").asText()).isEqualTo("COMPLAINT"));

    JsonNode one =
        CliRun.of(
                "suppressions",
                "--json",
                "--address",
                "Jordan Lee <JORDAN.LEE@example.org>",
                "--state",
                state)
            .json();
    assertThat(one)
        .singleElement()
        .satisfies(e -> assertThat(e.get("address").asText()).isEqualTo("jordan.lee@example.org"));

    assertThat(
            CliRun.of("suppressions", "--json", "--since", "2099-01-01T00:00:00Z", "--state", state)
                .json())
        .isEmpty();
    assertThat(
            CliRun.of("suppressions", "--json", "--since", "2000-01-01T00:00:00Z", "--state", state)
                .json())
        .hasSize(all);
  }

  @Test
  void csv_hasAHeaderAndOneRowPerEntry() {
    CliRun csv = CliRun.of("suppressions", "--format", "csv", "--state", state);
    assertThat(csv.exit()).isZero();
    String[] lines = csv.out().split("\r\n");
    assertThat(lines[0]).isEqualTo("address,reason,origin,firstSeen,lastSeen,count,ses");
    assertThat(lines).hasSize(all + 1);
  }

  @Test
  void badFiltersOrFormats_areOneLineUsageErrors() {
    for (String[] args :
        new String[][] {
          {"--reason", "spam"},
          {"--format", "xml"},
          {"--since", "yesterday"},
          {"--address", "a@b@c"}
        }) {
      String[] full = new String[args.length + 3];
      full[0] = "suppressions";
      System.arraycopy(args, 0, full, 1, args.length);
      full[args.length + 1] = "--state";
      full[args.length + 2] = state;
      CliRun run = CliRun.of(full);
      assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err()).startsWith("guardian: ");
    }
  }
}
