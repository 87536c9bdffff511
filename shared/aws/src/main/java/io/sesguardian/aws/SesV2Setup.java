/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.feedback.SuppressionReason;
import io.sesguardian.domain.readiness.SesSetup;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.DkimStatus;
import software.amazon.awssdk.services.sesv2.model.EventDestination;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;

/**
 * The sending set-up through SESv2 (read only). Identity notification topics exist only in the SES
 * v1 API, so they come from a function the caller provides (empty map when not wired).
 */
public final class SesV2Setup implements SesSetup {

  private final SesV2Client ses;
  private final Function<String, Map<String, String>> notificationTopics;

  public SesV2Setup(SesV2Client ses, Function<String, Map<String, String>> notificationTopics) {
    this.ses = Objects.requireNonNull(ses, "ses");
    this.notificationTopics = Objects.requireNonNull(notificationTopics, "notificationTopics");
  }

  @Override
  public Optional<Identity> identity(String domain) {
    try {
      GetEmailIdentityResponse r = ses.getEmailIdentity(b -> b.emailIdentity(domain));
      boolean dkim =
          r.dkimAttributes() != null && r.dkimAttributes().status() == DkimStatus.SUCCESS;
      return Optional.of(new Identity(Boolean.TRUE.equals(r.verifiedForSendingStatus()), dkim));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<ConfigurationSet> configurationSets() {
    List<ConfigurationSet> out = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var page = ses.listConfigurationSets(b -> b.nextToken(next));
      for (String name : page.configurationSets()) {
        var set = ses.getConfigurationSet(b -> b.configurationSetName(name));
        boolean metrics =
            set.reputationOptions() != null
                && Boolean.TRUE.equals(set.reputationOptions().reputationMetricsEnabled());
        Map<String, Set<String>> destinations = new HashMap<>();
        for (EventDestination d :
            ses.getConfigurationSetEventDestinations(b -> b.configurationSetName(name))
                .eventDestinations()) {
          if (Boolean.TRUE.equals(d.enabled()) && d.snsDestination() != null) {
            Set<String> types = new HashSet<>();
            d.matchingEventTypes().forEach(t -> types.add(t.toString()));
            destinations.merge(
                d.snsDestination().topicArn(),
                types,
                (a, b) -> {
                  Set<String> both = new HashSet<>(a);
                  both.addAll(b);
                  return both;
                });
          }
        }
        out.add(new ConfigurationSet(name, metrics, destinations));
      }
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  @Override
  public Map<String, String> identityNotificationTopics(String domain) {
    return notificationTopics.apply(domain);
  }

  @Override
  public Set<SuppressionReason> accountSuppressedReasons() {
    Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
    var account = ses.getAccount(b -> {});
    if (account.suppressionAttributes() != null) {
      for (SuppressionListReason r : account.suppressionAttributes().suppressedReasons()) {
        if (r == SuppressionListReason.BOUNCE) {
          reasons.add(SuppressionReason.BOUNCE);
        } else if (r == SuppressionListReason.COMPLAINT) {
          reasons.add(SuppressionReason.COMPLAINT);
        }
      }
    }
    return reasons;
  }
}
