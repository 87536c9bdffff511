/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.GuardianConfig;
import io.sesguardian.aws.GuardianRuntime;
import io.sesguardian.aws.MonitorConfig;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.MonitorPolicy;
import io.sesguardian.domain.monitor.RatesReader;
import io.sesguardian.domain.monitor.ReputationMonitor;
import io.sesguardian.domain.monitor.SesFigures;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.ScopeRates;
import io.sesguardian.domain.rates.WindowRates;
import io.sesguardian.domain.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code guardian status}: rolling rates per window and scope, with their levels. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Prints bounce and complaint rates, counted SES's way, per window (24h, 7d, 30d, volume) and"
          + " scope (account, configuration sets, sending domains), with their levels.",
      "Local mode (default) evaluates the local store like the deployed monitor does: level"
          + " changes are recorded and alerts go to <state>/alerts.jsonl and the terminal."
          + " With --aws it reads the deployed stack's table (GUARDIAN_TABLE, AWS_REGION) and"
          + " changes nothing."
    })
final class StatusCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Mixin StateOption state;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      description =
          "Evaluate as of this instant (ISO-8601, e.g. 2026-04-01T00:00:00Z); default now.")
  String at;

  @Option(names = "--aws", description = "Read the deployed stack instead of the local store.")
  boolean aws;

  @Override
  public Integer call() throws IOException {
    Instant now = now();
    List<ScopeRates> scopes;
    Map<Scope, SesFigures> ses = Map.of();
    MonitorPolicy policy = MonitorConfig.policy(System.getenv());
    if (aws) {
      try (AwsClients clients = AwsClients.fromEnvironment(System.getenv())) {
        GuardianRuntime runtime =
            GuardianRuntime.of(GuardianConfig.fromEnvironment(System.getenv()), clients);
        RatesReader reader =
            new RatesReader(runtime.monitorStore(), runtime.monitorStore(), policy);
        scopes = reader.rates(now);
        // SES's own figures beside the guardian's: one GetMetricData request.
        ses = runtime.sesMetrics().read(scopes.stream().map(ScopeRates::scope).toList(), now);
      }
    } else {
      try (LocalState local = LocalState.existing(state, Clock.systemUTC(), spec.commandLine())) {
        ReputationMonitor monitor =
            local.reputationMonitor(
                new LocalAlerts(state.dir.resolve("alerts.jsonl"), spec.commandLine().getErr()),
                policy);
        scopes = monitor.evaluate(now).scopes();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    Level overall = scopes.isEmpty() ? Level.HEALTHY : scopes.get(0).level();
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(json(overall, scopes, ses)));
    } else {
      print(out, overall, scopes, now, policy.thresholds());
      ses.forEach(
          (scope, f) ->
              out.printf(
                  Locale.ROOT,
                  "SES's own figures for %s (CloudWatch, %s): bounce %s, complaint %s%n",
                  scope.key(),
                  f.at(),
                  f.bounceRate() == null
                      ? "-"
                      : String.format(Locale.ROOT, "%.2f%%", f.bounceRate() * 100),
                  f.complaintRate() == null
                      ? "-"
                      : String.format(Locale.ROOT, "%.3f%%", f.complaintRate() * 100)));
    }
    out.flush();
    return 0;
  }

  private Instant now() {
    if (at == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--at " + at + " is not an ISO-8601 instant such as 2026-04-01T00:00:00Z");
    }
  }

  static ObjectNode json(Level overall, List<ScopeRates> scopes) {
    return json(overall, scopes, Map.of());
  }

  /** The status document; a scope SES has figures for shows them on each of its windows. */
  static ObjectNode json(Level overall, List<ScopeRates> scopes, Map<Scope, SesFigures> ses) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("level", overall.jsonName());
    ArrayNode array = root.putArray("scopes");
    for (ScopeRates s : scopes) {
      ObjectNode scope = array.addObject();
      scope.put("scope", s.scope().key());
      scope.put("level", s.level().jsonName());
      ArrayNode windows = scope.putArray("windows");
      SesFigures f = ses.get(s.scope());
      for (WindowRates w : s.windows()) {
        ObjectNode window = ReportRenderer.window(windows.addObject(), w);
        if (f != null) {
          ObjectNode node = window.putObject("ses");
          node.put("bounceRate", f.bounceRate());
          node.put("complaintRate", f.complaintRate());
          node.put("at", f.at().toString());
        }
      }
    }
    return root;
  }

  private static void print(
      PrintWriter out,
      Level overall,
      List<ScopeRates> scopes,
      Instant now,
      io.sesguardian.domain.rates.Thresholds t) {
    out.printf(
        Locale.ROOT,
        "Reputation as of %s: %s%n%n",
        now,
        overall.jsonName().toUpperCase(Locale.ROOT));
    out.printf(
        Locale.ROOT,
        "%-32s %-7s %10s %8s %9s %10s %10s %10s %-8s  %s%n",
        "SCOPE",
        "WINDOW",
        "SENDS",
        "BOUNCES",
        "BOUNCE%",
        "FBL SENDS",
        "COMPLAINTS",
        "COMPLAINT%",
        "FROM",
        "LEVEL");
    for (ScopeRates s : scopes) {
      for (WindowRates w : s.windows()) {
        // SENDS is the bounce rate's denominator, FBL SENDS the complaint rate's; "-" is no rate.
        out.printf(
            Locale.ROOT,
            "%-32s %-7s %10d %8d %9s %10d %10d %10s %-8s  %s%s%n",
            s.scope().key(),
            w.window().jsonName(),
            w.eligibleSends(),
            w.bounces(),
            w.bounceLevel() == Level.UNKNOWN
                ? "-"
                : String.format(Locale.ROOT, "%.2f%%", w.bounceRate() * 100),
            w.complaintEligibleSends(),
            w.complaints(),
            w.complaintLevel() == Level.UNKNOWN
                ? "-"
                : String.format(Locale.ROOT, "%.3f%%", w.complaintRate() * 100),
            w.denominator().jsonName(),
            w.level().jsonName(),
            w.lowVolume() ? " (low volume)" : "");
      }
    }
    if (overall == Level.UNKNOWN) {
      out.println();
      out.println(
          "Rates cannot be computed: no Send or Delivery events. Publish Send events through a"
              + " configuration set's event destination, or turn on Delivery notifications.");
    }
    // The configured thresholds (environment or template parameters), not the defaults.
    out.printf(
        Locale.ROOT,
        "%nLevels: warning ≥ %s bounces or %s complaints, critical ≥ %s / %s,"
            + " review ≥ %s / %s (SES reviews), pause ≥ %s / %s (SES may pause).%n",
        pct(t.bounceWarning()),
        pct(t.complaintWarning()),
        pct(t.bounceCritical()),
        pct(t.complaintCritical()),
        pct(t.bounceReview()),
        pct(t.complaintReview()),
        pct(t.bouncePause()),
        pct(t.complaintPause()));
  }

  /** A fraction as a short percentage: 0.02 → {@code 2%}, 0.0004 → {@code 0.04%}. */
  private static String pct(double fraction) {
    return java.math.BigDecimal.valueOf(fraction * 100)
            .round(new java.math.MathContext(6))
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
