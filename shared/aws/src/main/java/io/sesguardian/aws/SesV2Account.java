/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.SesAccount;
import java.util.Objects;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;

/** The SES account through SESv2: {@code GetAccount} and the sending switches. */
public final class SesV2Account implements SesAccount {

  private final SesV2Client ses;

  public SesV2Account(SesV2Client ses) {
    this.ses = Objects.requireNonNull(ses, "ses");
  }

  @Override
  public AccountStatus status() {
    GetAccountResponse a = ses.getAccount(r -> {});
    double max =
        a.sendQuota() == null || a.sendQuota().max24HourSend() == null
            ? 0
            : a.sendQuota().max24HourSend();
    double sent =
        a.sendQuota() == null || a.sendQuota().sentLast24Hours() == null
            ? 0
            : a.sendQuota().sentLast24Hours();
    return new AccountStatus(
        a.enforcementStatus() == null ? "UNKNOWN" : a.enforcementStatus(),
        Boolean.TRUE.equals(a.sendingEnabled()),
        Boolean.TRUE.equals(a.productionAccessEnabled()),
        max,
        sent,
        review(a));
  }

  private static AccountStatus.Review review(GetAccountResponse a) {
    if (a.details() == null
        || a.details().reviewDetails() == null
        || a.details().reviewDetails().statusAsString() == null) {
      return null;
    }
    return new AccountStatus.Review(
        a.details().reviewDetails().statusAsString(), a.details().reviewDetails().caseId());
  }

  @Override
  public void setConfigurationSetSending(String configurationSet, boolean enabled) {
    ses.putConfigurationSetSendingOptions(
        r -> r.configurationSetName(configurationSet).sendingEnabled(enabled));
  }

  @Override
  public void setAccountSending(boolean enabled) {
    ses.putAccountSendingAttributes(r -> r.sendingEnabled(enabled));
  }
}
