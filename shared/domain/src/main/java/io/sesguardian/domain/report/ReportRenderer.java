/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesguardian.domain.rates.Thresholds;
import io.sesguardian.domain.rates.WindowRates;
import java.util.Objects;

/**
 * The weekly report as JSON ({@link ReportJson}), Markdown ({@link ReportMarkdown}) and a
 * self-contained HTML page ({@link ReportHtml}, with a {@link RateChart} per scope; no network, no
 * script).
 */
public final class ReportRenderer {

  private final Thresholds thresholds;

  public ReportRenderer(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  public String json(WeeklyReport r) {
    return ReportJson.render(r);
  }

  public String markdown(WeeklyReport r) {
    return ReportMarkdown.render(r, thresholds);
  }

  public String html(WeeklyReport r) {
    return ReportHtml.render(r, thresholds);
  }

  /**
   * A window's rates in the guardian's JSON shape (shared by {@code guardian status --json} and the
   * report): window, eligibleSends, bounces, complaints, bounceRate, complaintRate, level,
   * lowVolume; rates as fractions.
   */
  public static ObjectNode window(ObjectNode node, WindowRates w) {
    return ReportJson.window(node, w);
  }

  static String percent(double fraction) {
    return ReportText.percent(fraction);
  }
}
