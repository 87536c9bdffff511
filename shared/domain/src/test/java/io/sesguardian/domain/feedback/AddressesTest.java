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

  @Test
  void invisibleAndBidiCharacters_areRejectedNamingTheCodePoint() {
    assertThat(Addresses.parse("jane\u0085doe@example.com").problem())
        .isEqualTo("contains a control character (U+0085)");
    assertThat(Addresses.parse("jane\u200bdoe@example.com").problem())
        .isEqualTo("contains an invisible formatting character (U+200B)");
    assertThat(Addresses.parse("jane@\u202eexample.com").problem())
        .isEqualTo("contains an invisible formatting character (U+202E)");
    assertThat(Addresses.parse("jane\u2028doe@example.com").problem())
        .isEqualTo("contains a line separator (U+2028)");
    assertThat(Addresses.parse("jane\ud800doe@example.com").problem())
        .isEqualTo("contains a lone surrogate (U+D800)");
  }

  @Test
  void moreThanOneAtOutsideQuotes_isRejected_butAQuotedAtIsAccepted() {
    assertThat(Addresses.parse("a@b@c").problem()).isEqualTo("has more than one @ outside quotes");
    assertThat(Addresses.parse("\"a@b\"@example.com").address()).isEqualTo("\"a@b\"@example.com");
    assertThat(Addresses.parse("\u00e9lodie@exemple.fr").address())
        .isEqualTo("\u00e9lodie@exemple.fr");
    assertThat(Addresses.parse("\ud83d\ude00@example.com").ok()).isTrue();
  }

  @Test
  void mask_escapesInvisibleCharacters() {
    assertThat(Addresses.mask("\u202ejane@example.com")).isEqualTo("\\u202e***@example.com");
  }

  @Test
  void maskAll_masksEveryAddressInAMessage() {
    assertThat(Addresses.maskAll("Delivery failed for victim.one@example.com, cc <b.two@x.org>"))
        .isEqualTo("Delivery failed for v***@example.com, cc <b***@x.org>")
        .doesNotContain("victim.one");
    assertThat(Addresses.maskAll("no address here")).isEqualTo("no address here");
  }
}
