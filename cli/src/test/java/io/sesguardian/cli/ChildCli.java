/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code guardian} launcher class ({@link GuardianCli#main}) in a JVM of its own, as a
 * user runs it: its own process, its own exit status ({@code System.exit}), its own stdout and
 * stderr. For what only separate processes show: file locks, {@code kill -9}, exit codes.
 */
final class ChildCli {

  private ChildCli() {}

  /** What a finished child printed and returned. */
  record Result(int exit, String out, String err) {}

  /** A started child whose output goes to files in {@code dir}. */
  record Running(Process process, Path out, Path err) {
    Result await() throws Exception {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the child JVM did not finish within 120 s");
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Waits until the child's stderr holds {@code text}. */
    void awaitErr(String text) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(err).contains(text)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError(
              "the child never printed '" + text + "' on stderr: " + Files.readString(err));
        }
        Thread.sleep(50);
      }
    }
  }

  /** Runs {@code guardian args...} to the end. */
  static Result run(Path dir, String... args) throws Exception {
    return start(dir, GuardianCli.class, args).await();
  }

  /** Starts {@code mainClass} (from this test's class path) with {@code args}. */
  static Running start(Path dir, Class<?> mainClass, String... args) throws IOException {
    return start(dir, java.util.Map.of(), mainClass, args);
  }

  /** Like {@link #start(Path, Class, String...)}, with {@code env} added to the environment. */
  static Running start(
      Path dir, java.util.Map<String, String> env, Class<?> mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "child", ".out");
    Path err = Files.createTempFile(dir, "child", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    return new Running(process, out, err);
  }
}
