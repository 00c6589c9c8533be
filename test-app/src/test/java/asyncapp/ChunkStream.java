package asyncapp;

import java.util.stream.Stream;

/** A streamed answer, shaped like the LLM SDKs' streaming responses: chunks, then close. */
public interface ChunkStream extends AutoCloseable {
  Stream<String> chunks();

  @Override
  void close();
}
