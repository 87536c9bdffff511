/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.sqlite;

import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.Window;
import java.util.EnumMap;
import java.util.Map;

/**
 * A scope's per-window levels as one column: {@code bounce.H24=WARNING,complaint.D7=HEALTHY}. Only
 * the recorded levels are written, so a state reads back equal to what was stored.
 */
final class LevelsText {

  private LevelsText() {}

  static String encode(PreviousLevels levels) {
    StringBuilder s = new StringBuilder();
    append(s, "bounce", levels.bounce());
    append(s, "complaint", levels.complaint());
    return s.toString();
  }

  private static void append(StringBuilder s, String metric, Map<Window, Level> levels) {
    for (Window w : Window.values()) {
      Level level = levels.get(w);
      if (level != null) {
        s.append(s.length() == 0 ? "" : ",").append(metric).append('.').append(w.name());
        s.append('=').append(level.name());
      }
    }
  }

  static PreviousLevels decode(String text) {
    Map<Window, Level> bounce = new EnumMap<>(Window.class);
    Map<Window, Level> complaint = new EnumMap<>(Window.class);
    for (String part : text.split(",")) {
      if (part.isEmpty()) {
        continue;
      }
      int dot = part.indexOf('.');
      int eq = part.indexOf('=');
      Window w = Window.valueOf(part.substring(dot + 1, eq));
      Level level = Level.valueOf(part.substring(eq + 1));
      (part.startsWith("bounce.") ? bounce : complaint).put(w, level);
    }
    return new PreviousLevels(bounce, complaint);
  }
}
