package dev.perfagent.bootstrap;

import java.util.Map;
import java.util.Optional;

/**
 * One step of a property path ({@code usage} in {@code return.usage.inputTokens}). How the step is
 * read is resolved once per runtime class and cached.
 */
final class PropertyStep {
  private final String name;
  private final String label;
  private final ClassValue<Accessor> accessors =
      new ClassValue<Accessor>() {
        @Override
        protected Accessor computeValue(Class<?> type) {
          Accessor accessor = Accessors.resolve(type, name);
          if (accessor == Accessor.MISSING && label != null) {
            MissingSteps.report(label, type, name);
          }
          return accessor;
        }
      };

  /** The last class seen and its accessor, in one object so that a reader never mixes two. */
  private volatile Resolved last = Resolved.NONE;

  PropertyStep(String name, String label) {
    this.name = name;
    this.label = label;
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
      return MapLookup.get((Map<?, ?>) value, name);
    }
    Class<?> type = value.getClass();
    Resolved cached = last;
    if (cached.type != type) {
      cached = new Resolved(type, accessors.get(type));
      last = cached;
    }
    return cached.accessor.read(value);
  }

  private static final class Resolved {
    static final Resolved NONE = new Resolved(null, Accessor.MISSING);

    final Class<?> type;
    final Accessor accessor;

    Resolved(Class<?> type, Accessor accessor) {
      this.type = type;
      this.accessor = accessor;
    }
  }
}
