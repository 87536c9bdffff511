/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Jackson trees read and written with jackson-core's streaming parser and generator only, never an
 * {@code ObjectMapper}: building the first mapper loads about 500 classes, roughly 90 ms of a
 * Lambda cold start (benchmarks/results/cold-start.md), and the guardian only ever needs trees. The
 * trees are the same node types {@code ObjectMapper.readTree} builds (int, long and big integers;
 * doubles, or big decimals where the parser gives them), so code reading them is unchanged.
 * Thread-safe.
 */
public final class JsonTrees {

  /** Reads like a default {@code ObjectMapper}; private, so no caller can reconfigure it. */
  private static final JsonFactory LENIENT = JsonFactory.builder().build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * A factory that reads one JSON document strictly: nesting at most 64 deep, strings at most
   * {@code maxChars}, a leading plus sign allowed on numbers, and no key given twice (a key given
   * twice makes a document mean two things: RFC 8259 section 4 says names "SHOULD be unique" and
   * parsers disagree on which one wins, so it is refused). Pair it with {@code onlyOne} in {@link
   * #read} to refuse anything after the document.
   */
  public static JsonFactory strict(int maxChars) {
    return JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(maxChars).build())
        .build();
  }

  /**
   * The tree of the first JSON value in {@code text}, read as a default {@code ObjectMapper} reads
   * it (anything after that value is ignored; a repeated key: the last one wins); {@link
   * MissingNode} when the text holds none.
   *
   * @throws JsonProcessingException when the text is not JSON (the parser's own message)
   */
  public static JsonNode readLenient(String text) throws JsonProcessingException {
    return read(LENIENT, text, false);
  }

  /**
   * The tree of the first JSON value in {@code text}; {@link MissingNode} when the text holds none
   * (empty or blank). With {@code onlyOne}, anything after that value is an error, worded as {@code
   * ObjectMapper}'s {@code FAIL_ON_TRAILING_TOKENS} words it (rejection reasons quote it).
   *
   * @throws JsonProcessingException when the text is not JSON (the parser's own message) or, with
   *     {@code onlyOne}, holds more than one value
   */
  public static JsonNode read(JsonFactory factory, String text, boolean onlyOne)
      throws JsonProcessingException {
    try (JsonParser p = factory.createParser(text)) {
      if (p.nextToken() == null) {
        return MissingNode.getInstance();
      }
      JsonNode root = value(p);
      if (onlyOne) {
        JsonToken after = p.nextToken();
        if (after != null) {
          throw new JsonParseException(
              p,
              "Trailing token (of type "
                  + after
                  + ") found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not"
                  + " allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }
      }
      return root;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      // A String source has no I/O to fail.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The value starting at the parser's current token, and everything under it. Recursive: one frame
   * per nesting level, which the factories' nesting limits bound (64 strict; Jackson's default
   * 1,000 lenient, about 300 KB of stack, well inside a thread's default 1 MB).
   */
  private static JsonNode value(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          p.nextToken();
          // A repeated key: the last one wins, as in ObjectMapper.readTree (the strict factory
          // refuses repeats before they get here).
          object.replace(name, value(p));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(p));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return switch (p.getNumberType()) {
          case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
          case FLOAT -> NODES.numberNode(p.getFloatValue());
          default -> NODES.numberNode(p.getDoubleValue());
        };
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "Unexpected token " + token);
    }
  }

  /** {@code node} as compact JSON text. */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = LENIENT.createGenerator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** {@code node} as compact JSON, UTF-8, to {@code out} (which stays open). */
  public static void write(JsonNode node, OutputStream out) throws IOException {
    try (JsonGenerator g = LENIENT.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(g, node);
    }
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          write(g, field.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(g, element);
        }
        g.writeEndArray();
      }
      case NUMBER -> {
        switch (node.numberType()) {
          case INT, LONG -> g.writeNumber(node.longValue());
          case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
          case FLOAT -> g.writeNumber(node.floatValue());
          case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
          default -> g.writeNumber(node.doubleValue());
        }
      }
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL, MISSING -> g.writeNull();
      case STRING -> g.writeString(node.textValue());
      case BINARY -> g.writeBinary(node.binaryValue());
      default ->
          // POJO nodes need a mapper to serialise; the guardian never builds them.
          throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node");
    }
  }
}
