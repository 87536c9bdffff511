/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.sync.AccountState;
import io.sesguardian.domain.sync.SesSuppressionList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetResponse;
import software.amazon.awssdk.services.sesv2.model.ListSuppressedDestinationsResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.SuppressedDestinationSummary;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;

/**
 * The SES account-level suppression list through SESv2: {@code GetAccount}, {@code
 * PutSuppressedDestination}, {@code DeleteSuppressedDestination}, {@code GetConfigurationSet} and
 * {@code ListSuppressedDestinations} (API reference:
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutSuppressedDestination.html,
 * API_DeleteSuppressedDestination.html, API_GetConfigurationSet.html,
 * API_ListSuppressedDestinations.html; the account-level list:
 * https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html). Give it a client
 * without SDK retries: the outbox writer paces and retries itself, and every retry counts against
 * SES's one request per second.
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
    return write(
        () ->
            ses.putSuppressedDestination(
                r ->
                    r.emailAddress(address)
                        .reason(SuppressionListReason.fromValue(reason.name()))));
  }

  @Override
  public PutOutcome delete(String address) {
    return write(() -> ses.deleteSuppressedDestination(r -> r.emailAddress(address)));
  }

  /**
   * One write, its answer as an outcome. A {@code NotFoundException} can only come from a delete:
   * SES does not hold the address (never did, or removed it), which is what the delete wanted.
   */
  private static PutOutcome write(Runnable call) {
    try {
      call.run();
      return new PutOutcome.Accepted();
    } catch (NotFoundException e) {
      return new PutOutcome.Accepted();
    } catch (SesV2Exception e) {
      return throttled(e)
          ? new PutOutcome.Throttled(message(e))
          : new PutOutcome.Failed(message(e));
    } catch (SdkException e) {
      return new PutOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * {@code SuppressionOptions} present means the set overrides the account (an empty {@code
   * SuppressedReasons} list turns SES's suppression off for it); absent means the account's {@code
   * SuppressionAttributes} apply (SES Developer Guide, configuration set-level suppression:
   * https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list-config-level.html).
   */
  @Override
  public SetSuppression configurationSet(String name) {
    try {
      GetConfigurationSetResponse set = ses.getConfigurationSet(r -> r.configurationSetName(name));
      if (set.suppressionOptions() == null) {
        return new SetSuppression.UsesAccount();
      }
      return new SetSuppression.Overrides(reasons(set.suppressionOptions().suppressedReasons()));
    } catch (SdkException e) {
      return new SetSuppression.Unknown(
          e instanceof SesV2Exception s ? message(s) : e.getClass().getSimpleName());
    }
  }

  @Override
  public Page list(String nextToken) {
    try {
      ListSuppressedDestinationsResponse page =
          ses.listSuppressedDestinations(r -> r.nextToken(nextToken).pageSize(PAGE_SIZE));
      List<Listed> out = new ArrayList<>();
      for (SuppressedDestinationSummary d : page.suppressedDestinationSummaries()) {
        SuppressionReason reason =
            d.reason() == SuppressionListReason.COMPLAINT
                ? SuppressionReason.COMPLAINT
                : SuppressionReason.BOUNCE;
        out.add(
            new Listed(
                d.emailAddress(),
                reason,
                d.lastUpdateTime() == null ? Instant.EPOCH : d.lastUpdateTime()));
      }
      return Page.of(out, page.nextToken());
    } catch (SesV2Exception e) {
      return throttled(e) ? Page.throttled(message(e)) : Page.failed(message(e));
    } catch (SdkException e) {
      return Page.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** SES's largest page: fewest requests against the one-per-second limit. */
  static final int PAGE_SIZE = 1000;

  private static Set<SuppressionReason> reasons(List<SuppressionListReason> listed) {
    Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
    for (SuppressionListReason reason : listed) {
      if (reason == SuppressionListReason.BOUNCE) {
        reasons.add(SuppressionReason.BOUNCE);
      } else if (reason == SuppressionListReason.COMPLAINT) {
        reasons.add(SuppressionReason.COMPLAINT);
      }
    }
    return reasons;
  }

  private static boolean throttled(SesV2Exception e) {
    return e.statusCode() == 429 || e.isThrottlingException();
  }

  private static String message(SesV2Exception e) {
    return (e.awsErrorDetails() == null
            ? "HTTP " + e.statusCode()
            : e.awsErrorDetails().errorCode())
        + ": "
        + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
  }
}
