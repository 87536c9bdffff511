/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesguardian.testkit.SesEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's seven findings through {@code guardian replay} and {@code guardian status --json} (the
 * real command line, in process), evaluated at a fixed {@code --at}.
 */
class SesCountingRulesCliTest {

  private static final Instant AT = Instant.parse("2026-05-10T12:30:00Z");
  private static final Instant HOUR_AGO = AT.minus(Duration.ofHours(1));

  @TempDir Path dir;

  /** Replays the events, then returns the account's window from {@code status --json}. */
  private JsonNode account(SesEvents events, String window, String... replayOptions)
      throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, events.jsonLines());
    String state = dir.resolve("state").toString();
    List<String> args = new ArrayList<>(List.of("replay", "--state", state));
    args.addAll(List.of(replayOptions));
    args.add(file.toString());
    CliRun replay = CliRun.of(args.toArray(String[]::new));
    assertThat(replay.exit()).as(replay.err()).isZero();
    CliRun status = CliRun.of("status", "--json", "--state", state, "--at", AT.toString());
    assertThat(status.exit()).as(status.err()).isZero();
    JsonNode doc = status.json();
    JsonNode scope = doc.get("scopes").get(0);
    assertThat(scope.get("scope").asText()).isEqualTo("account");
    for (JsonNode w : scope.get("windows")) {
      if (w.get("window").asText().equals(window)) {
        return w;
      }
    }
    throw new AssertionError("no window " + window + " in " + doc);
  }

  @Test
  void complaintRate_overFeedbackLoopDomains_isQuarterPercent() throws Exception {
    JsonNode w =
        account(
            new SesEvents()
                .delivered("news", "gmail.com", 600, HOUR_AGO)
                .delivered("news", "yahoo.com", 399, HOUR_AGO)
                .complaintReport("news", "yahoo.com", 1, null, HOUR_AGO),
            "24h");
    assertThat(w.get("eligibleSends").asLong()).isEqualTo(1000);
    assertThat(w.get("complaintEligibleSends").asLong()).isEqualTo(400);
    assertThat(w.get("complaintRate").asDouble()).isEqualTo(0.0025);
    assertThat(w.get("denominator").asText()).isEqualTo("send");
  }

  @Test
  void verifiedDomainBounces_areExcluded() throws Exception {
    JsonNode w =
        account(
            new SesEvents()
                .delivered("news", "example.net", 190, HOUR_AGO)
                .hardBounced("news", "example.net", 10, HOUR_AGO)
                .delivered("news", "ourcompany.com", 90, HOUR_AGO)
                .hardBounced("news", "ourcompany.com", 10, HOUR_AGO),
            "24h",
            "--verified-domains",
            "ourcompany.com");
    assertThat(w.get("eligibleSends").asLong()).isEqualTo(200);
    assertThat(w.get("bounces").asLong()).isEqualTo(10);
    assertThat(w.get("bounceRate").asDouble()).isEqualTo(0.05);
  }

  @Test
  void mixedChannels_isTwoAndAHalfPercent() throws Exception {
    JsonNode w =
        account(
            new SesEvents()
                .sent("news", "example.net", 100, HOUR_AGO)
                .delivered(null, "example.org", 95, HOUR_AGO)
                .hardBounced(null, "example.org", 5, HOUR_AGO),
            "24h");
    assertThat(w.get("denominator").asText()).isEqualTo("mixed");
    assertThat(w.get("eligibleSends").asLong()).isEqualTo(200);
    assertThat(w.get("bounceRate").asDouble()).isEqualTo(0.025);
  }

  @Test
  void noDenominator_isUnknownWithNullRates_andNothingPauses() throws Exception {
    JsonNode w =
        account(
            new SesEvents()
                .bounceOnly(null, "example.net", "Permanent", "General", HOUR_AGO)
                .bounceOnly(null, "example.net", "Transient", "MailboxFull", HOUR_AGO),
            "24h");
    assertThat(w.get("denominator").asText()).isEqualTo("none");
    assertThat(w.get("bounceRate").isNull()).isTrue();
    assertThat(w.get("complaintRate").isNull()).isTrue();
    assertThat(w.get("level").asText()).isEqualTo("unknown");
    assertThat(w.get("bounces").asLong()).isEqualTo(1);
    List<String> alerts = Files.readAllLines(dir.resolve("state").resolve("alerts.jsonl"));
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0)).contains("cannot be computed").doesNotContain("PAUSE");
  }

  @Test
  void oneReportNamingThreeRecipients_isOneComplaint() throws Exception {
    JsonNode w =
        account(
            new SesEvents()
                .delivered("news", "yahoo.com", 997, HOUR_AGO)
                .complaintReport("news", "yahoo.com", 3, null, HOUR_AGO),
            "24h");
    assertThat(w.get("complaints").asLong()).isEqualTo(1);
    assertThat(w.get("complaintRate").asDouble()).isEqualTo(0.001);
  }

  @Test
  void tenantTaggedEvents_getATenantScope_andTenantListBouncesLeaveTheDenominator()
      throws Exception {
    JsonNode account =
        account(
            new SesEvents()
                .tenant("acme")
                .delivered("news", "yahoo.com", 90, HOUR_AGO)
                .hardBounced("news", "yahoo.com", 10, HOUR_AGO)
                .onTenantList("news", "yahoo.com", 40, HOUR_AGO)
                .tenant(null)
                .delivered("news", "example.net", 100, HOUR_AGO),
            "24h");
    assertThat(account.get("eligibleSends").asLong()).isEqualTo(200);
    assertThat(account.get("bounceRate").asDouble()).isEqualTo(0.05);

    CliRun status =
        CliRun.of(
            "status", "--json", "--state", dir.resolve("state").toString(), "--at", AT.toString());
    assertThat(status.exit()).as(status.err()).isZero();
    JsonNode tenant = null;
    for (JsonNode scope : status.json().get("scopes")) {
      if (scope.get("scope").asText().equals("tenant:acme")) {
        tenant = scope;
      }
    }
    assertThat(tenant).as(status.out()).isNotNull();
    JsonNode w = tenant.get("windows").get(0);
    assertThat(w.get("window").asText()).isEqualTo("24h");
    assertThat(w.get("eligibleSends").asLong()).isEqualTo(100);
    assertThat(w.get("bounces").asLong()).isEqualTo(10);
    assertThat(w.get("bounceRate").asDouble()).isEqualTo(0.1);
  }

  @Test
  void sendsSesNeverAttempted_andSimulatorMail_leaveTheDenominator() throws Exception {
    JsonNode w =
        account(
            new SesEvents()
                .delivered("news", "yahoo.com", 190, HOUR_AGO)
                .hardBounced("news", "yahoo.com", 10, HOUR_AGO)
                .onAccountList("news", "yahoo.com", 30, HOUR_AGO)
                .complaintReport("news", "yahoo.com", 1, "OnAccountSuppressionList", HOUR_AGO)
                .rejected("news", "yahoo.com", 20, HOUR_AGO)
                .sent("news", "simulator.amazonses.com", 500, HOUR_AGO),
            "24h");
    assertThat(w.get("eligibleSends").asLong()).isEqualTo(200);
    assertThat(w.get("bounceRate").asDouble()).isEqualTo(0.05);
    assertThat(w.get("complaints").asLong()).isZero();
  }

  @Test
  void volumeWindow_reachesBeyondNinetyDays() throws Exception {
    Instant longAgo = AT.minus(Duration.ofDays(200));
    JsonNode w =
        account(
            new SesEvents()
                .delivered("news", "example.net", 950, longAgo)
                .hardBounced("news", "example.net", 50, longAgo)
                .delivered("news", "example.net", 1000, HOUR_AGO),
            "volume");
    assertThat(w.get("eligibleSends").asLong()).isEqualTo(2000);
    assertThat(w.get("bounceRate").asDouble()).isEqualTo(0.025);
  }
}
