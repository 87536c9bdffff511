/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.stack;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Records the IAM actions behind every SDK call: {@code TransactWriteItems} is authorised item by
 * item ({@code dynamodb:PutItem}, {@code dynamodb:UpdateItem}, …), Lambda's {@code Invoke} is
 * {@code lambda:InvokeFunction}, everything else is {@code service:Operation}.
 */
final class IamRecorder implements ExecutionInterceptor {

  final Set<String> actions = java.util.Collections.synchronizedSet(new TreeSet<>());

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String prefix =
        switch (service.toLowerCase(Locale.ROOT)) {
          case "dynamodb" -> "dynamodb";
          case "sesv2" -> "ses";
          case "sns" -> "sns";
          case "lambda" -> "lambda";
          case "sqs" -> "sqs";
          default -> service.toLowerCase(Locale.ROOT);
        };
    if (context.request() instanceof TransactWriteItemsRequest tx) {
      for (TransactWriteItem item : tx.transactItems()) {
        if (item.put() != null) {
          actions.add("dynamodb:PutItem");
        }
        if (item.update() != null) {
          actions.add("dynamodb:UpdateItem");
        }
        if (item.delete() != null) {
          actions.add("dynamodb:DeleteItem");
        }
        if (item.conditionCheck() != null) {
          actions.add("dynamodb:ConditionCheckItem");
        }
      }
    } else if (prefix.equals("lambda") && operation.equals("Invoke")) {
      actions.add("lambda:InvokeFunction");
    } else {
      actions.add(prefix + ":" + operation);
    }
  }
}
