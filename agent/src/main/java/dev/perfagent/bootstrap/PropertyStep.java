package dev.perfagent.bootstrap;

import java.util.Map;
import java.util.Optional;

/**
 * One step of a property path ({@code usage} in {@code return.usage.inputTokens}). How the step is
 * read is resolved once per runtime class and cached.
 */
final class PropertyStep {
  private final String name;
  private final ClassValue<Accessor> accessors =
      new ClassValue<Accessor>() {
        @Override
        protected Accessor computeValue(Class<?> type) {
          return Accessors.resolve(type, name);
        }
      };

  PropertyStep(String name) {
    this.name = name;
  }

  Object apply(Object target) throws Throwable {
    Object value = target;
    if (value instanceof Optional) {
      value = ((Optional<?>) value).orElse(null);
      if (value == null) {
        return null;
      }
    }
    if (value instanceof Map) {
      return ((Map<?, ?>) value).get(name);
    }
    return accessors.get(value.getClass()).read(value);
  }
}
