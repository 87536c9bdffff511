/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesguardian.aws.AwsClients;
import io.sesguardian.aws.DynamoDbFeedbackStore;
import io.sesguardian.aws.DynamoDbRejectedItems;
import io.sesguardian.aws.DynamoDbTables;
import io.sesguardian.aws.FeedbackEnvelopes;
import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Rejection;
import io.sesguardian.domain.ingest.RejectedItem;
import io.sesguardian.domain.ingest.RejectedItems;
import io.sesguardian.domain.ingest.SuppressionEntry;
import io.sesguardian.domain.sync.Sleeper;
import io.sesguardian.sqlite.SqliteStore;
import io.sesguardian.testkit.Fixtures;
import io.sesguardian.testkit.MotoExtension;
import io.sesguardian.testkit.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * Rejected input is kept, and {@code guardian replay --rejected} takes it back: what now passes is
 * stored and forgotten, what is still rejected stays kept. "Now passes" is a document an older
 * guardian rejected (kept directly, as that guardian would have).
 */
@ExtendWith(MotoExtension.class)
class RejectedTakeBackTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOOD_EVENT = "lambda-sns/bounce-permanent-general.json";

  @TempDir Path dir;

  private final String good = new String(Fixtures.eventBytes(GOOD_EVENT), StandardCharsets.UTF_8);
  private final String goodAddress =
      FeedbackEnvelopes.normalizeDocument(new FeedbackNormalizer(), "g", good)
          .records()
          .get(0)
          .address();

  /** A hard bounce whose configuration set is longer than SES allows: rejected today. */
  private static String oversized(String messageId) {
    return ("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bounceSubType\":\"General\",\"feedbackId\":\"fb-%s\","
            + "\"timestamp\":\"2026-04-01T10:00:00.000Z\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"kept.person@example.com\"}]},"
            + "\"mail\":{\"timestamp\":\"2026-04-01T09:59:58.000Z\",\"messageId\":\"%s\","
            + "\"destination\":[\"kept.person@example.com\"],"
            + "\"tags\":{\"ses:configuration-set\":[\"%s\"]}}}")
        .formatted(messageId, messageId, "c".repeat(70));
  }

  private static RejectedItem olderGuardianRejected(String raw) {
    return RejectedItem.of(
        "request:old",
        raw,
        Instant.now(),
        List.of(new Rejection("request:old", Rejection.Code.MALFORMED, "an older guardian's bug")));
  }

  @Test
  void localReplay_keepsWhatItRejects_andReplayRejectedTakesBackWhatNowPasses() throws Exception {
    Path state = dir.resolve("state");
    Path input = dir.resolve("in.jsonl");
    Files.writeString(
        input,
        JSON.readTree(Fixtures.eventBytes("lambda-sns/delivery.json")).toString()
            + "\n"
            + oversized("m-bad")
            + "\n");

    CliRun replay = CliRun.of("replay", "--json", "--state", state.toString(), input.toString());
    assertThat(replay.exit()).isEqualTo(1);
    try (SqliteStore store = SqliteStore.open(state, Clock.systemUTC())) {
      assertThat(store.rejected().after(null, 10))
          .singleElement()
          .satisfies(
              item -> {
                assertThat(item.source()).isEqualTo(input + ":2");
                assertThat(item.raw()).isEqualTo(oversized("m-bad"));
                assertThat(item.rejections().get(0).code()).isEqualTo(Rejection.Code.TOO_LARGE);
              });
      store.rejected().keep(olderGuardianRejected(good));
    }

    CliRun takeBack = CliRun.of("replay", "--rejected", "--json", "--state", state.toString());

    assertThat(takeBack.exit()).as("one is still rejected").isEqualTo(1);
    JsonNode kept = takeBack.json().get("kept");
    assertThat(kept.get("takenBack").asInt()).isEqualTo(1);
    assertThat(kept.get("stillKept").asInt()).isEqualTo(1);
    assertThat(CliRun.of("suppressions", "--json", "--state", state.toString()).out())
        .contains(goodAddress);
    CliRun again = CliRun.of("replay", "--rejected", "--json", "--state", state.toString());
    assertThat(again.json().get("kept").get("takenBack").asInt()).isZero();
    assertThat(again.json().get("kept").get("stillKept").asInt()).isEqualTo(1);
    assertThat(again.json().get("duplicates").asInt()).isZero();
  }

  @Test
  void replayRejectedAws_takesBackFromTheDeployedTable_throughTheLauncher(MotoServer moto)
      throws Exception {
    String table = "guardian-takeback";
    try (AwsClients clients = AwsClients.forEndpoint(Region.US_EAST_1, moto.endpoint());
        var dynamo = clients.dynamoDb()) {
      DynamoDbTables.createIfMissing(dynamo, table);
      RejectedItems kept =
          new DynamoDbRejectedItems(
              dynamo, table, Clock.systemUTC(), RejectedItems.DEFAULT_RETENTION);
      kept.keep(olderGuardianRejected(good));
      String bad = oversized("m-bad");
      kept.keep(
          RejectedItem.of(
              "request:r2",
              bad,
              Instant.now(),
              new FeedbackNormalizer().normalize("request:r2", bad).rejections()));

      ChildCli.Result run =
          ChildCli.start(
                  dir,
                  Map.of(
                      "AWS_REGION", "us-east-1",
                      "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                      "AWS_ACCESS_KEY_ID", "test",
                      "AWS_SECRET_ACCESS_KEY", "test",
                      "GUARDIAN_TABLE", table),
                  GuardianCli.class,
                  "replay",
                  "--rejected",
                  "--aws",
                  "--json")
              .await();

      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      JsonNode out = JSON.readTree(run.out());
      assertThat(out.get("kept").get("takenBack").asInt()).isEqualTo(1);
      assertThat(out.get("kept").get("stillKept").asInt()).isEqualTo(1);
      assertThat(kept.after(null, 10))
          .singleElement()
          .satisfies(i -> assertThat(i.source()).isEqualTo("request:r2"));
      DynamoDbFeedbackStore store =
          new DynamoDbFeedbackStore(
              dynamo,
              table,
              DynamoDbFeedbackStore.Settings.DEFAULT,
              Clock.systemUTC(),
              Sleeper.REAL);
      assertThat(store.allSuppressions())
          .extracting(SuppressionEntry::address)
          .contains(goodAddress);
      assertThat(run.out() + run.err()).doesNotContain("kept.person@example.com");
    }
  }

  @Test
  void rejectedWithPaths_orNeither_isAUsageError() {
    CliRun both = CliRun.of("replay", "--rejected", "--state", dir.toString(), "x.json");
    CliRun neither = CliRun.of("replay", "--state", dir.toString());
    CliRun awsAlone = CliRun.of("replay", "--aws", "--state", dir.toString(), "x.json");

    assertThat(List.of(both.exit(), neither.exit(), awsAlone.exit())).containsOnly(2);
    assertThat(both.err()).contains("--rejected");
    assertThat(neither.err()).contains("PATH");
    assertThat(awsAlone.err()).contains("--aws goes with --rejected");
  }
}
