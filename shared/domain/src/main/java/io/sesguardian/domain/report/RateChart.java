/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.report;

import static io.sesguardian.domain.report.ReportHtml.escape;
import static io.sesguardian.domain.report.ReportText.percent;

import io.sesguardian.domain.rates.Thresholds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One scope's daily bounce and complaint rates against the thresholds, as inline SVG: two stacked
 * panels in one {@code <svg>} that scales with its container (a {@code viewBox}, no fixed size), so
 * it fits a screen and an A4 page alike. No script, font or image is loaded from anywhere.
 */
final class RateChart {

  static final String RATE_COLOUR = "#1f5fbf";
  private static final String[] NAMES = {"warning", "critical", "review", "pause"};
  private static final String[] COLOURS = {"#b8860b", "#e67e22", "#c0392b", "#7b241c"};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

  private static final int WIDTH = 760;
  private static final int LEFT = 62;
  private static final int RIGHT = 600;
  private static final int PANEL = 130;

  private RateChart() {}

  static String svg(
      String scope, List<WeeklyReport.DailyRate> days, Instant weekFrom, Thresholds t) {
    int height = 2 * (PANEL + 56) + 4;
    String label = "Daily bounce and complaint rates of " + scope + " against the thresholds";
    StringBuilder svg = new StringBuilder();
    svg.append(
        line(
            "<svg class=\"rate-chart\" data-scope=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
            escape(scope), WIDTH, height, escape(label)));
    svg.append("<title>").append(escape(label)).append("</title>\n");
    svg.append(
        line("<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>", WIDTH, height));
    panel(
        svg,
        "Bounce rate",
        days,
        weekFrom,
        new double[] {t.bounceWarning(), t.bounceCritical(), t.bounceReview(), t.bouncePause()},
        WeeklyReport.DailyRate::bounceRate,
        30);
    panel(
        svg,
        "Complaint rate",
        days,
        weekFrom,
        new double[] {
          t.complaintWarning(), t.complaintCritical(), t.complaintReview(), t.complaintPause()
        },
        WeeklyReport.DailyRate::complaintRate,
        30 + PANEL + 56);
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void panel(
      StringBuilder svg,
      String title,
      List<WeeklyReport.DailyRate> days,
      Instant weekFrom,
      double[] thresholds,
      ToDoubleFunction<WeeklyReport.DailyRate> rate,
      int top) {
    int bottom = top + PANEL;
    double highest = 0;
    for (WeeklyReport.DailyRate d : days) {
      highest = Math.max(highest, rate.applyAsDouble(d));
    }
    // Scaled to show the review line with room above it, or the worst day if higher, but never
    // beyond 1.5 × the pause line: a day at 100% would otherwise squash every threshold into the
    // axis. Days above the scale are drawn on its top edge as triangles.
    double max = Math.max(thresholds[2] * 1.25, Math.min(highest * 1.1, thresholds[3] * 1.5));
    svg.append(
        text(
            LEFT,
            top - 12,
            13,
            "#222",
            "bold",
            title + " per day (UTC), " + (highest == 0 ? "none" : "highest " + percent(highest))));
    int n = days.size();
    if (n > 0) {
      LocalDate monday = weekFrom.atZone(ZoneOffset.UTC).toLocalDate();
      int first = -1;
      int last = -1;
      for (int i = 0; i < n; i++) {
        LocalDate day = days.get(i).day();
        if (!day.isBefore(monday) && day.isBefore(monday.plusDays(7))) {
          first = first < 0 ? i : first;
          last = i;
        }
      }
      if (first >= 0) {
        double x1 = x(first, n) - half(n);
        double x2 = x(last, n) + half(n);
        svg.append(
            line(
                "<rect class=\"report-week\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#e8eef8\"/>",
                x1, top, x2 - x1, PANEL));
        svg.append(text(x2, top - 3, 10, "#4a5d7e", "normal", "report week", "end"));
      }
    }
    svg.append(
        line(
            "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
            LEFT, RIGHT, bottom, bottom));
    svg.append(
        line(
            "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
            LEFT, LEFT, top, bottom));
    svg.append(text(LEFT - 6, bottom + 4, 10, "#444", "normal", "0%", "end"));
    svg.append(text(LEFT - 6, top + 4, 10, "#444", "normal", percent(max), "end"));
    StringBuilder offScale = new StringBuilder();
    double labelY = Double.MAX_VALUE;
    for (int i = 0; i < thresholds.length; i++) {
      if (thresholds[i] > max) {
        offScale
            .append(offScale.length() == 0 ? "" : ", ")
            .append(NAMES[i])
            .append(' ')
            .append(percent(thresholds[i]));
        continue;
      }
      double y = y(thresholds[i], max, bottom);
      svg.append(
          line(
              "<line class=\"threshold %s\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
              NAMES[i], LEFT, RIGHT, y, y, COLOURS[i]));
      // Close thresholds would print their labels on top of each other: keep them 11 px apart.
      labelY = Math.min(y + 4, labelY - 11);
      svg.append(
          text(
              RIGHT + 6,
              labelY,
              11,
              COLOURS[i],
              "normal",
              NAMES[i] + " " + percent(thresholds[i])));
    }
    if (offScale.length() > 0) {
      svg.append(text(RIGHT + 6, top + 4, 10, "#666", "normal", "above: " + offScale));
    }
    // A day without eligible sends has no rate: the line breaks there instead of dropping to 0.
    StringBuilder path = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    boolean pen = false;
    boolean clipped = false;
    for (int i = 0; i < n; i++) {
      WeeklyReport.DailyRate d = days.get(i);
      if (d.eligibleSends() == 0) {
        pen = false;
        continue;
      }
      double x = x(i, n);
      double value = rate.applyAsDouble(d);
      double y = y(value, max, bottom);
      path.append(pen ? " L" : (path.length() == 0 ? "M" : " M"))
          .append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
      if (value > max) {
        clipped = true;
        dots.append(
            String.format(
                Locale.ROOT,
                "<path class=\"above-scale\" d=\"M%.1f %.1f l-5 9 h10 z\" fill=\"%s\"><title>%s: %s</title></path>",
                x,
                y - 2,
                COLOURS[3],
                d.day(),
                percent(value)));
      } else {
        dots.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                x,
                y,
                RATE_COLOUR));
      }
      pen = true;
    }
    if (clipped) {
      svg.append(
          text(RIGHT + 6, top + 17, 10, COLOURS[3], "normal", "▲ days above " + percent(max)));
    }
    if (path.length() > 0) {
      svg.append(
          line(
              "<path class=\"rate\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" stroke-linejoin=\"round\" d=\"%s\"/>",
              RATE_COLOUR, path));
      svg.append(dots).append('\n');
    } else {
      svg.append(
          text(
              (LEFT + RIGHT) / 2.0,
              top + PANEL / 2.0,
              12,
              "#666",
              "normal",
              "no eligible sends in these 30 days",
              "middle"));
    }
    if (n > 0) {
      for (int i : new int[] {0, n / 2, n - 1}) {
        svg.append(
            text(
                x(i, n),
                bottom + 16,
                10,
                "#444",
                "normal",
                DAY.format(days.get(i).day()),
                i == 0 ? "start" : i == n - 1 ? "end" : "middle"));
      }
    }
  }

  /** One line of SVG: numbers formatted the same in every locale, and a \n line end. */
  private static String line(String format, Object... args) {
    return String.format(Locale.ROOT, format, args) + "\n";
  }

  private static double x(int i, int n) {
    return n == 1
        ? (LEFT + RIGHT) / 2.0
        : LEFT + half(n) + (RIGHT - LEFT - 2 * half(n)) * i / (n - 1.0);
  }

  /** Half a day's width, so the first and last days sit inside the plot. */
  private static double half(int n) {
    return (RIGHT - LEFT) / (2.0 * Math.max(n, 1));
  }

  private static double y(double value, double max, int bottom) {
    return bottom - PANEL * Math.min(1, value / max);
  }

  private static String text(double x, double y, int size, String fill, String weight, String s) {
    return text(x, y, size, fill, weight, s, "start");
  }

  private static String text(
      double x, double y, int size, String fill, String weight, String s, String anchor) {
    return line(
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\" text-anchor=\"%s\">%s</text>",
        x, y, size, weight, fill, anchor, escape(s));
  }
}
