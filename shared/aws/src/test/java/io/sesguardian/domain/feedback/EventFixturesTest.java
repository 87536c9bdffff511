/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own fixtures in {@code events/} (also used for {@code sam local invoke}) normalise
 * to the records {@code events-expected.json} lists, and together cover every type, subtype, format
 * and envelope.
 */
class EventFixturesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FeedbackNormalizer normalizer = new FeedbackNormalizer();

  @TestFactory
  Stream<DynamicTest> everyFixture_normalisesToItsExpectedRecords() throws IOException {
    JsonNode expected = expectations();
    return fixtures().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      Normalized result = normalize(name);
                      JsonNode want = expected.get(name);
                      assertThat(want).as("expectation for " + name).isNotNull();
                      assertThat(result.rejections()).as("rejections of " + name).isEmpty();
                      if (want.path("ignored").asBoolean(false)) {
                        assertThat(result.records()).isEmpty();
                        assertThat(result.ignored()).hasSize(1);
                        return;
                      }
                      List<Map<String, Object>> actual = new ArrayList<>();
                      for (FeedbackRecord r : result.records()) {
                        actual.add(summary(r));
                      }
                      List<Map<String, Object>> wanted = new ArrayList<>();
                      for (JsonNode w : want.get("records")) {
                        wanted.add(JSON.convertValue(w, LinkedHashMapType.INSTANCE));
                      }
                      assertThat(actual).as(name).isEqualTo(wanted);
                    }));
  }

  @Test
  void everyFixtureHasAnExpectation_andEveryExpectationAFixture() throws IOException {
    Set<String> names = new TreeSet<>();
    expectations().fieldNames().forEachRemaining(names::add);
    assertThat(new TreeSet<>(fixtures())).isEqualTo(names);
  }

  @Test
  void fixtures_coverEveryKindSubtypeFormatAndEnvelope() throws IOException {
    Set<String> bounceCases = new HashSet<>();
    Set<String> complaintCases = new HashSet<>();
    Set<FeedbackKind> kinds = EnumSet.noneOf(FeedbackKind.class);
    for (String name : fixtures()) {
      for (FeedbackRecord r : normalize(name).records()) {
        kinds.add(r.kind());
        if (r.kind() == FeedbackKind.BOUNCE) {
          bounceCases.add(r.format() + " " + r.bounceType().wireName() + "/" + r.bounceSubType());
        }
        if (r.kind() == FeedbackKind.COMPLAINT) {
          complaintCases.add(
              r.format() + " " + r.complaintFeedbackType() + "/" + r.complaintSubType());
        }
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(FeedbackKind.values());
    for (WireFormat format : WireFormat.values()) {
      for (String subtype :
          List.of(
              "Permanent/General",
              "Permanent/NoEmail",
              "Permanent/Suppressed",
              "Permanent/OnAccountSuppressionList",
              "Transient/General",
              "Transient/MailboxFull",
              "Transient/MessageTooLarge",
              "Transient/ContentRejected",
              "Transient/AttachmentRejected",
              "Undetermined/Undetermined")) {
        assertThat(bounceCases).contains(format + " " + subtype);
      }
      for (String feedback :
          List.of("abuse", "auth-failure", "fraud", "not-spam", "other", "virus", "null")) {
        assertThat(complaintCases).contains(format + " " + feedback + "/null");
      }
      assertThat(complaintCases).contains(format + " null/OnAccountSuppressionList");
    }
    for (String envelope : List.of("ses/", "lambda-sns/", "sns-http/", "sqs/", "sqs-body/")) {
      assertThat(fixtures()).anySatisfy(name -> assertThat(name).startsWith(envelope));
    }
  }

  private Normalized normalize(String name) throws IOException {
    return FeedbackEnvelopes.normalizeDocument(
        normalizer, name, Files.readString(Fixtures.event(name)));
  }

  private static Map<String, Object> summary(FeedbackRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", r.kind().jsonName());
    m.put("address", r.address());
    m.put("bounceType", r.bounceType() == null ? null : r.bounceType().wireName());
    m.put("bounceSubType", r.bounceSubType());
    m.put("complaintFeedbackType", r.complaintFeedbackType());
    m.put("complaintSubType", r.complaintSubType());
    m.put("simulator", r.simulator());
    m.put("category", r.classification().category().jsonName());
    m.put("class", r.classification().feedbackClass().jsonName());
    m.put("countsTowardBounceRate", r.classification().countsTowardBounceRate());
    m.put("countsTowardComplaintRate", r.classification().countsTowardComplaintRate());
    m.put(
        "suppression", r.classification().suppression().map(SuppressionReason::name).orElse(null));
    m.put("configurationSet", r.configurationSet());
    return m;
  }

  static List<String> fixtures() throws IOException {
    Path root = Fixtures.repoRoot().resolve("events");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static JsonNode expectations() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            EventFixturesTest.class.getResourceAsStream("/events-expected.json"),
            "events-expected.json")) {
      return JSON.readTree(in);
    }
  }

  private static final class LinkedHashMapType
      extends com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>> {
    static final LinkedHashMapType INSTANCE = new LinkedHashMapType();
  }
}
