/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.domain.ingest.CountingRules;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which recipient domains enter which rate's denominator, for every command that counts feedback:
 * {@code --verified-domains} (environment {@code GUARDIAN_VERIFIED_DOMAINS}) and {@code
 * --feedback-loop-domains} (environment {@code GUARDIAN_FEEDBACK_LOOP_DOMAINS}; default: the
 * documented list of {@link CountingRules#DEFAULT_FEEDBACK_LOOP_DOMAINS}).
 */
final class CountingOption {

  @Option(
      names = "--verified-domains",
      paramLabel = "DOMAINS",
      defaultValue = "${env:GUARDIAN_VERIFIED_DOMAINS}",
      description =
          "Comma-separated domains the SES account has verified: bounces to them are left out of"
              + " the bounce rate, as SES does (default: $GUARDIAN_VERIFIED_DOMAINS, else none).")
  String verifiedDomains;

  @Option(
      names = "--feedback-loop-domains",
      paramLabel = "DOMAINS",
      defaultValue = "${env:GUARDIAN_FEEDBACK_LOOP_DOMAINS}",
      description =
          "Comma-separated recipient domains that send SES complaint feedback: the complaint rate"
              + " divides by mail to these only (default: $GUARDIAN_FEEDBACK_LOOP_DOMAINS, else the"
              + " documented list; never Gmail).")
  String feedbackLoopDomains;

  CountingRules rules(CommandLine cmd) {
    Set<String> verified = CountingRules.parseDomains(verifiedDomains);
    Set<String> fbl =
        feedbackLoopDomains == null || feedbackLoopDomains.isBlank()
            ? CountingRules.DEFAULT_FEEDBACK_LOOP_DOMAINS
            : CountingRules.parseDomains(feedbackLoopDomains);
    try {
      return new CountingRules(fbl, () -> verified);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, "--feedback-loop-domains: " + e.getMessage());
    }
  }
}
