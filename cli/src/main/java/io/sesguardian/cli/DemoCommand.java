/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Normalized;
import io.sesguardian.domain.ingest.IngestPolicy;
import io.sesguardian.domain.ingest.IngestReport;
import io.sesguardian.domain.ingest.IngestService;
import io.sesguardian.domain.monitor.Alert;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code guardian demo}: about 30 days of realistic SES traffic ending now, written into the local
 * store through the same normalise → ingest path as {@code replay}, with the monitor evaluated as
 * time passes so level changes and alerts are recorded as the deployed stack would have recorded
 * them. Nothing here talks to AWS.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Writes about 30 days of realistic SES traffic ending now into the local store (two"
          + " configuration sets, two sending domains; sends, deliveries, hard and soft bounces"
          + " with auto-replies, complaints; one incident that crosses SES's review level and"
          + " recovers), evaluating the monitor as time passes, then says what to run next.",
      "Everything is generated with example.com/.net/.org addresses; nothing is sent to AWS."
    })
final class DemoCommand implements Callable<Integer> {

  private static final int UNIT = 10;
  private static final Duration EVALUATE_EVERY = Duration.ofHours(3);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StateOption state;

  @Option(
      names = "--fresh",
      description = "Replace a store that already holds data (the demo needs an empty one).")
  boolean fresh;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "Days of traffic, ending now (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--sends-per-hour",
      defaultValue = "30",
      description = "Average messages sent per hour (default ${DEFAULT-VALUE}).")
  int sendsPerHour;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Random seed: the same seed gives the same traffic.")
  long seed;

  @Override
  public Integer call() throws IOException {
    if (days < 14 || days > 120 || sendsPerHour < 10 || sendsPerHour > 10_000) {
      throw new ParameterException(
          spec.commandLine(),
          "--days must be 14..120 (the incident falls in the last complete week) and --sends-per-hour 10..10000");
    }
    if (!fresh && Files.isRegularFile(state.dir.resolve(SqliteStore.DATABASE))) {
      throw new ParameterException(
          spec.commandLine(),
          state.dir
              + " already holds a store: run 'guardian demo --fresh' to replace it, or give"
              + " --state DIR for another folder");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant start = end.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
    Traffic traffic = new Traffic(seed, incidentStart(end));
    SimulatedClock clock = new SimulatedClock(start);
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    List<String> alerts = new ArrayList<>();
    long notifications = 0;
    long suppressed = 0;
    err.printf(
        Locale.ROOT,
        "guardian: writing %d days of demo traffic (%s to %s) into %s%n",
        days,
        start,
        end,
        state.dir);
    err.flush();
    try (LocalState local = LocalState.open(state, fresh, clock, spec.commandLine())) {
      IngestService ingest = local.ingestService(IngestPolicy.DEFAULT, clock);
      LocalAlerts file =
          new LocalAlerts(state.dir.resolve("alerts.jsonl"), new PrintWriter(Writer.nullWriter()));
      ReputationMonitor monitor =
          local.reputationMonitor(
              alert -> {
                file.publish(alert);
                alerts.add(describe(alert));
                err.println("  " + describe(alert));
                err.flush();
              },
              MonitorConfig.policy(System.getenv()));
      Instant nextEvaluation = start.plus(EVALUATE_EVERY);
      for (Instant hour = start; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
        List<Traffic.Event> events = traffic.hour(hour, sendsPerHour, end);
        List<Normalized> unit = new ArrayList<>(UNIT);
        for (Traffic.Event e : events) {
          unit.add(normalizer.normalize("demo", e.json()));
          notifications++;
          if (unit.size() == UNIT) {
            // The guardian records each unit a few seconds after SES's last event in it.
            clock.set(e.at().plusSeconds(2 + traffic.random.nextInt(8)));
            suppressed += ingested(ingest.ingest(unit));
            unit.clear();
          }
        }
        if (!unit.isEmpty()) {
          clock.set(events.get(events.size() - 1).at().plusSeconds(3));
          suppressed += ingested(ingest.ingest(unit));
        }
        Instant hourEnd = hour.plus(Duration.ofHours(1));
        if (!hourEnd.isBefore(nextEvaluation)) {
          clock.set(hourEnd);
          monitor.evaluate(hourEnd);
          nextEvaluation = nextEvaluation.plus(EVALUATE_EVERY);
        }
        if (hour.atZone(ZoneOffset.UTC).getHour() == 0
            && Duration.between(start, hour).toDays() % 5 == 0) {
          err.printf(Locale.ROOT, "guardian: %s, %,d notifications so far%n", hour, notifications);
          err.flush();
        }
      }
      clock.set(end);
      monitor.evaluate(end);
    }
    out.printf(
        Locale.ROOT,
        "Demo store written to %s: %,d days, %,d notifications, %,d addresses suppressed,"
            + " %d alert(s) (kept in %s).%n",
        state.dir,
        days,
        notifications,
        suppressed,
        alerts.size(),
        state.dir.resolve("alerts.jsonl"));
    out.println(
        "The marketing configuration set bought a list in the last complete week: its hard"
            + " bounces crossed SES's review level for a day, the monitor alerted, and the rates"
            + " recovered.");
    out.println();
    out.println("Next:");
    String option = state.dir.equals(Path.of(".guardian")) ? "" : " --state " + state.dir;
    out.println("  ./guardian status" + option + "        # rates now, per scope and window");
    out.println(
        "  ./guardian report"
            + option
            + " --format html --output report.html   # last week: the incident, its alerts, charts");
    out.println("  ./guardian suppressions" + option + "   # who was suppressed, and why");
    out.println(
        "  ./guardian request-draft" + option + "  # what a production-access request would say");
    out.flush();
    return 0;
  }

  private static long ingested(IngestReport report) {
    return report.suppressed().size();
  }

  private static String describe(Alert alert) {
    return alert.at().truncatedTo(ChronoUnit.MINUTES) + "  ALERT " + alert.subject();
  }

  /** Wednesday 08:00 UTC of the last complete ISO week: the default weekly report shows it. */
  static Instant incidentStart(Instant now) {
    return now.atZone(ZoneOffset.UTC)
        .toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .minusDays(5)
        .atTime(8, 0)
        .toInstant(ZoneOffset.UTC);
  }

  /** A clock the demo moves forward as simulated time passes. */
  static final class SimulatedClock extends Clock {
    private volatile Instant now;

    SimulatedClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      if (instant.isAfter(now)) {
        now = instant;
      }
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Generates one hour of SES event-publishing notifications at a time. */
  static final class Traffic {
    record Event(Instant at, String json) {}

    private static final String[][] SETS = {
      {"transactional", "shop.example.com", "orders"}, {"marketing", "news.example.com", "news"}
    };
    private static final String[] DOMAINS = {"example.com", "example.net", "example.org"};

    final SplittableRandom random;
    private final Instant incidentStart;
    private final Instant incidentEnd;
    private long message;

    Traffic(long seed, Instant incidentStart) {
      this.random = new SplittableRandom(seed);
      this.incidentStart = incidentStart;
      this.incidentEnd = incidentStart.plus(Duration.ofHours(26));
    }

    List<Event> hour(Instant hour, int perHour, Instant end) {
      List<Event> events = new ArrayList<>();
      int dayHour = hour.atZone(ZoneOffset.UTC).getHour();
      // Busier during the day; marketing sends mostly in the morning.
      double shape = 0.4 + 1.2 * Math.sin(Math.PI * Math.max(0, dayHour - 5) / 18.0);
      int sends = (int) Math.max(1, Math.round(perHour * Math.max(0.2, shape)));
      boolean incident = !hour.isBefore(incidentStart) && hour.isBefore(incidentEnd);
      for (int i = 0; i < sends; i++) {
        String[] set = i % 5 < 3 ? SETS[0] : SETS[1];
        boolean marketing = set == SETS[1];
        Instant at = hour.plusSeconds(random.nextInt(3600));
        if (!at.isBefore(end)) {
          continue;
        }
        long id = message++;
        String messageId =
            String.format(Locale.ROOT, "0100019d%012x-demo-%06d-000000", id, id % 1_000_000);
        double roll = random.nextDouble();
        double hard = marketing ? (incident ? 0.16 : 0.005) : 0.003;
        String recipient;
        String outcome;
        if (roll < hard) {
          recipient = "old.address" + id + "@" + DOMAINS[(int) (id % 3)];
          outcome = "hard";
        } else if (roll < hard + 0.003) {
          recipient = "full" + random.nextInt(12) + "@example.org";
          outcome = "full";
        } else if (roll < hard + 0.006) {
          recipient = "away" + random.nextInt(12) + "@example.com";
          outcome = "away";
        } else {
          recipient = "reader" + random.nextInt(40_000) + "@" + DOMAINS[random.nextInt(3)];
          outcome = "delivered";
        }
        ObjectNode mail = mail(messageId, at, recipient, set);
        events.add(
            new Event(at, event("Send", mail, "send", JsonNodeFactory.instance.objectNode())));
        Instant later = at.plusSeconds(1 + random.nextInt(20));
        String feedbackId = String.format(Locale.ROOT, "0100019d%012x-fb-000000", id);
        switch (outcome) {
          case "hard" ->
              events.add(
                  bounceEvent(
                      mail,
                      later,
                      feedbackId,
                      recipient,
                      "Permanent",
                      "General",
                      "5.1.1",
                      "550 5.1.1 user unknown"));
          case "full" ->
              events.add(
                  bounceEvent(
                      mail,
                      later,
                      feedbackId,
                      recipient,
                      "Transient",
                      "MailboxFull",
                      "4.2.2",
                      "452 4.2.2 mailbox full"));
          case "away" ->
              // An out-of-office reply: a Transient/General bounce with no status or diagnostic.
              events.add(
                  bounceEvent(
                      mail, later, feedbackId, recipient, "Transient", "General", null, null));
          default -> {
            ObjectNode delivery = JsonNodeFactory.instance.objectNode();
            delivery.put("timestamp", later.toString());
            delivery.put("processingTimeMillis", 400 + random.nextInt(2000));
            delivery.putArray("recipients").add(recipient);
            delivery.put("smtpResponse", "250 2.0.0 OK");
            delivery.put("reportingMTA", "a8-30.smtp-out.amazonses.com");
            events.add(new Event(later, event("Delivery", mail, "delivery", delivery)));
            // Complaints are rare (SES's review level is 0.1%), except from the bought list.
            if (random.nextDouble() < (incident && marketing ? 0.004 : 0.00002)) {
              Instant complained = later.plus(Duration.ofMinutes(5 + random.nextInt(600)));
              if (complained.isBefore(end)) {
                ObjectNode complaint = JsonNodeFactory.instance.objectNode();
                complaint
                    .putArray("complainedRecipients")
                    .addObject()
                    .put("emailAddress", recipient);
                complaint.put("timestamp", complained.toString());
                complaint.put("feedbackId", feedbackId);
                complaint.put("complaintFeedbackType", "abuse");
                complaint.put("userAgent", "Mail-Feedback/1.0");
                complaint.put("arrivalDate", complained.toString());
                events.add(new Event(complained, event("Complaint", mail, "complaint", complaint)));
              }
            }
          }
        }
      }
      events.sort((a, b) -> a.at().compareTo(b.at()));
      return events;
    }

    private static Event bounceEvent(
        ObjectNode mail,
        Instant at,
        String feedbackId,
        String recipient,
        String type,
        String subType,
        String status,
        String diagnostic) {
      return new Event(
          at,
          event(
              "Bounce",
              mail,
              "bounce",
              bounce(type, subType, recipient, status, diagnostic, at, feedbackId)));
    }

    private static ObjectNode mail(String messageId, Instant at, String recipient, String[] set) {
      ObjectNode mail = JsonNodeFactory.instance.objectNode();
      mail.put("timestamp", at.toString());
      mail.put("source", set[2] + "@" + set[1]);
      mail.put("sourceArn", "arn:aws:ses:us-east-1:123456789012:identity/" + set[1]);
      mail.put("sendingAccountId", "123456789012");
      mail.put("messageId", messageId);
      mail.putArray("destination").add(recipient);
      ObjectNode tags = mail.putObject("tags");
      tags.putArray("ses:configuration-set").add(set[0]);
      tags.putArray("ses:from-domain").add(set[1]);
      return mail;
    }

    private static String event(String type, ObjectNode mail, String field, ObjectNode detail) {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.put("eventType", type);
      root.set("mail", mail);
      root.set(field, detail);
      return root.toString();
    }

    private static ObjectNode bounce(
        String type,
        String subType,
        String recipient,
        String status,
        String diagnostic,
        Instant at,
        String feedbackId) {
      ObjectNode bounce = JsonNodeFactory.instance.objectNode();
      bounce.put("bounceType", type);
      bounce.put("bounceSubType", subType);
      ObjectNode r =
          bounce.putArray("bouncedRecipients").addObject().put("emailAddress", recipient);
      if (status != null) {
        r.put("action", "failed")
            .put("status", status)
            .put("diagnosticCode", "smtp; " + diagnostic);
      }
      bounce.put("timestamp", at.toString());
      bounce.put("feedbackId", feedbackId);
      bounce.put("reportingMTA", "dsn; a8-30.smtp-out.amazonses.com");
      return bounce;
    }
  }
}
