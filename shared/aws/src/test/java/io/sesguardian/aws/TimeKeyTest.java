/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.testkit.DefaultLocale;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimeKeyTest {

  @Test
  void timeKeys_areFifteenAsciiDigitsThatSortInTimeOrder() {
    List<Instant> times =
        List.of(
            Instant.EPOCH,
            Instant.parse("2001-09-09T01:46:39.999Z"), // 999,999,999,999 ms: twelve digits
            Instant.parse("2001-09-09T01:46:40Z"), // thirteen digits
            Instant.parse("2026-12-02T07:34:33.667Z"));
    List<String> keys = times.stream().map(DynamoTable::timeKey).toList();
    assertThat(keys)
        .containsExactly("000000000000000", "000999999999999", "001000000000000", "001796196873667")
        .isSorted();
  }

  @Test
  void timeKeysBeforeTheEpoch_areTheEpoch() {
    assertThat(DynamoTable.timeKey(Instant.parse("1969-12-31T23:59:59Z")))
        .isEqualTo("000000000000000");
  }

  @Test
  void timeKeys_doNotChangeWithTheDefaultLocale() throws Exception {
    // The CLI writes these keys into the deployed table from its user's machine.
    Instant t = Instant.parse("2026-12-02T07:34:33.667Z");
    for (Locale locale : List.of(DefaultLocale.ARABIC_DIGITS, DefaultLocale.DECIMAL_COMMA)) {
      assertThat(DefaultLocale.during(locale, () -> DynamoTable.timeKey(t)))
          .as(locale.toString())
          .isEqualTo("001796196873667");
    }
  }
}
