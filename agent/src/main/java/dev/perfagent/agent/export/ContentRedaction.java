package dev.perfagent.agent.export;

import dev.perfagent.config.Secrets;

/**
 * Masks the values of secret-named keys in captured message content ({@link Secrets#redact}: the
 * same secret words the agent's log is masked with), on the exporter thread, so that the application
 * thread only freezes the text.
 */
final class ContentRedaction {
  private ContentRedaction() {}

  /** A frozen content value, a String or a String[], with its secrets masked; other values as they are. */
  static Object redact(Object value) {
    if (value instanceof String) {
      return Secrets.redact((String) value);
    }
    if (value instanceof String[]) {
      String[] texts = ((String[]) value).clone();
      for (int i = 0; i < texts.length; i++) {
        texts[i] = Secrets.redact(texts[i]);
      }
      return texts;
    }
    return value;
  }
}
