/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.canary.CanarySender;
import java.util.Objects;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends canary messages with SESv2 {@code SendEmail} from a verified identity, through the
 * configuration set that publishes to the guardian (when one is given).
 */
public final class SesV2CanarySender implements CanarySender {

  private final SesV2Client ses;
  private final String from;
  private final String configurationSet;

  public SesV2CanarySender(SesV2Client ses, String from, String configurationSet) {
    this.ses = Objects.requireNonNull(ses, "ses");
    this.from = Objects.requireNonNull(from, "from");
    this.configurationSet = configurationSet;
  }

  @Override
  public String send(String to, String runId) {
    return ses.sendEmail(
            r -> {
              r.fromEmailAddress(from)
                  .destination(d -> d.toAddresses(to))
                  .content(
                      c ->
                          c.simple(
                              m ->
                                  m.subject(s -> s.data("SES guardian canary " + runId))
                                      .body(
                                          b ->
                                              b.text(
                                                  t ->
                                                      t.data(
                                                          "Pipeline proof for the SES guardian"
                                                              + " (mailbox simulator).")))))
                  .emailTags(t -> t.name("guardian-canary").value(runId));
              if (configurationSet != null && !configurationSet.isBlank()) {
                r.configurationSetName(configurationSet);
              }
            })
        .messageId();
  }
}
