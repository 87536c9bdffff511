/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.sync;

import io.sesguardian.domain.feedback.Addresses;
import io.sesguardian.domain.ingest.SuppressionAdmin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads SES's account-level suppression list ({@code ListSuppressedDestinations},
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_ListSuppressedDestinations.html) page
 * by page, at most one request per second (SES management actions share that account-wide limit),
 * and records every address SES already holds as {@code NOT_NEEDED} with SES's reason and {@code
 * LastUpdateTime}, so the guardian's list is complete from day one. Idempotent: an address the
 * guardian already lists is left as it is, so a second run adds nothing.
 */
public final class SesListImport {

  private final SuppressionAdmin admin;
  private final SesSuppressionList ses;
  private final Pacer pacer;
  private final Clock clock;

  public SesListImport(SuppressionAdmin admin, SesSuppressionList ses, Pacer pacer, Clock clock) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.ses = Objects.requireNonNull(ses, "ses");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Told after every page: pages read, addresses found and added so far. */
  @FunctionalInterface
  public interface Progress {
    void page(int pages, int found, int added);

    Progress NONE = (pages, found, added) -> {};
  }

  /**
   * What one import did.
   *
   * @param found addresses SES listed
   * @param added addresses new to the guardian's list
   * @param pages pages read
   * @param throttled 429 answers backed off from
   * @param skipped listed addresses not recorded: implausible, or removed by hand with the delete
   *     still queued
   * @param complete the last page was read (and the import marked done)
   * @param error what stopped it early (nullable)
   */
  public record Report(
      int found,
      int added,
      int pages,
      int throttled,
      int skipped,
      boolean complete,
      String error) {}

  /** Reads every page until the end, a refusal, or {@code deadline}. */
  public Report run(Instant deadline, Progress progress) throws InterruptedException {
    int found = 0;
    int added = 0;
    int pages = 0;
    int throttled = 0;
    int skipped = 0;
    Duration backoff = SuppressionSync.FIRST_BACKOFF;
    String token = null;
    // An address removed by hand whose delete SES has not taken yet is still on SES's list: it
    // must not come back from there.
    java.util.Set<String> removing = new java.util.HashSet<>();
    admin
        .pendingDeletes(clock.instant().plus(Duration.ofDays(3650)), Integer.MAX_VALUE)
        .forEach(d -> removing.add(d.address()));
    while (true) {
      if (!clock.instant().isBefore(deadline)) {
        return new Report(found, added, pages, throttled, skipped, false, "deadline reached");
      }
      String from = token;
      SesSuppressionList.Page page = pacer.call(() -> ses.list(from));
      if (page.throttled()) {
        throttled++;
        pacer.backOff(backoff);
        backoff = SuppressionSync.nextBackoff(backoff);
        continue;
      }
      if (page.error() != null) {
        return new Report(found, added, pages, throttled, skipped, false, page.error());
      }
      backoff = SuppressionSync.FIRST_BACKOFF;
      pages++;
      for (SesSuppressionList.Listed listed : page.entries()) {
        found++;
        Addresses.Parsed parsed = Addresses.parse(listed.address());
        if (!parsed.ok() || removing.contains(parsed.address())) {
          skipped++;
          continue;
        }
        if (admin.recordImported(
            parsed.address(), listed.reason(), listed.lastUpdate(), clock.instant())) {
          added++;
        }
      }
      progress.page(pages, found, added);
      token = page.nextToken();
      if (token == null || token.isEmpty()) {
        admin.markImported(clock.instant());
        return new Report(found, added, pages, throttled, skipped, true, null);
      }
    }
  }
}
