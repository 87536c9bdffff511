/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.aws;

import io.sesguardian.domain.ingest.Scope;
import io.sesguardian.domain.monitor.SesFigures;
import io.sesguardian.domain.monitor.SesReputationMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * SES's own reputation figures from CloudWatch: {@code Reputation.BounceRate} and {@code
 * Reputation.ComplaintRate} in namespace {@code AWS/SES}, for the account (no dimension) and for
 * each configuration set (dimension {@code ses:configuration-set}, published when reputation
 * metrics are enabled on it), all in one {@code GetMetricData} request (developer guide, "Creating
 * reputation monitoring alarms using CloudWatch":
 * https://docs.aws.amazon.com/ses/latest/dg/reputationdashboard-cloudwatch-alarm.html). The newest
 * value of the last day is SES's current view. A failed read is an empty answer, so CloudWatch can
 * only add to a verdict, never stop one.
 */
public final class CloudWatchSesMetrics implements SesReputationMetrics {

  static final String NAMESPACE = "AWS/SES";
  static final String BOUNCE = "Reputation.BounceRate";
  static final String COMPLAINT = "Reputation.ComplaintRate";
  static final String CONFIGURATION_SET = "ses:configuration-set";

  /** GetMetricData takes at most 500 queries; two per scope. */
  static final int MAX_SCOPES = 250;

  private final CloudWatchClient cloudWatch;

  public CloudWatchSesMetrics(CloudWatchClient cloudWatch) {
    this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
  }

  @Override
  public Map<Scope, SesFigures> read(Collection<Scope> scopes, Instant now) {
    Map<String, Scope> byId = new LinkedHashMap<>();
    List<MetricDataQuery> queries = new ArrayList<>();
    int n = 0;
    for (Scope scope : scopes) {
      boolean account = scope.equals(Scope.ACCOUNT);
      if (!account && scope.configurationSetName().isEmpty() || n >= MAX_SCOPES) {
        continue;
      }
      String id = "s" + n++;
      byId.put(id, scope);
      List<Dimension> dimensions =
          account
              ? List.of()
              : List.of(
                  Dimension.builder()
                      .name(CONFIGURATION_SET)
                      .value(scope.configurationSetName().orElseThrow())
                      .build());
      queries.add(query(id + "b", BOUNCE, dimensions));
      queries.add(query(id + "c", COMPLAINT, dimensions));
    }
    if (queries.isEmpty()) {
      return Map.of();
    }
    Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    GetMetricDataResponse response;
    try {
      // One page holds every value asked for (2 metrics × 250 scopes × 24 hourly points).
      response =
          cloudWatch.getMetricData(
              GetMetricDataRequest.builder()
                  .metricDataQueries(queries)
                  .startTime(end.minus(Duration.ofDays(1)))
                  .endTime(end)
                  .scanBy(ScanBy.TIMESTAMP_DESCENDING)
                  .build());
    } catch (SdkException e) {
      return Map.of();
    }
    Map<String, Double> bounce = new HashMap<>();
    Map<String, Double> complaint = new HashMap<>();
    Map<String, Instant> at = new HashMap<>();
    for (MetricDataResult r : response.metricDataResults()) {
      if (r.id() == null || r.values().isEmpty() || r.timestamps().isEmpty()) {
        continue;
      }
      String id = r.id().substring(0, r.id().length() - 1);
      // Descending scan: the first value is the newest.
      (r.id().endsWith("b") ? bounce : complaint).put(id, r.values().get(0));
      at.merge(id, r.timestamps().get(0), (a, b) -> a.isAfter(b) ? a : b);
    }
    Map<Scope, SesFigures> out = new LinkedHashMap<>();
    byId.forEach(
        (id, scope) -> {
          if (at.containsKey(id)) {
            out.put(scope, new SesFigures(bounce.get(id), complaint.get(id), at.get(id)));
          }
        });
    return out;
  }

  private static MetricDataQuery query(String id, String metric, List<Dimension> dimensions) {
    return MetricDataQuery.builder()
        .id(id)
        .returnData(true)
        .metricStat(
            MetricStat.builder()
                .metric(
                    Metric.builder()
                        .namespace(NAMESPACE)
                        .metricName(metric)
                        .dimensions(dimensions)
                        .build())
                .period(3600)
                .stat("Average")
                .build())
        .build();
  }
}
