/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.SesV2SuppressionList;
import io.sesguardian.domain.ingest.SuppressionAdmin.Removal;
import io.sesguardian.domain.sync.Pacer;
import io.sesguardian.domain.sync.SuppressionSync;
import io.sesguardian.domain.sync.SyncReport;
import io.sesguardian.sqlite.SqliteStore;
import io.sesguardian.testkit.MutableClock;
import io.sesguardian.testkit.SesSuppressionHttpStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * {@code guardian unsuppress} through the real {@code main} on a local store, then the outbox
 * writer over that store, sending through the real SDK client to a local SESv2 stub.
 */
class UnsuppressCommandTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;
  private String state;

  @BeforeEach
  void replayTwoHardBounces() throws Exception {
    Path feed = Files.createDirectories(dir.resolve("feed"));
    int n = 0;
    for (String address : List.of("gone@example.org", "kept@example.org")) {
      Files.writeString(
          feed.resolve("b" + n + ".json"),
          ("{\"notificationType\":\"Bounce\",\"bounce\":{\"feedbackId\":\"fb-%1$d\","
                  + "\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                  + "\"timestamp\":\"%2$s\",\"bouncedRecipients\":[{\"emailAddress\":\"%3$s\","
                  + "\"status\":\"5.1.1\",\"action\":\"failed\","
                  + "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]},"
                  + "\"mail\":{\"timestamp\":\"%2$s\",\"source\":\"news@example.com\","
                  + "\"messageId\":\"msg-%1$d\",\"destination\":[\"%3$s\"]}}")
              .formatted(n, T0, address));
      n++;
    }
    state = dir.resolve("state").toString();
    CliRun replay = CliRun.of("replay", "--state", state, feed.toString());
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(listed()).containsExactly("gone@example.org", "kept@example.org");
  }

  private List<String> listed() throws Exception {
    CliRun list = CliRun.of("suppressions", "--json", "--state", state);
    assertThat(list.exit()).as(list.err()).isZero();
    List<String> out = new ArrayList<>();
    for (JsonNode e : list.json()) {
      out.add(e.get("address").asText());
    }
    return out;
  }

  @Test
  void unsuppress_takesTheAddressOff_andTheOutboxSendsExactlyOneDelete_paced() throws Exception {
    CliRun run =
        CliRun.of(
            "unsuppress",
            "Gone@Example.org",
            "--by",
            "dana",
            "--reason",
            "mailbox restored (ticket 42)",
            "--state",
            state);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 address(es) removed by dana").doesNotContain("gone@");
    assertThat(run.out())
        .as("the local store never calls SES itself")
        .contains("DeleteSuppressedDestination queued")
        .contains("SES was not called");
    assertThat(listed()).containsExactly("kept@example.org");

    MutableClock clock = new MutableClock(Instant.now());
    try (SqliteStore store = SqliteStore.open(Path.of(state), clock);
        SesSuppressionHttpStub ses = new SesSuppressionHttpStub().accountReasons();
        AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, ses.endpoint())) {
      ses.holding("gone@example.org", "BOUNCE", T0);
      List<Removal> history = store.suppressionAdmin().removals("gone@example.org");
      assertThat(history)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.by()).isEqualTo("dana");
                assertThat(r.why()).isEqualTo("mailbox restored (ticket 42)");
                assertThat(r.count()).isEqualTo(1);
              });
      SuppressionSync sync =
          new SuppressionSync(
              store.feedback(),
              store.suppressionAdmin(),
              new SesV2SuppressionList(clients.sesV2WithoutRetries()),
              new Pacer(clock, clock.sleeper(), Duration.ofSeconds(1)),
              clock,
              SuppressionSync.Settings.DEFAULT.withoutImport());

      SyncReport first = sync.run(clock.instant().plusSeconds(50));
      SyncReport second = sync.run(clock.instant().plusSeconds(50));

      assertThat(first.deleted()).containsExactly("gone@example.org");
      assertThat(second.deleted()).isEmpty();
      assertThat(ses.calls("DELETE", "/v2/email/suppression/addresses"))
          .singleElement()
          .satisfies(
              c ->
                  assertThat(c.path())
                      .isEqualTo("/v2/email/suppression/addresses/gone@example.org"));
      assertThat(ses.held()).doesNotContainKey("gone@example.org").containsKey("kept@example.org");
      // Every SES request after the first waited for the pacer: never two within a second.
      int requests = ses.calls().size();
      assertThat(clock.slept())
          .hasSize(requests - 1)
          .allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0);
      assertThat(clock.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(requests - 1));
    }

    // A later hard bounce suppresses the address again as usual.
    Path later = Files.createDirectories(dir.resolve("later"));
    Files.writeString(
        later.resolve("again.json"),
        ("{\"notificationType\":\"Bounce\",\"bounce\":{\"feedbackId\":\"fb-again\","
                + "\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                + "\"timestamp\":\"%1$s\",\"bouncedRecipients\":[{\"emailAddress\":"
                + "\"gone@example.org\",\"status\":\"5.1.1\",\"action\":\"failed\"}]},"
                + "\"mail\":{\"timestamp\":\"%1$s\",\"source\":\"news@example.com\","
                + "\"messageId\":\"msg-again\",\"destination\":[\"gone@example.org\"]}}")
            .formatted(T0.plus(Duration.ofDays(3))));
    assertThat(CliRun.of("replay", "--state", state, later.toString()).exit()).isZero();
    assertThat(listed()).containsExactly("gone@example.org", "kept@example.org");
  }

  @Test
  void addressNotListed_saysSo_exits1_andChangesNothing() throws Exception {
    CliRun run =
        CliRun.of(
            "unsuppress",
            "kept@example.org",
            "nobody@example.org",
            "--by",
            "dana",
            "--reason",
            "why",
            "--state",
            state);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("is not on the suppression list")
        .contains("nothing was changed");
    assertThat(run.err()).doesNotContain("nobody@example.org");
    assertThat(listed()).containsExactly("gone@example.org", "kept@example.org");
  }

  @Test
  void implausibleAddress_isRejectedWithTheReason_andChangesNothing() throws Exception {
    CliRun run =
        CliRun.of(
            "unsuppress",
            "kept@example.org",
            "no-at-sign.example.org",
            "--by",
            "dana",
            "--reason",
            "why",
            "--state",
            state);

    assertThat(run.exit()).isEqualTo(GuardianCli.EXIT_USAGE);
    assertThat(run.err()).contains("not a plausible address").contains("has no @");
    assertThat(listed()).containsExactly("gone@example.org", "kept@example.org");
  }
}
