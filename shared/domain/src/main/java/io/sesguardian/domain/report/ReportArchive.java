/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

/** Where weekly reports are kept (port). */
public interface ReportArchive {

  /**
   * Keeps {@code report}'s rendered JSON and Markdown under its week and version, replacing what
   * was kept for the same week and version (so a re-run is idempotent).
   */
  void save(WeeklyReport report, String json, String markdown);
}
