/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.IdentityInfo;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesRequest;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesResponse;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

/**
 * The account's verified domains, from SESv2 {@code ListEmailIdentities} (domain identities whose
 * verification succeeded, every page): SES leaves bounces to them out of its bounce rate
 * (reputationdashboardmessages.html). The monitor calls it at most hourly ({@code
 * VerifiedDomainsRefresh}) and keeps the answer in the table, where ingest reads it. Throws the
 * SDK's exception when SES cannot answer.
 */
public final class SesV2VerifiedDomains implements Supplier<Set<String>> {

  private final SesV2Client ses;

  public SesV2VerifiedDomains(SesV2Client ses) {
    this.ses = Objects.requireNonNull(ses, "ses");
  }

  @Override
  public Set<String> get() {
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
    return Set.copyOf(read);
  }
}
