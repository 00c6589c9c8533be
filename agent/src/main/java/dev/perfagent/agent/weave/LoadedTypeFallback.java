package dev.perfagent.agent.weave;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's default type pool (lazy, fast reader, one cache per transformation) with one
 * addition: a type whose class file its class loader does not expose is described from the class
 * that loader resolves the name to, if any ({@code Class.forName(name, false, loader)}: never
 * initialized).
 *
 * <p>Why: another agent loaded first (the OpenTelemetry Java agent, for one) rewrites the classes it
 * instruments before perf-agent sees them, and makes them implement interfaces it defines at run
 * time: H2's {@code JdbcPreparedStatement} reaches perf-agent implementing
 * {@code io.opentelemetry.javaagent.bootstrap.field.VirtualFieldAccessor$java$sql$PreparedStatement$...}.
 * Such a class was defined from bytes, so there is no class file to read; neither is there for the
 * classes of a jar appended to the bootstrap search at run time, nor for an agent's own classes kept
 * as {@code .classdata}. Without this, a matcher walking the hierarchy ({@code subtype-of}) and Byte
 * Buddy's method graph failed with "Cannot resolve type description", and the class was not woven at
 * all: every JDBC span was lost, with a warning for each such class.
 *
 * <p>The fallback runs only where a class file is missing; every other type is read from its class
 * file as before, so what is woven in ordinary classes is unchanged. The types it meets are, in
 * practice, interfaces another agent defined at run time, loaded already (the other agents' own
 * classes are never looked at: {@link OtherAgentNames}); a type missing everywhere stays unresolved, as
 * the JVM could not define the class either.
 */
final class LoadedTypeFallback {
  private LoadedTypeFallback() {}

  /** A pool for one transformation: the types {@code classLoader} sees, read through {@code classFileLocator}. */
  static TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader) {
    return new TypePool.LazyFacade(
        new TypePool.Default.WithLazyResolution(
            new Cache(TypePool.CacheProvider.Simple.withObjectType(), classLoader),
            classFileLocator,
            TypePool.Default.ReaderMode.FAST));
  }

  /**
   * The pool's cache. {@link TypePool.Default.WithLazyResolution} registers a resolution here once it
   * has read (or failed to find) the class file, and answers later look-ups from here; a failed one is
   * replaced by the loaded class before it is kept.
   */
  static final class Cache implements TypePool.CacheProvider {
    private final TypePool.CacheProvider delegate;
    private final ClassLoader classLoader;

    Cache(TypePool.CacheProvider delegate, ClassLoader classLoader) {
      this.delegate = delegate;
      this.classLoader = classLoader;
    }

    @Override
    public TypePool.Resolution find(String name) {
      return delegate.find(name);
    }

    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      if (resolution.isResolved()) {
        return delegate.register(name, resolution);
      }
      Class<?> loaded = loaded(name, classLoader);
      return delegate.register(
          name,
          loaded == null ? resolution : new TypePool.Resolution.Simple(TypeDescription.ForLoadedType.of(loaded)));
    }

    @Override
    public void clear() {
      delegate.clear();
    }
  }

  /** The class {@code loader} resolves {@code name} to, not initialized, or null. */
  static Class<?> loaded(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
