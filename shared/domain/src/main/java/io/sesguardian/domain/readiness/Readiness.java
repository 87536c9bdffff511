/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.readiness;

import io.sesguardian.domain.feedback.SuppressionReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The prerequisites reviewers look for before granting production access or a higher quota, each
 * pass or fail with the command that fixes it.
 */
public final class Readiness {

  /** An outbox whose oldest entry waited longer than this is not current. */
  public static final Duration OUTBOX_CURRENT = Duration.ofHours(1);

  private Readiness() {}

  /** The checks without the dead-letter queue's URL (its fix then names a placeholder). */
  public static List<ReadinessCheck> check(
      SesSetup ses,
      String domain,
      String feedbackTopic,
      Long deadLetterDepth,
      Duration oldestPending) {
    return check(ses, domain, feedbackTopic, null, deadLetterDepth, oldestPending);
  }

  /**
   * Every fix that is a command is one line a POSIX shell runs as printed (explanations follow
   * {@code #}), so it can be pasted; a test runs each through the AWS CLI.
   *
   * @param domain the sending domain
   * @param feedbackTopic the guardian's feedback topic ARN
   * @param deadLetterQueueUrl the guardian's dead-letter queue URL (stack output
   *     IngestDeadLetterQueueUrl), or null if not given
   * @param deadLetterDepth messages in the guardian's dead-letter queue, or null if unknown
   * @param oldestPending how long the oldest outbox entry has waited
   */
  public static List<ReadinessCheck> check(
      SesSetup ses,
      String domain,
      String feedbackTopic,
      String deadLetterQueueUrl,
      Long deadLetterDepth,
      Duration oldestPending) {
    List<ReadinessCheck> checks = new ArrayList<>();
    Optional<SesSetup.Identity> identity = ses.identity(domain);
    checks.add(
        new ReadinessCheck(
            "sending domain verified",
            identity.map(SesSetup.Identity::verified).orElse(false),
            identity.isEmpty()
                ? domain + " is not an SES identity"
                : identity.get().verified() ? domain + " is verified" : domain + " is not verified",
            "aws sesv2 create-email-identity --email-identity "
                + domain
                + "  # then publish the DNS records SES returns"));
    checks.add(
        new ReadinessCheck(
            "DKIM verified",
            identity.map(SesSetup.Identity::dkimVerified).orElse(false),
            identity
                .map(i -> i.dkimVerified() ? "DKIM status SUCCESS" : "DKIM not verified")
                .orElse("no identity"),
            "aws sesv2 get-email-identity --email-identity "
                + domain
                + "  # publish the three DKIM CNAME records it lists"));

    boolean setPublishes = false;
    String publishing = null;
    boolean metrics = false;
    for (SesSetup.ConfigurationSet set : ses.configurationSets()) {
      Set<String> types = set.snsDestinations().get(feedbackTopic);
      if (types != null && types.contains("BOUNCE") && types.contains("COMPLAINT")) {
        setPublishes = true;
        publishing = set.name();
        metrics = metrics || set.reputationMetrics();
      }
    }
    Map<String, String> notifications = ses.identityNotificationTopics(domain);
    boolean identityWired =
        feedbackTopic.equals(notifications.get("Bounce"))
            && feedbackTopic.equals(notifications.get("Complaint"));
    checks.add(
        new ReadinessCheck(
            "bounces and complaints reach the guardian",
            setPublishes || identityWired,
            setPublishes
                ? "configuration set "
                    + publishing
                    + " publishes BOUNCE and COMPLAINT to the guardian"
                : identityWired
                    ? "identity notifications of " + domain + " go to the guardian"
                    : "neither a configuration set nor "
                        + domain
                        + "'s notifications send bounces and complaints to "
                        + feedbackTopic,
            "for t in Bounce Complaint Delivery; do aws ses set-identity-notification-topic"
                + " --identity "
                + domain
                + " --notification-type $t --sns-topic "
                + feedbackTopic
                + "; done"));
    // Without Send or Delivery events there is no denominator: no rate, level unknown (issue 11).
    String denominatorSet = null;
    for (SesSetup.ConfigurationSet set : ses.configurationSets()) {
      Set<String> types = set.snsDestinations().get(feedbackTopic);
      if (types != null && (types.contains("SEND") || types.contains("DELIVERY"))) {
        denominatorSet = set.name();
      }
    }
    boolean identityDeliveries = feedbackTopic.equals(notifications.get("Delivery"));
    checks.add(
        new ReadinessCheck(
            "rates can be computed (Send or Delivery events)",
            denominatorSet != null || identityDeliveries,
            denominatorSet != null
                ? "configuration set " + denominatorSet + " publishes SEND or DELIVERY"
                : identityDeliveries
                    ? "Delivery notifications of " + domain + " go to the guardian"
                    : "no Send or Delivery events reach the guardian: bounces and complaints"
                        + " cannot be turned into rates",
            "aws ses set-identity-notification-topic --identity "
                + domain
                + " --notification-type Delivery --sns-topic "
                + feedbackTopic
                + "  # or add SEND to a configuration set's event destination"));
    Set<SuppressionReason> reasons = ses.accountSuppressedReasons();
    checks.add(
        new ReadinessCheck(
            "account suppression list covers BOUNCE and COMPLAINT",
            reasons.contains(SuppressionReason.BOUNCE)
                && reasons.contains(SuppressionReason.COMPLAINT),
            "SuppressionAttributes: " + reasons,
            "aws sesv2 put-account-suppression-attributes --suppressed-reasons BOUNCE COMPLAINT"));
    checks.add(
        new ReadinessCheck(
            "reputation metrics enabled",
            metrics,
            metrics
                ? "enabled on " + publishing
                : "not enabled on a configuration set that publishes to the guardian",
            "aws sesv2 put-configuration-set-reputation-options --configuration-set-name "
                + (publishing == null ? "YOUR_SET" : publishing)
                + " --reputation-metrics-enabled"));
    checks.add(
        new ReadinessCheck(
            "guardian dead-letter queue empty",
            deadLetterDepth != null && deadLetterDepth == 0,
            deadLetterDepth == null ? "not measured" : deadLetterDepth + " message(s) waiting",
            // The move task wants the queue's ARN; the stack outputs its URL, so ask SQS.
            "aws sqs start-message-move-task --source-arn \"$(aws sqs get-queue-attributes"
                + " --queue-url "
                + (deadLetterQueueUrl == null ? "DEAD_LETTER_QUEUE_URL" : deadLetterQueueUrl)
                + " --attribute-names QueueArn --query Attributes.QueueArn --output text)\""
                + "  # after inspecting the messages and fixing their cause"));
    checks.add(
        new ReadinessCheck(
            "suppression outbox current",
            oldestPending.compareTo(OUTBOX_CURRENT) <= 0,
            "oldest pending entry waited " + oldestPending.toMinutes() + " min",
            "check the outbox function's logs (sandbox? SES refusals?) and its OutboxAge alarm"));
    return checks;
  }

  /**
   * SES's own production-access review ({@code GetAccount} {@code Details.ReviewDetails}): passes
   * when none is open or the last was granted; a pending one blocks new details (SES refuses {@code
   * PutAccountDetails} until it answers), a denied or failed one names its case.
   */
  public static ReadinessCheck review(io.sesguardian.domain.monitor.AccountStatus account) {
    io.sesguardian.domain.monitor.AccountStatus.Review review = account.review();
    String status = review == null ? null : review.status().toUpperCase(java.util.Locale.ROOT);
    boolean pass = status == null || status.equals("GRANTED");
    String detail =
        review == null
            ? "no review reported" + (account.productionAccess() ? " (production access)" : "")
            : review.describe();
    String fix =
        pass
            ? ""
            : status.equals("PENDING")
                ? "aws sesv2 get-account --query Details.ReviewDetails  # wait for SES's answer;"
                    + " details cannot be edited while it is pending"
                : "aws sesv2 get-account --query Details.ReviewDetails  # read the case in the"
                    + " Support Center, fix what it names, then run guardian request-draft";
    return new ReadinessCheck("production-access review not pending or refused", pass, detail, fix);
  }
}
