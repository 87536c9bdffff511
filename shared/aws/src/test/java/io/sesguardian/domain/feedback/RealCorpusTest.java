/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real published SES notification in {@code ../shared/ses-corpus/samples} turns into exactly
 * the records its SOURCES.md line describes. The expectations live in {@code corpus-expected.tsv}
 * (one line per record, ignored item or rejection), reviewed against SOURCES.md. Skipped when the
 * corpus is not beside the checkout.
 */
class RealCorpusTest {

  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();

  @TestFactory
  Stream<DynamicTest> everyCorpusFile_normalisesToTheRecordsItsSourceDescribes()
      throws IOException {
    Path corpus = corpusOrSkip();
    Map<String, List<String>> expected = expectations();
    try (Stream<Path> files = Files.list(corpus)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream()
          .map(
              file ->
                  DynamicTest.dynamicTest(
                      file.getFileName().toString(),
                      () -> {
                        String name = file.getFileName().toString();
                        Normalized result =
                            FeedbackEnvelopes.normalizeDocument(
                                normalizer, name, Files.readString(file));
                        assertThat(RecordText.render(result))
                            .as(name)
                            .containsExactlyElementsOf(expected.getOrDefault(name, List.of()));
                        assertThat(result.items()).as("items in " + name).isEqualTo(1);
                      }));
    }
  }

  @Test
  void goldenFile_coversExactlyTheCorpusFiles() throws IOException {
    Path corpus = corpusOrSkip();
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(corpus)) {
      list.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .forEach(files::add);
    }
    assertThat(files).hasSize(69);
    assertThat(new TreeSet<>(expectations().keySet())).isEqualTo(files);
  }

  @Test
  void corpusRecords_keepSesIdentifiersAndNeverReadMailDestinationForBounces() throws IOException {
    Path corpus = corpusOrSkip();
    // 041: two destinations, one bounced recipient; 054: seven destinations, one bounced.
    for (String prefix : List.of("041", "054")) {
      Path file = find(corpus, prefix);
      Normalized result =
          FeedbackEnvelopes.normalizeDocument(normalizer, prefix, Files.readString(file));
      assertThat(result.records()).hasSize(1);
      FeedbackRecord record = result.records().get(0);
      assertThat(record.feedbackId()).isNotBlank();
      assertThat(record.sesMessageId()).isNotBlank();
    }
    FeedbackRecord pascal =
        FeedbackEnvelopes.normalizeDocument(
                normalizer, "054", Files.readString(find(corpus, "054")))
            .records()
            .get(0);
    assertThat(pascal.snsMessageId()).isEqualTo("14e9618f-4853-5042-8562-01a699ab45a77");
    assertThat(pascal.status()).isEqualTo("5.1.1");
  }

  private static Path find(Path corpus, String prefix) throws IOException {
    try (Stream<Path> list = Files.list(corpus)) {
      return list.filter(f -> f.getFileName().toString().startsWith(prefix + "-"))
          .findFirst()
          .orElseThrow();
    }
  }

  private static Path corpusOrSkip() {
    var corpus = Fixtures.corpus();
    assumeTrue(
        corpus.isPresent(),
        "skipped: the shared SES corpus (../shared/ses-corpus/samples) is not beside this checkout;"
            + " set GUARDIAN_SES_CORPUS to its samples folder to run these tests");
    return corpus.orElseThrow();
  }

  static Map<String, List<String>> expectations() throws IOException {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    try (InputStream in =
        Objects.requireNonNull(
            RealCorpusTest.class.getResourceAsStream("/corpus-expected.tsv"),
            "corpus-expected.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        expected
            .computeIfAbsent(line.substring(0, tab), k -> new java.util.ArrayList<>())
            .add(line.substring(tab + 1));
      }
    }
    return expected;
  }
}
