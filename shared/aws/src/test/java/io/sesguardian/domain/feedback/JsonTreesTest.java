/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trees read and written without an ObjectMapper are the trees and the text an ObjectMapper gives:
 * over every sample event, every real SES notification of the shared corpus (when it is beside the
 * checkout) and the SES messages embedded in them, and over edge cases of numbers and structure.
 */
class JsonTreesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory STRICT = JsonTrees.strict(1000);

  private static List<Path> documents() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Fixtures.repoRoot().resolve("events"))) {
      s.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
    }
    Fixtures.corpus()
        .ifPresent(
            dir -> {
              try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    return files;
  }

  private static void sameAsMapper(String text) throws IOException {
    JsonNode expected = MAPPER.readTree(text);
    JsonNode actual = JsonTrees.readLenient(text);
    assertThat(actual).isEqualTo(expected);
    assertThat(JsonTrees.write(actual)).isEqualTo(MAPPER.writeValueAsString(expected));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonTrees.write(actual, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(MAPPER.writeValueAsString(expected));
  }

  @Test
  void everySampleAndCorpusDocument_andTheMessagesInside_readAndWriteAsAnObjectMapperDoes()
      throws IOException {
    List<Path> files = documents();
    assertThat(files).hasSizeGreaterThan(20);
    int messages = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      sameAsMapper(text);
      for (JsonNode message : MAPPER.readTree(text).findValues("Message")) {
        if (message.isTextual() && message.textValue().startsWith("{")) {
          sameAsMapper(message.textValue());
          messages++;
        }
      }
    }
    assertThat(messages).isPositive();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"i\":1,\"l\":2147483648,\"b\":12345678901234567890123,\"d\":1.5,\"e\":-2.5e-7}",
        "{\"huge\":1e400,\"neg\":-0.0,\"zero\":0,\"t\":true,\"f\":false,\"n\":null}",
        "[[],{},[{\"a\":[1,\"x\",null]}],\"\\u00e9\\n\\\"\"]",
        "\"just a string\"",
        "42",
        "{\"a\":1,\"a\":2}",
        "{\"a\":1} {\"b\":2}",
        "",
        "   "
      })
  void edgeCases_readAndWriteAsAnObjectMapperDoes(String text) throws IOException {
    JsonNode expected = MAPPER.readTree(text);
    JsonNode actual = JsonTrees.readLenient(text);
    assertThat(actual).isEqualTo(expected);
    assertThat(JsonTrees.write(actual)).isEqualTo(MAPPER.writeValueAsString(expected));
  }

  @Test
  void strict_refusesTrailingValues_inTheWordsAnObjectMapperUses() throws IOException {
    ObjectMapper strictMapper =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    String text = "{\"a\":1} {\"b\":2}";
    String expected = null;
    try {
      strictMapper.readTree(text);
    } catch (JsonProcessingException e) {
      expected = e.getOriginalMessage();
    }
    assertThat(expected).startsWith("Trailing token");
    try {
      JsonTrees.read(STRICT, text, true);
      throw new AssertionError("trailing content was accepted");
    } catch (JsonProcessingException e) {
      assertThat(e.getOriginalMessage()).isEqualTo(expected);
    }
  }

  @Test
  void aPojoNode_isRefused_notWrittenAsItsToString() {
    assertThatThrownBy(
            () ->
                JsonTrees.write(
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.pojoNode(
                        java.util.Map.of("k", 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void strict_refusesRepeatedKeys_deepNesting_andLongStrings() {
    assertThatThrownBy(() -> JsonTrees.read(STRICT, "{\"a\":{\"b\":1,\"b\":2}}", true))
        .isInstanceOf(JsonProcessingException.class)
        .satisfies(
            e ->
                assertThat(((JsonProcessingException) e).getOriginalMessage())
                    .startsWith("Duplicate field"));
    assertThatThrownBy(() -> JsonTrees.read(STRICT, "[".repeat(65) + "]".repeat(65), true))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("64");
    assertThatThrownBy(() -> JsonTrees.read(STRICT, "\"" + "x".repeat(1001) + "\"", true))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> JsonTrees.read(STRICT, "{\"a\":", true))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void strict_acceptsOneDocument_aLeadingPlus_andNestingOf64() throws IOException {
    assertThat(JsonTrees.read(STRICT, " {\"n\":+1} \n", true).get("n").intValue()).isEqualTo(1);
    assertThat(JsonTrees.read(STRICT, "[".repeat(64) + "]".repeat(64), true).isArray()).isTrue();
    assertThat(JsonTrees.read(STRICT, "", true).isMissingNode()).isTrue();
  }
}
