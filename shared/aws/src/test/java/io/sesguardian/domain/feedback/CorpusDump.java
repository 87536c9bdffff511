/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.domain.feedback;

import io.sesguardian.aws.FeedbackEnvelopes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Prints what each corpus file normalises to, in the golden file's format (a review aid). */
final class CorpusDump {
  private CorpusDump() {}

  public static void main(String[] args) throws Exception {
    FeedbackNormalizer normalizer = new FeedbackNormalizer();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        for (String line :
            RecordText.render(
                FeedbackEnvelopes.normalizeDocument(normalizer, name, Files.readString(file)))) {
          System.out.println(name + "\t" + line);
        }
      }
    }
  }
}
