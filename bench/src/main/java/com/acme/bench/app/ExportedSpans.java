package com.acme.bench.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * Spans that reached the destination so far: the local receiver's {@code otlp_spans} counter, or
 * the spans in the OTLP JSON-lines file (its {@code "spanId"} fields, counted incrementally).
 */
final class ExportedSpans {
  private static final byte[] SPAN_ID = "\"spanId\"".getBytes(StandardCharsets.US_ASCII);

  private final LongSupplier counter;

  private ExportedSpans(LongSupplier counter) {
    this.counter = counter;
  }

  /** {@code otlp:http://127.0.0.1:PORT} or {@code file:PATH}. */
  static ExportedSpans parse(String spec) {
    if (spec.startsWith("otlp:")) {
      String stats = spec.substring("otlp:".length()) + "/stats";
      return new ExportedSpans(() -> receiverSpans(stats));
    }
    if (spec.startsWith("file:")) {
      return new ExportedSpans(new FileSpans(Paths.get(spec.substring("file:".length()))));
    }
    throw new IllegalArgumentException("--exported must be otlp:URL or file:PATH, not " + spec);
  }

  long count() {
    return counter.getAsLong();
  }

  private static long receiverSpans(String stats) {
    try (InputStream in = new URL(stats).openStream()) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\n")) {
        if (line.startsWith("otlp_spans=")) {
          return Long.parseLong(line.substring("otlp_spans=".length()).trim());
        }
      }
      throw new IllegalStateException("no otlp_spans in " + stats);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts {@code "spanId"} in the bytes appended since the last call (a line is written whole). */
  private static final class FileSpans implements LongSupplier {
    private final Path file;
    private long offset;
    private long spans;
    private int matched; // how much of SPAN_ID the bytes read so far end with

    FileSpans(Path file) {
      this.file = file;
    }

    @Override
    public long getAsLong() {
      if (!Files.exists(file)) {
        return 0;
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
          InputStream in = Channels.newInputStream(channel.position(offset))) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          offset += n;
          for (int i = 0; i < n; i++) {
            matched = buffer[i] == SPAN_ID[matched] ? matched + 1 : (buffer[i] == SPAN_ID[0] ? 1 : 0);
            if (matched == SPAN_ID.length) {
              spans++;
              matched = 0;
            }
          }
        }
        return spans;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
