/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.runtimeit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the IT needs from {@code template.yaml}: each function's handler, jar, timeout, memory and
 * environment (globals included), the log format, and which {@code SesGuardian} metrics alarms
 * watch. Read with a small block-mapping reader rather than a YAML library, because
 * CloudFormation's short-form tags ({@code !Ref}) are not plain YAML; flow mappings and list items
 * stay raw text.
 */
final class Template {

  private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_.:-]+):(?:\\s+(.*))?$");

  /** One function resource. */
  record Function(
      String resource,
      String handler,
      String codeUri,
      String module,
      int timeoutSeconds,
      int memoryMb) {

    /** The {@code Function} dimension of its metrics: the module (both ingest wirings share it). */
    String metricsFunction() {
      return module;
    }
  }

  private final Map<String, Object> root;

  private Template(Map<String, Object> root) {
    this.root = root;
  }

  static Template read(Path file) throws IOException {
    return new Template(parse(Files.readAllLines(file)));
  }

  Function function(String resource) {
    Map<String, Object> props = map(root, "Resources", resource, "Properties");
    Map<String, Object> globals = map(root, "Globals", "Function");
    String codeUri = scalar(props, "CodeUri");
    Matcher m = Pattern.compile("functions/([a-z]+)/target/\\1\\.jar").matcher(codeUri);
    if (!m.matches()) {
      throw new IllegalStateException(resource + " CodeUri is not a module's jar: " + codeUri);
    }
    return new Function(
        resource,
        scalar(props, "Handler"),
        codeUri,
        m.group(1),
        Integer.parseInt(
            props.containsKey("Timeout") ? scalar(props, "Timeout") : scalar(globals, "Timeout")),
        Integer.parseInt(
            props.containsKey("MemorySize")
                ? scalar(props, "MemorySize")
                : scalar(globals, "MemorySize")));
  }

  String logFormat() {
    return scalar(map(root, "Globals", "Function", "LoggingConfig"), "LogFormat");
  }

  /**
   * The function's environment as the template sets it: literal values as written, {@code !Ref}
   * values from {@code resources} (local stand-ins for resources and chosen parameters), else the
   * parameter's default. A reference with neither fails, so the IT follows the template.
   */
  Map<String, String> environment(String resource, Map<String, String> resources) {
    Map<String, String> env = new LinkedHashMap<>();
    List<Map<String, Object>> sources =
        List.of(
            map(root, "Globals", "Function", "Environment", "Variables"),
            map(root, "Resources", resource, "Properties", "Environment", "Variables"));
    for (Map<String, Object> vars : sources) {
      vars.forEach((name, value) -> env.put(name, resolve(String.valueOf(value), resources)));
    }
    return env;
  }

  private String resolve(String value, Map<String, String> resources) {
    if (!value.startsWith("!")) {
      return unquote(value);
    }
    Matcher sub = Pattern.compile("!Sub\\s+(.+)").matcher(value);
    if (sub.matches()) {
      // One-line !Sub: each ${Name} resolved like a !Ref (pseudo parameters need stand-ins).
      Matcher variable = Pattern.compile("\\$\\{([A-Za-z0-9.:]+)}").matcher(unquote(sub.group(1)));
      StringBuilder out = new StringBuilder();
      while (variable.find()) {
        variable.appendReplacement(
            out, Matcher.quoteReplacement(lookUp(variable.group(1), resources)));
      }
      variable.appendTail(out);
      return out.toString();
    }
    Matcher ref = Pattern.compile("!Ref\\s+([A-Za-z0-9.]+)").matcher(value);
    if (!ref.matches()) {
      throw new IllegalStateException("the IT cannot resolve " + value + " yet");
    }
    return lookUp(ref.group(1), resources);
  }

  private String lookUp(String name, Map<String, String> resources) {
    if (resources.containsKey(name)) {
      return resources.get(name);
    }
    Object parameter = map(root, "Parameters").get(name);
    if (parameter instanceof Map<?, ?> p && p.containsKey("Default")) {
      return unquote(String.valueOf(p.get("Default")));
    }
    if (parameter instanceof String flow) {
      Matcher d = Pattern.compile("Default:\\s*('([^']*)'|[^,}\\s]+)").matcher(flow);
      if (d.find()) {
        return d.group(2) != null ? d.group(2) : d.group(1);
      }
    }
    throw new IllegalStateException(
        "template.yaml references " + name + ": give the IT a local stand-in for it");
  }

  /** Function dimension value → metric names of the alarms in namespace SesGuardian. */
  Map<String, Set<String>> alarmMetrics() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    map(root, "Resources")
        .forEach(
            (name, value) -> {
              if (!(value instanceof Map<?, ?> r)
                  || !"AWS::CloudWatch::Alarm".equals(r.get("Type"))) {
                return;
              }
              Map<String, Object> props = map(root, "Resources", name, "Properties");
              if (!"SesGuardian".equals(props.get("Namespace"))) {
                return;
              }
              for (Object dim : (List<?>) props.getOrDefault("Dimensions", List.of())) {
                Matcher f =
                    Pattern.compile("Name:\\s*Function,\\s*Value:\\s*([A-Za-z0-9-]+)")
                        .matcher(String.valueOf(dim));
                if (f.find()) {
                  out.computeIfAbsent(f.group(1), k -> new LinkedHashSet<>())
                      .add(scalar(props, "MetricName"));
                }
              }
            });
    return out;
  }

  // ----- the reader

  private static final class Frame {
    final int indent;
    final Map<String, Object> map;
    final Map<String, Object> parent;
    final String key;

    Frame(int indent, Map<String, Object> map, Map<String, Object> parent, String key) {
      this.indent = indent;
      this.map = map;
      this.parent = parent;
      this.key = key;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(List<String> lines) {
    Map<String, Object> root = new LinkedHashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(-1, root, null, null));
    int skipDeeperThan = Integer.MAX_VALUE;
    for (String raw : lines) {
      String trimmed = raw.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int indent = raw.indexOf(trimmed.charAt(0));
      if (indent > skipDeeperThan) {
        continue;
      }
      skipDeeperThan = Integer.MAX_VALUE;
      while (stack.peek().indent >= indent) {
        stack.pop();
      }
      Frame top = stack.peek();
      if (trimmed.startsWith("- ")) {
        // A list item belongs to the key that opened `top`; keep its first line as raw text.
        Object current = top.parent == null ? null : top.parent.get(top.key);
        List<Object> items;
        if (current instanceof List<?> l) {
          items = (List<Object>) l;
        } else {
          items = new ArrayList<>();
          if (top.parent != null) {
            top.parent.put(top.key, items);
          }
        }
        items.add(trimmed.substring(2).strip());
        skipDeeperThan = indent;
        continue;
      }
      Matcher m = KEY.matcher(trimmed);
      if (!m.matches()) {
        continue;
      }
      String key = m.group(1);
      String value = m.group(2) == null ? "" : m.group(2).strip();
      if (value.isEmpty()) {
        Map<String, Object> child = new LinkedHashMap<>();
        top.map.put(key, child);
        stack.push(new Frame(indent, child, top.map, key));
      } else {
        top.map.put(key, unquote(value));
        if (value.matches("[>|][-+]?") || value.matches("!\\w+\\s+[>|][-+]?")) {
          skipDeeperThan = indent;
        }
      }
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> from, String... path) {
    Map<String, Object> m = from;
    for (String key : path) {
      Object next = m.get(key);
      if (!(next instanceof Map)) {
        return Map.of();
      }
      m = (Map<String, Object>) next;
    }
    return m;
  }

  private static String scalar(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String s)) {
      throw new IllegalStateException("template.yaml has no " + key + " here: " + m.keySet());
    }
    return s;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith("\"") && v.endsWith("\"")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
