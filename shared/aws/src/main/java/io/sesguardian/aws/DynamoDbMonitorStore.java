/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import static io.sesguardian.aws.DynamoTable.key;
import static io.sesguardian.aws.DynamoTable.n;
import static io.sesguardian.aws.DynamoTable.s;
import static io.sesguardian.aws.DynamoTable.timeKey;

import io.sesguardian.domain.ingest.CounterField;
import io.sesguardian.domain.ingest.EventCounters;
import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.AccountSnapshot;
import io.sesguardian.domain.monitor.AccountStatus;
import io.sesguardian.domain.monitor.ActionRecord;
import io.sesguardian.domain.monitor.MonitorStore;
import io.sesguardian.domain.monitor.ScopeState;
import io.sesguardian.domain.rates.Level;
import io.sesguardian.domain.rates.PreviousLevels;
import io.sesguardian.domain.rates.Window;
import io.sesguardian.domain.time.Deadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link MonitorStore} on the guardian's table, beside {@link DynamoDbFeedbackStore} (whose
 * counters it reads through {@link EventCounters}). Items:
 *
 * <pre>
 * scope state        pk M             sk {scope}     level, per-window levels, since, version
 * account snapshot   pk MA            sk SES         GetAccount fields, quotaHigh, version
 * pause switch       pk P             sk {target}    paused
 * action log         pk A             sk {time}#{target}#{action}
 * </pre>
 *
 * Every state write is conditional on the version read, so of several racing evaluations exactly
 * one announces a change.
 */
public final class DynamoDbMonitorStore implements MonitorStore {

  private final DynamoTable dynamo;
  private final String table;
  private final DynamoDbLedger counters;

  /** Built by {@link DynamoDbFeedbackStore#monitorStore()}: same table, its counters. */
  DynamoDbMonitorStore(DynamoTable table, DynamoDbLedger counters) {
    this.dynamo = Objects.requireNonNull(table, "table");
    this.table = table.name();
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  /** The same store for one unit of work that must answer by {@code deadline}. */
  public DynamoDbMonitorStore withDeadline(Deadline deadline) {
    return new DynamoDbMonitorStore(dynamo.withDeadline(deadline), counters.withDeadline(deadline));
  }

  @Override
  public void addCounts(io.sesguardian.domain.ingest.Counts counts) {
    counters.addCounts(counts);
  }

  @Override
  public Set<Scope> activeScopes(Instant since, Instant until) {
    return counters.activeScopes(since, until);
  }

  @Override
  public Map<Instant, Map<CounterField, Long>> counters(
      Scope scope, Instant fromHour, Instant toHour) {
    return counters.counters(scope, fromHour, toHour);
  }

  @Override
  public List<ScopeState> scopeStates() {
    List<ScopeState> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        dynamo.query(DynamoTable.partition("M").consistentRead(true))) {
      out.add(scopeState(item));
    }
    return out;
  }

  @Override
  public boolean replaceScopeState(ScopeState state, long expectedVersion) {
    Map<String, AttributeValue> item = new HashMap<>(key("M", state.scope().key()));
    item.put("level", s(state.level().name()));
    item.put("levels", s(encode(state.levels())));
    item.put("since", s(state.since().toString()));
    item.put("evaluatedAt", s(state.evaluatedAt().toString()));
    item.put("version", n(state.version()));
    return conditionalPut("store the state of " + state.scope(), item, expectedVersion);
  }

  @Override
  public Optional<AccountSnapshot> accountSnapshot() {
    Map<String, AttributeValue> item = dynamo.get("read the account snapshot", key("MA", "SES"));
    if (item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AccountSnapshot(
            new AccountStatus(
                item.get("enforcementStatus").s(),
                item.get("sendingEnabled").bool(),
                item.get("productionAccess").bool(),
                Double.parseDouble(item.get("max24HourSend").n()),
                Double.parseDouble(item.get("sentLast24Hours").n())),
            item.get("quotaHigh").bool(),
            Instant.parse(item.get("at").s()),
            Long.parseLong(item.get("version").n())));
  }

  @Override
  public boolean replaceAccountSnapshot(AccountSnapshot snapshot, long expectedVersion) {
    AccountStatus status = snapshot.status();
    Map<String, AttributeValue> item = new HashMap<>(key("MA", "SES"));
    item.put("enforcementStatus", s(status.enforcementStatus()));
    item.put("sendingEnabled", AttributeValue.fromBool(status.sendingEnabled()));
    item.put("productionAccess", AttributeValue.fromBool(status.productionAccess()));
    item.put("max24HourSend", AttributeValue.fromN(Double.toString(status.max24HourSend())));
    item.put("sentLast24Hours", AttributeValue.fromN(Double.toString(status.sentLast24Hours())));
    item.put("quotaHigh", AttributeValue.fromBool(snapshot.quotaHigh()));
    item.put("at", s(snapshot.at().toString()));
    item.put("version", n(snapshot.version()));
    return conditionalPut("store the account snapshot", item, expectedVersion);
  }

  @Override
  public boolean setPaused(String target, boolean paused, ActionRecord record) {
    Map<String, AttributeValue> pause = new HashMap<>(key("P", target));
    pause.put("paused", AttributeValue.fromBool(paused));
    pause.put("at", s(record.at().toString()));
    Map<String, AttributeValue> log =
        new HashMap<>(
            key("A", timeKey(record.at()) + "#" + record.target() + "#" + record.action().name()));
    log.put("target", s(record.target()));
    log.put("action", s(record.action().name()));
    log.put("at", s(record.at().toString()));
    log.put("by", s(record.by()));
    log.put("reason", s(record.reason()));
    try {
      dynamo.transact(
          "record " + record.action() + " of " + target,
          List.of(
              TransactWriteItem.builder()
                  .put(
                      Put.builder()
                          .tableName(table)
                          .item(pause)
                          // A pause needs no earlier item; a resume needs a
                          // pause to end (resuming what was never paused is no-op).
                          .conditionExpression(
                              paused
                                  ? "attribute_not_exists(paused) OR paused <> :p"
                                  : "attribute_exists(paused) AND paused <> :p")
                          .expressionAttributeValues(Map.of(":p", AttributeValue.fromBool(paused)))
                          .build())
                  .build(),
              TransactWriteItem.builder()
                  .put(Put.builder().tableName(table).item(log).build())
                  .build()));
      return true;
    } catch (TransactionCanceledException e) {
      // The table passes only condition failures through: the target already was in that state.
      return false;
    }
  }

  @Override
  public Set<String> pausedTargets() {
    Set<String> out = new LinkedHashSet<>();
    for (Map<String, AttributeValue> item :
        dynamo.query(DynamoTable.partition("P").consistentRead(true))) {
      if (Boolean.TRUE.equals(item.get("paused").bool())) {
        out.add(item.get("sk").s());
      }
    }
    return out;
  }

  @Override
  public List<ActionRecord> actions(Instant since) {
    List<ActionRecord> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        dynamo.query(
            QueryRequest.builder()
                .keyConditionExpression("pk = :pk AND sk >= :since")
                .expressionAttributeValues(Map.of(":pk", s("A"), ":since", s(timeKey(since)))))) {
      out.add(
          new ActionRecord(
              item.get("target").s(),
              ActionRecord.Action.valueOf(item.get("action").s()),
              Instant.parse(item.get("at").s()),
              item.get("by").s(),
              item.get("reason").s()));
    }
    return out;
  }

  private boolean conditionalPut(
      String what, Map<String, AttributeValue> item, long expectedVersion) {
    try {
      dynamo.put(
          what,
          item,
          r -> {
            if (expectedVersion == 0) {
              r.conditionExpression("attribute_not_exists(pk)");
            } else {
              r.conditionExpression("version = :v")
                  .expressionAttributeValues(Map.of(":v", n(expectedVersion)));
            }
          });
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static ScopeState scopeState(Map<String, AttributeValue> item) {
    return new ScopeState(
        Scope.parse(item.get("sk").s()),
        Level.valueOf(item.get("level").s()),
        decode(item.get("levels").s()),
        Instant.parse(item.get("since").s()),
        Instant.parse(item.get("evaluatedAt").s()),
        Long.parseLong(item.get("version").n()));
  }

  /** {@code 24h=WARNING/HEALTHY,7d=...}: bounce and complaint level per window. */
  static String encode(PreviousLevels levels) {
    StringBuilder s = new StringBuilder();
    for (Window w : Window.values()) {
      if (s.length() > 0) {
        s.append(',');
      }
      s.append(w.name())
          .append('=')
          .append(levels.bounce(w))
          .append('/')
          .append(levels.complaint(w));
    }
    return s.toString();
  }

  static PreviousLevels decode(String text) {
    Map<Window, Level> bounce = new EnumMap<>(Window.class);
    Map<Window, Level> complaint = new EnumMap<>(Window.class);
    for (String part : text.split(",")) {
      String[] kv = part.split("=");
      String[] levels = kv[1].split("/");
      bounce.put(Window.valueOf(kv[0]), Level.valueOf(levels[0]));
      complaint.put(Window.valueOf(kv[0]), Level.valueOf(levels[1]));
    }
    return new PreviousLevels(bounce, complaint);
  }

  @Override
  public void recordAlert(io.sesguardian.domain.monitor.Alert alert) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            key(
                "AL",
                // Fixed-width epoch milliseconds: ISO-8601 text with and without fractions of a
                // second does not sort in time order ("00Z" sorts after "00.001Z").
                timeKey(alert.at())
                    + "#"
                    + alert.kind()
                    + "#"
                    + DynamoTable.hash(alert.subject()).substring(0, 12)));
    item.put("kind", s(alert.kind()));
    item.put("subject", s(alert.subject()));
    item.put("body", s(alert.body()));
    item.put("at", s(alert.at().toString()));
    alert
        .move()
        .ifPresent(
            m -> {
              item.put("moveScope", s(m.scope().key()));
              item.put("moveMetric", s(m.metric().name()));
              item.put("moveFrom", s(m.from().name()));
              item.put("moveTo", s(m.to().name()));
              item.put("moveWindow", s(m.window().name()));
            });
    dynamo.put("record an alert", item, r -> {});
  }

  @Override
  public List<io.sesguardian.domain.monitor.Alert> alerts(Instant since, Instant until) {
    List<io.sesguardian.domain.monitor.Alert> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        dynamo.query(DynamoTable.range("AL", timeKey(since), timeKey(until)))) {
      Instant at = Instant.parse(item.get("at").s());
      if (at.isBefore(until)) {
        out.add(
            new io.sesguardian.domain.monitor.Alert(
                item.get("kind").s(),
                item.get("subject").s(),
                item.get("body").s(),
                at,
                move(item)));
      }
    }
    return out;
  }

  /**
   * The level move of an alert item; alerts stored before alerts carried their levels have none.
   */
  private static java.util.Optional<io.sesguardian.domain.monitor.LevelMove> move(
      Map<String, AttributeValue> item) {
    if (!item.containsKey("moveScope")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new io.sesguardian.domain.monitor.LevelMove(
            Scope.parse(item.get("moveScope").s()),
            io.sesguardian.domain.monitor.LevelMove.Metric.valueOf(item.get("moveMetric").s()),
            Level.valueOf(item.get("moveFrom").s()),
            Level.valueOf(item.get("moveTo").s()),
            io.sesguardian.domain.rates.Window.valueOf(item.get("moveWindow").s())));
  }
}
