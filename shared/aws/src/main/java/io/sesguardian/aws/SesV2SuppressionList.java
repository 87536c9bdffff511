/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.sync.AccountState;
import io.sesguardian.domain.sync.SesSuppressionList;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;

/**
 * The SES account-level suppression list through SESv2 ({@code GetAccount}, {@code
 * PutSuppressedDestination}). Give it a client without SDK retries: the outbox writer paces and
 * retries itself, and every retry counts against SES's one request per second.
 */
public final class SesV2SuppressionList implements SesSuppressionList {

  private final SesV2Client ses;

  public SesV2SuppressionList(SesV2Client ses) {
    this.ses = Objects.requireNonNull(ses, "ses");
  }

  @Override
  public AccountState account() {
    GetAccountResponse account = ses.getAccount(r -> {});
    Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
    if (account.suppressionAttributes() != null) {
      for (SuppressionListReason reason : account.suppressionAttributes().suppressedReasons()) {
        if (reason == SuppressionListReason.BOUNCE) {
          reasons.add(SuppressionReason.BOUNCE);
        } else if (reason == SuppressionListReason.COMPLAINT) {
          reasons.add(SuppressionReason.COMPLAINT);
        }
      }
    }
    return new AccountState(Boolean.TRUE.equals(account.productionAccessEnabled()), reasons);
  }

  @Override
  public PutOutcome put(String address, SuppressionReason reason) {
    try {
      ses.putSuppressedDestination(
          r -> r.emailAddress(address).reason(SuppressionListReason.fromValue(reason.name())));
      return new PutOutcome.Accepted();
    } catch (SesV2Exception e) {
      String message =
          (e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode())
              + ": "
              + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
      return e.statusCode() == 429 || e.isThrottlingException()
          ? new PutOutcome.Throttled(message)
          : new PutOutcome.Failed(message);
    } catch (SdkException e) {
      return new PutOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
