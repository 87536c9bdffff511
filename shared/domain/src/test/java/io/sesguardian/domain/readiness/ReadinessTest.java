/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.SuppressionReason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-feedback";

  /** A stubbed SES set-up, all good unless a test changes one answer. */
  record Stub(
      Optional<SesSetup.Identity> identity,
      List<SesSetup.ConfigurationSet> sets,
      Map<String, String> notifications,
      Set<SuppressionReason> reasons)
      implements SesSetup {
    static Stub good() {
      return new Stub(
          Optional.of(new Identity(true, true)),
          List.of(
              new ConfigurationSet(
                  "guardian", true, Map.of(TOPIC, Set.of("SEND", "BOUNCE", "COMPLAINT")))),
          Map.of(),
          EnumSet.allOf(SuppressionReason.class));
    }

    @Override
    public Optional<Identity> identity(String domain) {
      return identity;
    }

    @Override
    public List<ConfigurationSet> configurationSets() {
      return sets;
    }

    @Override
    public Map<String, String> identityNotificationTopics(String domain) {
      return notifications;
    }

    @Override
    public Set<SuppressionReason> accountSuppressedReasons() {
      return reasons;
    }
  }

  private static List<String> failing(SesSetup ses, Long dlq, Duration oldest) {
    return Readiness.check(ses, "example.com", TOPIC, dlq, oldest).stream()
        .filter(c -> !c.pass())
        .map(ReadinessCheck::name)
        .toList();
  }

  private static List<String> failing(UnaryOperator<Stub> change) {
    return failing(change.apply(Stub.good()), 0L, Duration.ZERO);
  }

  @Test
  void goodSetUp_passesEveryCheck() {
    assertThat(failing(s -> s)).isEmpty();
    assertThat(Readiness.check(Stub.good(), "example.com", TOPIC, 0L, Duration.ZERO)).hasSize(8);
  }

  @Test
  void eachMissingPrerequisite_failsItsOwnCheck_withTheCommandThatFixesIt() {
    assertThat(failing(s -> new Stub(Optional.empty(), s.sets(), s.notifications(), s.reasons())))
        .containsExactly("sending domain verified", "DKIM verified");
    assertThat(
            failing(
                s ->
                    new Stub(
                        Optional.of(new SesSetup.Identity(true, false)),
                        s.sets(),
                        s.notifications(),
                        s.reasons())))
        .containsExactly("DKIM verified");
    assertThat(failing(s -> new Stub(s.identity(), List.of(), s.notifications(), s.reasons())))
        .containsExactly(
            "bounces and complaints reach the guardian",
            "rates can be computed (Send or Delivery events)",
            "reputation metrics enabled");
    assertThat(
            failing(
                s ->
                    new Stub(
                        s.identity(),
                        List.of(
                            new SesSetup.ConfigurationSet(
                                "guardian", false, Map.of(TOPIC, Set.of("BOUNCE", "COMPLAINT")))),
                        s.notifications(),
                        s.reasons())))
        .containsExactly(
            "rates can be computed (Send or Delivery events)", "reputation metrics enabled");
    assertThat(
            failing(
                s ->
                    new Stub(
                        s.identity(),
                        s.sets(),
                        s.notifications(),
                        EnumSet.of(SuppressionReason.BOUNCE))))
        .containsExactly("account suppression list covers BOUNCE and COMPLAINT");
    assertThat(failing(Stub.good(), 3L, Duration.ZERO))
        .containsExactly("guardian dead-letter queue empty");
    assertThat(failing(Stub.good(), 0L, Duration.ofHours(3)))
        .containsExactly("suppression outbox current");
    ReadinessCheck fix =
        Readiness.check(
                new Stub(Optional.empty(), List.of(), Map.of(), Set.of()),
                "example.com",
                TOPIC,
                null,
                Duration.ZERO)
            .get(2);
    assertThat(fix.fix()).contains("set-identity-notification-topic").contains(TOPIC);
  }

  @Test
  void identityNotificationsWiredToTheGuardian_satisfyTheFeedbackCheck() {
    Stub wired =
        new Stub(
            Optional.of(new SesSetup.Identity(true, true)),
            List.of(),
            Map.of("Bounce", TOPIC, "Complaint", TOPIC),
            EnumSet.allOf(SuppressionReason.class));
    // Bounces and complaints alone give no denominator: rates cannot be computed.
    assertThat(failing(wired, 0L, Duration.ZERO))
        .containsExactly(
            "rates can be computed (Send or Delivery events)", "reputation metrics enabled");
    Stub withDeliveries =
        new Stub(
            wired.identity(),
            List.of(),
            Map.of("Bounce", TOPIC, "Complaint", TOPIC, "Delivery", TOPIC),
            wired.reasons());
    assertThat(failing(withDeliveries, 0L, Duration.ZERO))
        .containsExactly("reputation metrics enabled");
  }

  @Test
  void aPendingOrRefusedProductionAccessReview_failsNamingItsCase_aGrantedOneOrNoneDoesNot() {
    io.sesguardian.domain.monitor.AccountStatus.Review pending =
        new io.sesguardian.domain.monitor.AccountStatus.Review("PENDING", "17700000001");
    ReadinessCheck waiting =
        Readiness.review(
            new io.sesguardian.domain.monitor.AccountStatus(
                "HEALTHY", true, false, 200, 0, pending));
    assertThat(waiting.pass()).isFalse();
    assertThat(waiting.detail()).isEqualTo("PENDING (case 17700000001)");
    assertThat(waiting.fix()).startsWith("aws sesv2 get-account").contains("wait for SES's answer");
    ReadinessCheck denied =
        Readiness.review(
            new io.sesguardian.domain.monitor.AccountStatus(
                "HEALTHY",
                true,
                false,
                200,
                0,
                new io.sesguardian.domain.monitor.AccountStatus.Review("DENIED", "17700000002")));
    assertThat(denied.pass()).isFalse();
    assertThat(denied.fix()).contains("request-draft");
    assertThat(
            Readiness.review(
                    new io.sesguardian.domain.monitor.AccountStatus(
                        "HEALTHY",
                        true,
                        true,
                        50_000,
                        0,
                        new io.sesguardian.domain.monitor.AccountStatus.Review("GRANTED", "1")))
                .pass())
        .isTrue();
    assertThat(
            Readiness.review(
                    new io.sesguardian.domain.monitor.AccountStatus(
                        "HEALTHY", true, true, 50_000, 0))
                .pass())
        .isTrue();
  }
}
