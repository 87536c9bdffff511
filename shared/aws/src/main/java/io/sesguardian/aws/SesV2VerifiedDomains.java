/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.IdentityInfo;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesRequest;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesResponse;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

/**
 * The account's verified domains, from SESv2 {@code ListEmailIdentities} (domain identities whose
 * verification succeeded), read at most once an hour per container: SES leaves bounces to them out
 * of its bounce rate (reputationdashboardmessages.html). A failed read keeps the last answer (empty
 * before the first) and is retried after the same hour, so an SES outage never slows ingest.
 * Thread-safe.
 */
public final class SesV2VerifiedDomains implements Supplier<Set<String>> {

  static final Duration REFRESH = Duration.ofHours(1);

  private final SesV2Client ses;
  private final Clock clock;
  private Set<String> domains = Set.of();
  private Instant readAt;

  public SesV2VerifiedDomains(SesV2Client ses, Clock clock) {
    this.ses = Objects.requireNonNull(ses, "ses");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized Set<String> get() {
    Instant now = clock.instant();
    if (readAt == null || !now.isBefore(readAt.plus(REFRESH))) {
      readAt = now;
      try {
        Set<String> read = new TreeSet<>();
        String token = null;
        do {
          ListEmailIdentitiesResponse page =
              ses.listEmailIdentities(
                  ListEmailIdentitiesRequest.builder().pageSize(1000).nextToken(token).build());
          for (IdentityInfo identity : page.emailIdentities()) {
            if (identity.identityType() == IdentityType.DOMAIN
                && identity.verificationStatus() == VerificationStatus.SUCCESS
                && identity.identityName() != null) {
              read.add(identity.identityName().toLowerCase(Locale.ROOT));
            }
          }
          token = page.nextToken();
        } while (token != null && !token.isEmpty());
        domains = Set.copyOf(read);
      } catch (SdkException e) {
        // Keep the last answer: verified domains change rarely, and ingest must not wait on SES.
      }
    }
    return domains;
  }
}
