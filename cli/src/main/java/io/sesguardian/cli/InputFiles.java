/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.ParameterException;

/** Expands the paths given on the command line into input documents. */
final class InputFiles {

  private InputFiles() {}

  /** One document to normalise, named the way rejections will name it. */
  record Document(String source, String text) {}

  /** Files as given, and {@code *.json} / {@code *.jsonl} files found under directories. */
  static List<Path> expand(List<Path> paths, picocli.CommandLine cmd) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new ParameterException(
              cmd, "cannot read directory " + path + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new ParameterException(
            cmd, "no such file or directory: " + path + " (give SES feedback files or folders)");
      }
    }
    return files;
  }

  /**
   * Reads one file: a JSON Lines file ({@code .jsonl}) yields a document per non-blank line named
   * {@code FILE:LINE}; any other file is one document (a JSON array inside it is split by the
   * normaliser into {@code FILE#INDEX}).
   */
  static void read(Path file, Consumer<Document> sink) throws IOException {
    String text = Files.readString(file);
    String name = file.toString();
    if (!name.endsWith(".jsonl")) {
      sink.accept(new Document(name, text));
      return;
    }
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        sink.accept(new Document(name + ":" + (i + 1), lines[i]));
      }
    }
  }
}
