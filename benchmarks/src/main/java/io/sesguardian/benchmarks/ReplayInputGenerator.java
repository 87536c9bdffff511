/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a JSON Lines file of realistic, distinct SES event-publishing notifications for the replay
 * benchmarks, and prints on stdout the counts a correct replay must report: per message sent, one
 * Send, 0.98 Delivery, 0.01 hard bounce, 0.005 soft bounce and 0.0005 complaint (the mix of the
 * cost issue), each built from the project's sample events with its own ids and recipient.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar
 * io.sesguardian.benchmarks.ReplayInputGenerator OUT.jsonl TARGET_MB [SEED]}
 */
public final class ReplayInputGenerator {

  private ReplayInputGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ReplayInputGenerator OUT.jsonl TARGET_MB [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long targetBytes = Long.parseLong(args[1]) * 1_000_000L;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    Map<String, Long> expected = generate(out, targetBytes, seed);
    System.out.println(new ObjectMapper().writeValueAsString(expected));
  }

  /** Writes the file; returns {@code items}, {@code bytes} and the recipient counts per bucket. */
  static Map<String, Long> generate(Path out, long targetBytes, long seed) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path events = repoRoot().resolve("events/ses/event");
    ObjectNode send = (ObjectNode) json.readTree(events.resolve("send.json").toFile());
    ObjectNode delivery = (ObjectNode) json.readTree(events.resolve("delivery.json").toFile());
    ObjectNode hard =
        (ObjectNode) json.readTree(events.resolve("bounce-permanent-general.json").toFile());
    ObjectNode soft =
        (ObjectNode) json.readTree(events.resolve("bounce-transient-mailboxfull.json").toFile());
    ObjectNode complaint =
        (ObjectNode) json.readTree(events.resolve("complaint-abuse.json").toFile());
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String k : new String[] {"items", "send", "delivery", "bounce.permanent"}) {
      counts.put(k, 0L);
    }
    counts.put("bounce.transient", 0L);
    counts.put("complaint", 0L);
    counts.put("suppressed", 0L);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    long bytes = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long m = 0; bytes < targetBytes; m++) {
        String messageId = String.format(Locale.ROOT, "0100019d%012x-bench-%08x-000000", m, seed);
        String recipient =
            String.format(Locale.ROOT, "user%d@%s", m, m % 3 == 0 ? "example.net" : "example.org");
        Instant at = start.plus(Duration.ofSeconds(m * 2));
        bytes += line(w, send, messageId, recipient, at, null, counts, "send");
        double roll = random.nextDouble();
        boolean complained = random.nextDouble() < 0.0005;
        if (roll >= 0.98 && roll < 0.99 || complained) {
          counts.merge("suppressed", 1L, Long::sum); // one recipient per message
        }
        if (roll < 0.98) {
          bytes += line(w, delivery, messageId, recipient, at, null, counts, "delivery");
        } else if (roll < 0.99) {
          bytes += line(w, hard, messageId, recipient, at, "h" + m, counts, "bounce.permanent");
        } else if (roll < 0.995) {
          bytes += line(w, soft, messageId, recipient, at, "s" + m, counts, "bounce.transient");
        }
        if (complained) {
          bytes += line(w, complaint, messageId, recipient, at, "c" + m, counts, "complaint");
        }
      }
    }
    counts.put("bytes", bytes);
    return counts;
  }

  private static long line(
      BufferedWriter w,
      ObjectNode template,
      String messageId,
      String recipient,
      Instant at,
      String feedbackId,
      Map<String, Long> counts,
      String bucket)
      throws IOException {
    ObjectNode doc = template.deepCopy();
    ObjectNode mail = (ObjectNode) doc.get("mail");
    mail.put("messageId", messageId);
    mail.put("timestamp", at.toString());
    mail.putArray("destination").add(recipient);
    for (JsonNode detail : doc) {
      if (detail instanceof ObjectNode o && o != mail) {
        if (o.has("timestamp")) {
          o.put("timestamp", at.plusSeconds(1).toString());
        }
        if (feedbackId != null && o.has("feedbackId")) {
          o.put("feedbackId", feedbackId + "-" + messageId);
        }
        for (String list :
            new String[] {"recipients", "bouncedRecipients", "complainedRecipients"}) {
          JsonNode r = o.get(list);
          if (r instanceof ArrayNode array) {
            JsonNode first = array.get(0);
            array.removeAll();
            if (first instanceof ObjectNode entry) {
              array.add(entry.deepCopy().put("emailAddress", recipient));
            } else {
              array.add(recipient);
            }
          }
        }
      }
    }
    String text = doc.toString();
    w.write(text);
    w.write('\n');
    counts.merge("items", 1L, Long::sum);
    counts.merge(bucket, 1L, Long::sum);
    return text.getBytes(StandardCharsets.UTF_8).length + 1L;
  }

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("events/ses/event"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run from inside the repository (events/ not found)");
    }
    return dir;
  }
}
