/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guardian replay} then {@code guardian suppressions --json} on notifications written to a
 * folder: auto-replies, sender-side refusals (Transient 5.7.1) and {@code not-spam} feedback
 * suppress nobody, while mailbox failures still do.
 */
class BounceClassesReplayTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

  @TempDir Path dir;
  private Path feed;
  private int files;

  @BeforeEach
  void folder() throws Exception {
    feed = Files.createDirectories(dir.resolve("feed"));
  }

  @Test
  void autoRepliesSenderSideRefusalsAndNotSpam_suppressNobody_mailboxFailuresStillDo()
      throws Exception {
    for (int day = 0; day < 3; day++) {
      Instant at = T0.plus(Duration.ofDays(day));
      // Out-of-office: Transient/General without status, action or diagnostic (ooto@).
      bounce("Transient", "General", at, null, null, null, "alice@corp.example");
      // The receiving side wants an authenticated sender (corpus sample 029).
      bounce(
          "Transient",
          "General",
          at,
          "5.7.1",
          "failed",
          "smtp;550 5.7.1 RESOLVER.RST.AuthRequired; authentication required",
          "bob@corp.example");
      // A full mailbox, three times within the window: escalates as before.
      bounce(
          "Transient",
          "MailboxFull",
          at,
          "4.2.2",
          "failed",
          "smtp; 452 4.2.2 mailbox full",
          "full@corp.example");
    }
    complaint(T0, "carol@corp.example", "not-spam");
    bounce(
        "Transient",
        "General",
        T0,
        "5.1.1",
        "failed",
        "smtp; 550 5.1.1 user unknown",
        "gone@corp.example");
    bounce(
        "Permanent",
        "General",
        T0,
        "5.1.1",
        "failed",
        "smtp; 550 5.1.1 user unknown",
        "hard@corp.example");

    String state = dir.resolve("state").toString();
    CliRun replay = CliRun.of("replay", "--json", "--state", state, feed.toString());
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(replay.json().get("items").asInt()).isEqualTo(files);
    assertThat(replay.json().get("rejected")).isEmpty();

    CliRun list = CliRun.of("suppressions", "--json", "--state", state);
    assertThat(list.exit()).as(list.err()).isZero();
    List<String> suppressed = new ArrayList<>();
    for (JsonNode entry : list.json()) {
      suppressed.add(entry.get("address").asText());
    }
    assertThat(suppressed)
        .containsExactlyInAnyOrder("full@corp.example", "gone@corp.example", "hard@corp.example")
        .doesNotContain("alice@corp.example", "bob@corp.example", "carol@corp.example");

    // The three authentication refusals make the monitor name the refusing domain.
    String at = T0.plus(Duration.ofDays(2)).plusSeconds(60).toString();
    CliRun status = CliRun.of("status", "--state", state, "--at", at);
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.err()).contains("ALERT SES guardian: mail refused by corp.example");
    // Evaluated again within the window: announced once only.
    assertThat(CliRun.of("status", "--state", state, "--at", at).exit()).isZero();
    List<JsonNode> refusals = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("state").resolve("alerts.jsonl"))) {
      JsonNode alert = JSON.readTree(line);
      if (alert.get("kind").asText().equals("recipientRefusal")) {
        refusals.add(alert);
      }
    }
    assertThat(refusals).hasSize(1);
    assertThat(refusals.get(0).get("subject").asText()).endsWith("refused by corp.example");
    assertThat(refusals.get(0).get("body").asText())
        .contains("authentication required")
        .contains("5.7.1")
        .contains("3 times")
        .doesNotContain("bob@");
  }

  private void bounce(
      String type,
      String subType,
      Instant at,
      String status,
      String action,
      String diagnostic,
      String recipient)
      throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("notificationType", "Bounce");
    ObjectNode bounce = root.putObject("bounce");
    bounce.put("feedbackId", "fb-" + files);
    bounce.put("bounceType", type);
    bounce.put("bounceSubType", subType);
    bounce.put("timestamp", at.toString());
    ObjectNode entry = bounce.putArray("bouncedRecipients").addObject();
    entry.put("emailAddress", recipient);
    if (status != null) {
      entry.put("status", status);
      entry.put("action", action);
      entry.put("diagnosticCode", diagnostic);
    }
    mail(root, at, recipient);
    write(root);
  }

  private void complaint(Instant at, String recipient, String feedbackType) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("notificationType", "Complaint");
    ObjectNode complaint = root.putObject("complaint");
    complaint.put("feedbackId", "fb-" + files);
    complaint.put("timestamp", at.toString());
    complaint.put("complaintFeedbackType", feedbackType);
    complaint.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
    mail(root, at, recipient);
    write(root);
  }

  private void mail(ObjectNode root, Instant at, String recipient) {
    ObjectNode mail = root.putObject("mail");
    mail.put("timestamp", at.minusSeconds(1).toString());
    mail.put("source", "news@example.com");
    mail.put("messageId", "msg-" + files);
    mail.putArray("destination").add(recipient);
  }

  private void write(ObjectNode root) throws Exception {
    Files.writeString(feed.resolve("n" + files++ + ".json"), JSON.writeValueAsString(root));
  }
}
