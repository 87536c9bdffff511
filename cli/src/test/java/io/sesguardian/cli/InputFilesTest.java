/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sesguardian.domain.feedback.Rejection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @TempDir Path dir;

  private final List<InputFiles.Document> documents = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final InputFiles.Sink sink =
      new InputFiles.Sink() {
        @Override
        public void document(InputFiles.Document document) {
          documents.add(document);
        }

        @Override
        public void unreadable(Rejection rejection) {
          rejections.add(rejection);
        }
      };

  private Path write(String name, byte[]... parts) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      all.write(p);
    }
    Path file = dir.resolve(name);
    Files.write(file, all.toByteArray());
    return file;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] BAD = {(byte) 0xC3, (byte) 0x28};

  @Test
  void jsonLines_skipABom_andRejectOnlyTheLineWithInvalidUtf8() throws Exception {
    Path file =
        write("in.jsonl", BOM, utf8("{\"a\":1}\r\n{\"b\":\""), BAD, utf8("\"}\n\n{\"c\":3}"));
    InputFiles.read(file, sink, b -> {});
    assertThat(documents)
        .extracting(InputFiles.Document::source, InputFiles.Document::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(file + ":1", "{\"a\":1}"),
            org.assertj.core.groups.Tuple.tuple(file + ":4", "{\"c\":3}"));
    assertThat(rejections)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.source()).isEqualTo(file + ":2");
              assertThat(r.code()).isEqualTo(Rejection.Code.NOT_UTF8);
            });
  }

  @Test
  void jsonArrays_streamElementByElement_withStringsThatLookLikeStructure() throws Exception {
    Path file =
        write(
            "in.json",
            BOM,
            utf8("[ {\"s\":\"a ] , \\\" [ {\"}, [1,[2]] ,\n \"x\", {\"bad\":\""),
            BAD,
            utf8("\"}, 42 ]  \n"));
    InputFiles.read(file, sink, b -> {});
    assertThat(documents)
        .extracting(InputFiles.Document::source, InputFiles.Document::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(file + "#0", " {\"s\":\"a ] , \\\" [ {\"}"),
            org.assertj.core.groups.Tuple.tuple(file + "#1", " [1,[2]] "),
            org.assertj.core.groups.Tuple.tuple(file + "#2", "\n \"x\""),
            org.assertj.core.groups.Tuple.tuple(file + "#4", " 42 "));
    assertThat(rejections)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.source()).isEqualTo(file + "#3");
              assertThat(r.code()).isEqualTo(Rejection.Code.NOT_UTF8);
            });
  }

  @Test
  void truncatedOrTrailingArrays_andEmptyElements_areRejectedNamingWhere() throws Exception {
    Path truncated = write("t.json", utf8("[{\"a\":1}, {\"b\":"));
    Path trailing = write("x.json", utf8("[1,,2] extra"));
    InputFiles.read(truncated, sink, b -> {});
    InputFiles.read(trailing, sink, b -> {});
    assertThat(documents)
        .extracting(InputFiles.Document::source)
        .containsExactly(truncated + "#0", trailing + "#0", trailing + "#2");
    assertThat(rejections)
        .extracting(Rejection::source)
        .containsExactly(truncated + "#1", trailing + "#1", trailing.toString());
  }

  @Test
  void aFileThatCannotBeRead_isARejectionNamingIt_notAnError() {
    Path missing = dir.resolve("gone.json");
    InputFiles.read(missing, sink, b -> {});
    assertThat(rejections)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.source()).isEqualTo(missing.toString());
              assertThat(r.code()).isEqualTo(Rejection.Code.UNREADABLE);
              assertThat(r.reason()).contains("NoSuchFileException");
            });
  }

  @Test
  void aSingleDocumentFile_isOneDocument_andAnArrayIsNotLimitedByTheDocumentSize()
      throws Exception {
    Path single = write("one.json", BOM, utf8("\n {\"notificationType\":\"Bounce\"}\n"));
    InputFiles.read(single, sink, b -> {});
    assertThat(documents)
        .singleElement()
        .satisfies(d -> assertThat(d.source()).isEqualTo(single.toString()));
    documents.clear();
    // 12 MB of array (over the 8 MB one-document limit), in 1 MB elements.
    String element = "{\"pad\":\"" + "x".repeat(1 << 20) + "\"}";
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 12; i++) {
      big.append(i == 0 ? "" : ",").append(element);
    }
    Path array = write("big.json", utf8(big.append("]").toString()));
    long[] progress = {0};
    InputFiles.read(array, sink, b -> progress[0] = b);
    assertThat(documents).hasSize(12);
    assertThat(rejections).isEmpty();
    assertThat(progress[0]).isEqualTo(Files.size(array));
  }
}
