/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient, case-insensitive reads from Jackson trees, with the field's path in every error. The
 * public part is shared with the envelope adapter, which reads envelopes as leniently as the domain
 * reads SES messages.
 */
public final class Json {

  private Json() {}

  /** The field, matched exactly first and then ignoring case; {@code null} when absent. */
  public static JsonNode get(JsonNode object, String name) {
    JsonNode value = object.get(name);
    if (value != null || !object.isObject()) {
      return value;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  /** An object-valued field, or {@code null} when absent or JSON null. */
  static JsonNode object(JsonNode parent, String name, String path) throws BadItemException {
    JsonNode value = get(parent, name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new BadItemException(
          Rejection.Code.MALFORMED, path + " should be an object but is " + describe(value));
    }
    return value;
  }

  /** A scalar field as text, or {@code null} when absent or JSON null. */
  static String text(JsonNode parent, String name, String path, int maxLength)
      throws BadItemException {
    JsonNode value = parent == null ? null : get(parent, name);
    return value == null ? null : scalar(value, path, maxLength);
  }

  /** A scalar node as text, or {@code null} for JSON null; objects and arrays are malformed. */
  static String scalar(JsonNode value, String path, int maxLength) throws BadItemException {
    if (value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new BadItemException(
          Rejection.Code.MALFORMED, path + " should be text but is " + describe(value));
    }
    String text = value.asText();
    if (text.length() > maxLength) {
      throw new BadItemException(
          Rejection.Code.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "%s is %d characters, over the %d-character limit",
              path,
              text.length(),
              maxLength));
    }
    return text;
  }

  /**
   * Whether {@code node} names an SES message type ({@code notificationType} or {@code eventType}).
   */
  public static boolean isSesMessage(JsonNode node) {
    return get(node, "notificationType") != null || get(node, "eventType") != null;
  }

  /**
   * The rejection for text a strict reader refused: a key given twice ({@link JsonTrees#strict}'s
   * duplicate detection) or not JSON at all.
   */
  public static Rejection.Code unreadable(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    return message != null && message.startsWith("Duplicate field")
        ? Rejection.Code.DUPLICATE_KEY
        : Rejection.Code.NOT_JSON;
  }

  /** The start of a text, for error messages: one line, control characters blanked. */
  public static String preview(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
  }

  /** A node's JSON type for messages: "an object", "a string", "null". */
  public static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
