/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {

  @Test
  void displayNamesAndCase_normaliseToThePlainLowerCaseAddress() {
    assertThat(Addresses.parse("John Doe <John.Doe@Example.COM>").address())
        .isEqualTo("john.doe@example.com");
    assertThat(Addresses.parse("  x+tag@example.org ").address()).isEqualTo("x+tag@example.org");
    assertThat(Addresses.isSimulator("bounce+run-7@simulator.amazonses.com")).isTrue();
    assertThat(Addresses.isSimulator("bounce@simulator.amazonses.com.evil.org")).isFalse();
  }

  @Test
  void maskAndHash_neverRevealTheLocalPart() {
    assertThat(Addresses.mask("jane.doe@example.com")).isEqualTo("j***@example.com");
    assertThat(Addresses.mask("a\r\nb")).isEqualTo("a***");
    assertThat(Addresses.hash("jane.doe@example.com"))
        .hasSize(16)
        .isEqualTo(Addresses.hash("jane.doe@example.com"))
        .isNotEqualTo(Addresses.hash("jane.doe@example.net"));
  }
}
