/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import io.sesguardian.domain.feedback.FeedbackNormalizer;
import io.sesguardian.domain.feedback.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ParameterException;

/**
 * Expands the paths given on the command line into input files, and streams each file's documents
 * with bounded memory: a JSON Lines file line by line ({@code FILE:LINE}), a file holding a JSON
 * array element by element ({@code FILE#INDEX}), any other file as one document. A UTF-8 byte order
 * mark is skipped; invalid UTF-8, an oversized document and an I/O error become rejections naming
 * the line, element or file, and the other documents still go through.
 */
final class InputFiles {

  /** The largest document held in memory: what the normaliser accepts at most. */
  static final int MAX_DOCUMENT_BYTES = FeedbackNormalizer.MAX_DOCUMENT_CHARS;

  private InputFiles() {}

  /** One document to normalise, named the way rejections will name it. */
  record Document(String source, String text) {}

  /** Receives what a file holds, in order. */
  interface Sink {
    void document(Document document);

    /** A part of the input that could not become a document, with why. */
    void unreadable(Rejection rejection);
  }

  /**
   * The files to read and the folders that could not be listed.
   *
   * @param files {@code *.json} / {@code *.jsonl} under the folders given, and files as given
   * @param unreadable one rejection per folder or file the operating system refused to list
   * @param bytes the files' total size, for progress
   */
  record Inputs(List<Path> files, List<Rejection> unreadable, long bytes) {}

  /** Files as given, and {@code *.json} / {@code *.jsonl} files found under directories. */
  static Inputs expand(List<Path> paths, picocli.CommandLine cmd) {
    List<Path> files = new ArrayList<>();
    List<Rejection> unreadable = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> found = new ArrayList<>();
        try {
          Files.walkFileTree(
              path,
              new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                  String name = file.toString();
                  if (attrs.isRegularFile()
                      && (name.endsWith(".json") || name.endsWith(".jsonl"))) {
                    found.add(file);
                  }
                  return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                  unreadable.add(cannotRead(file.toString(), e));
                  return FileVisitResult.CONTINUE;
                }
              });
        } catch (IOException e) {
          unreadable.add(cannotRead(path.toString(), e));
        }
        found.sort(null);
        files.addAll(found);
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new ParameterException(
            cmd, "no such file or directory: " + path + " (give SES feedback files or folders)");
      }
    }
    long bytes = 0;
    for (Path f : files) {
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        // Reported when the file is read.
      }
    }
    return new Inputs(List.copyOf(files), List.copyOf(unreadable), bytes);
  }

  /**
   * Streams every input into {@code sink}: first the folders that could not be listed, then each
   * file's documents, reporting bytes and documents to {@code progress}.
   */
  static void readAll(Inputs inputs, Sink sink, Progress progress) {
    inputs.unreadable().forEach(sink::unreadable);
    Sink counting =
        new Sink() {
          @Override
          public void document(Document document) {
            progress.document();
            sink.document(document);
          }

          @Override
          public void unreadable(Rejection rejection) {
            sink.unreadable(rejection);
          }
        };
    long finished = 0;
    for (Path file : inputs.files()) {
      long before = finished;
      read(file, counting, bytes -> progress.bytes(before, bytes));
      try {
        finished += Files.size(file);
      } catch (IOException e) {
        // Already reported as unreadable by read().
      }
    }
    progress.done();
  }

  /**
   * Streams one file's documents into {@code sink}; {@code progress} receives the bytes read so
   * far. Never throws for bad content or I/O: those become rejections.
   */
  static void read(Path file, Sink sink, java.util.function.LongConsumer progress) {
    String name = file.toString();
    try (Bytes in = new Bytes(Files.newInputStream(file), progress)) {
      in.skipBom();
      if (name.endsWith(".jsonl")) {
        lines(name, in, sink);
        return;
      }
      int first = in.peekNonSpace();
      if (first == '[') {
        in.read();
        elements(name, in, sink);
      } else if (first >= 0) {
        whole(name, in, sink);
      }
    } catch (IOException e) {
      sink.unreadable(cannotRead(name, e));
    }
  }

  /** JSON Lines: a document per non-blank line, found by scanning the buffer for newlines. */
  private static void lines(String name, Bytes in, Sink sink) throws IOException {
    Buffer line = new Buffer();
    int number = 0;
    while (true) {
      boolean more = in.readLine(line);
      number++;
      line.trimCarriageReturn();
      emit(name + ":" + number, line, sink);
      line.reset();
      if (!more) {
        return;
      }
    }
  }

  /** A JSON array: a document per element, found by tracking strings and nesting byte by byte. */
  private static void elements(String name, Bytes in, Sink sink) throws IOException {
    Buffer element = new Buffer();
    int index = 0;
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    while (true) {
      int b = in.read();
      if (b < 0) {
        sink.unreadable(
            new Rejection(
                name + "#" + index,
                Rejection.Code.NOT_JSON,
                "not JSON: the file ends before the array's closing ]"));
        return;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
        element.add(b);
        continue;
      }
      if (depth == 0 && (b == ',' || b == ']')) {
        if (!element.isBlank()) {
          emit(name + "#" + index, element, sink);
          index++;
        } else if (b == ',' || index > 0) {
          sink.unreadable(
              new Rejection(
                  name + "#" + index, Rejection.Code.NOT_JSON, "not JSON: an empty array element"));
          index++;
        }
        element.reset();
        if (b == ']') {
          trailing(name, in, sink);
          return;
        }
        continue;
      }
      if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
      }
      element.add(b);
    }
  }

  private static void trailing(String name, Bytes in, Sink sink) throws IOException {
    if (in.peekNonSpace() >= 0) {
      sink.unreadable(
          new Rejection(
              name, Rejection.Code.NOT_JSON, "not JSON: more text after the array's closing ]"));
    }
  }

  /** Any other file: one document. */
  private static void whole(String name, Bytes in, Sink sink) throws IOException {
    Buffer all = new Buffer();
    for (int b = in.read(); b >= 0; b = in.read()) {
      all.add(b);
    }
    emit(name, all, sink);
  }

  private static void emit(String source, Buffer bytes, Sink sink) {
    if (bytes.overflowed()) {
      sink.unreadable(
          new Rejection(
              source,
              Rejection.Code.TOO_LARGE,
              String.format(
                  Locale.ROOT,
                  "is %d bytes, over the %d-byte limit for one document",
                  bytes.seen(),
                  MAX_DOCUMENT_BYTES)));
      return;
    }
    if (bytes.isBlank()) {
      return;
    }
    try {
      // Most feedback is plain ASCII: that needs no decoder (a Latin-1 copy is exact for it).
      String text =
          bytes.isAscii()
              ? new String(bytes.array(), 0, bytes.size(), StandardCharsets.ISO_8859_1)
              : StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(bytes.array(), 0, bytes.size()))
                  .toString();
      sink.document(new Document(source, text));
    } catch (CharacterCodingException e) {
      sink.unreadable(
          new Rejection(
              source,
              Rejection.Code.NOT_UTF8,
              "is not valid UTF-8 (JSON text must be, RFC 8259 section 8.1); re-encode the file"));
    }
  }

  private static Rejection cannotRead(String source, IOException e) {
    return new Rejection(
        source,
        Rejection.Code.UNREADABLE,
        "cannot be read ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "); check it exists and is readable");
  }

  /**
   * The bytes of one document, up to {@link #MAX_DOCUMENT_BYTES}; past that only counted. Used by
   * one thread at a time (a plain array, not a synchronized stream).
   */
  private static final class Buffer {
    private byte[] buf = new byte[1 << 10];
    private int count;
    private long seen;

    void add(int b) {
      seen++;
      if (seen <= MAX_DOCUMENT_BYTES) {
        if (count == buf.length) {
          buf = java.util.Arrays.copyOf(buf, Math.min(MAX_DOCUMENT_BYTES, buf.length * 2));
        }
        buf[count++] = (byte) b;
      }
    }

    void add(byte[] bytes, int from, int length) {
      long room = MAX_DOCUMENT_BYTES - seen;
      seen += length;
      int keep = (int) Math.max(0, Math.min(length, room));
      if (keep > 0) {
        if (count + keep > buf.length) {
          buf =
              java.util.Arrays.copyOf(
                  buf, Math.max(count + keep, Math.min(MAX_DOCUMENT_BYTES, buf.length * 2)));
        }
        System.arraycopy(bytes, from, buf, count, keep);
        count += keep;
      }
    }

    boolean overflowed() {
      return seen > MAX_DOCUMENT_BYTES;
    }

    long seen() {
      return seen;
    }

    byte[] array() {
      return buf;
    }

    int size() {
      return count;
    }

    /** Whether every byte is ASCII (then UTF-8 and Latin-1 read it alike). */
    boolean isAscii() {
      for (int i = 0; i < count; i++) {
        if (buf[i] < 0) {
          return false;
        }
      }
      return true;
    }

    boolean isBlank() {
      for (int i = 0; i < count; i++) {
        if (!Character.isWhitespace(buf[i])) {
          return false;
        }
      }
      return true;
    }

    void trimCarriageReturn() {
      if (count > 0 && buf[count - 1] == '\r') {
        count--;
        seen--;
      }
    }

    void reset() {
      count = 0;
      seen = 0;
      if (buf.length > 1 << 16) {
        buf = new byte[1 << 10]; // do not keep one huge document's buffer for the rest
      }
    }
  }

  /**
   * A buffered byte stream that reports how far it has read. Its own buffer rather than a {@code
   * BufferedInputStream}, whose synchronized {@code read()} per byte was half of a replay's time.
   */
  private static final class Bytes implements AutoCloseable {
    private static final int REPORT_EVERY = 1 << 20;
    private final InputStream in;
    private final java.util.function.LongConsumer progress;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long read;
    private long reported;

    Bytes(InputStream raw, java.util.function.LongConsumer progress) {
      this.in = raw;
      this.progress = progress;
    }

    /**
     * Whether at least {@code n} bytes are buffered after reading more as needed (fewer at EOF).
     */
    private boolean fill(int n) throws IOException {
      if (limit - pos >= n) {
        return true;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      while (limit < n) {
        int got = in.read(buf, limit, buf.length - limit);
        if (got < 0) {
          return false;
        }
        limit += got;
      }
      return true;
    }

    private void consumed(int n) {
      pos += n;
      read += n;
      if (read - reported >= REPORT_EVERY) {
        reported = read - read % REPORT_EVERY;
        progress.accept(read);
      }
    }

    int read() throws IOException {
      if (pos == limit && !fill(1)) {
        return -1;
      }
      int b = buf[pos] & 0xff;
      consumed(1);
      return b;
    }

    /**
     * Appends the bytes up to the next newline to {@code line} and consumes the newline; false when
     * the input ended instead.
     */
    boolean readLine(Buffer line) throws IOException {
      while (true) {
        if (pos == limit && !fill(1)) {
          return false;
        }
        int start = pos;
        int end = start;
        while (end < limit && buf[end] != '\n') {
          end++;
        }
        line.add(buf, start, end - start);
        if (end < limit) {
          consumed(end - start + 1);
          return true;
        }
        consumed(end - start);
      }
    }

    void skipBom() throws IOException {
      fill(3);
      if (limit - pos >= 3
          && (buf[pos] & 0xff) == 0xEF
          && (buf[pos + 1] & 0xff) == 0xBB
          && (buf[pos + 2] & 0xff) == 0xBF) {
        consumed(3);
      }
    }

    /** The next byte that is not white space, left unread; -1 at the end. */
    int peekNonSpace() throws IOException {
      while (true) {
        if (pos == limit && !fill(1)) {
          return -1;
        }
        int b = buf[pos] & 0xff;
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          return b;
        }
        consumed(1);
      }
    }

    @Override
    public void close() throws IOException {
      progress.accept(read);
      in.close();
    }
  }
}
