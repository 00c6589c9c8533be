package dev.perfagent.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes one class loader (or one class path) sees, described by name ({@link ClassFacts}) and
 * remembered: each class file is read once, however many classes refer to it. A class whose class
 * file cannot be read is described from the class the loader resolves its name to, if it has one
 * ({@code Class.forName(name, false, loader)}: never initialized).
 *
 * <p>Why the loaded class: another agent loaded first (the OpenTelemetry Java agent, for one) rewrites
 * the classes it instruments before perf-agent sees them and makes them implement interfaces it
 * defines at run time, from bytes: H2's {@code JdbcPreparedStatement} reaches perf-agent implementing
 * {@code io.opentelemetry.javaagent.bootstrap.field.VirtualFieldAccessor$java$sql$PreparedStatement$...},
 * which has no class file. Neither have the classes of a jar appended to the bootstrap search at run
 * time, nor an agent's own classes kept as {@code .classdata}. Without this, {@code subtype-of} could
 * not be decided for such a class and every JDBC span was lost. Every other type is read from its
 * class file.
 */
public final class TypeFacts {
  private static final String OBJECT = "java/lang/Object";
  /** Beyond this many, the descriptions are forgotten and read again when needed. */
  private static final int REMEMBERED = 4096;
  /** A hierarchy larger than any real one: a cycle in broken class files ends here. */
  private static final int MOST_SUPERTYPES = 4096;

  /** Null when this describes what a class loader sees. */
  private final ClassFileSource source;
  /**
   * The class loader, when this describes what one sees; weakly, as this is kept per loader while the
   * loader lives. Null for the boot loader's classes and for a class path.
   */
  private final WeakReference<ClassLoader> loader;
  /** Null when this describes a class path: then the supertypes are walked here. */
  private final SupertypeNames supertypeNames;
  private final Map<String, ClassFacts> known = new ConcurrentHashMap<>();

  private TypeFacts(ClassFileSource source, ClassLoader loader, SupertypeNames supertypeNames) {
    this.source = source;
    this.loader = loader == null ? null : new WeakReference<>(loader);
    this.supertypeNames = supertypeNames;
  }

  /** The classes {@code loader} (null: the boot loader) sees, supertypes' names from {@code supertypes}. */
  static TypeFacts of(ClassLoader loader, SupertypeNames supertypes) {
    return new TypeFacts(null, loader, supertypes);
  }

  /** The classes of {@code source} alone. */
  public static TypeFacts of(ClassFileSource source) {
    return new TypeFacts(source, null, null);
  }

  /** Class {@code internalName}, or null when it can be neither read nor found loaded. */
  public ClassFacts find(String internalName) {
    ClassFacts facts = known.get(internalName);
    if (facts != null) {
      return facts;
    }
    facts = describe(internalName);
    if (facts != null) {
      if (known.size() >= REMEMBERED) {
        known.clear();
      }
      known.put(internalName, facts);
    }
    return facts;
  }

  /** Class {@code internalName}; throws {@link MissingType} when it cannot be found. */
  ClassFacts require(String internalName) {
    ClassFacts facts = find(internalName);
    if (facts == null) {
      throw new MissingType(internalName);
    }
    return facts;
  }

  /**
   * Whether {@code type} is {@code internalName} or one of its subtypes. The supertypes are looked at
   * breadth first, the first match answers; throws {@link MissingType} only when there is none and a
   * supertype could not be described (it might have been the one).
   */
  boolean isAssignableTo(ClassFacts type, String internalName) {
    if (type.internalName.equals(internalName) || internalName.equals(OBJECT)) {
      return true;
    }
    if (supertypeNames != null) {
      Set<String> names = supertypeNames.of(loader(), type.directSupertypes());
      if (names != null) {
        return names.contains(internalName);
      }
    }
    Deque<String> todo = new ArrayDeque<>(Arrays.asList(type.directSupertypes()));
    Set<String> seen = new HashSet<>();
    String missing = null;
    while (!todo.isEmpty() && seen.size() < MOST_SUPERTYPES) {
      String name = todo.poll();
      if (name.equals(internalName)) {
        return true;
      }
      if (name.equals(OBJECT) || !seen.add(name)) {
        continue;
      }
      ClassFacts supertype = find(name);
      if (supertype == null) {
        missing = missing == null ? name : missing;
      } else {
        todo.addAll(Arrays.asList(supertype.directSupertypes()));
      }
    }
    if (missing != null) {
      throw new MissingType(missing);
    }
    return false;
  }

  /**
   * Remembers {@code type}, the class being woven, as the one its name stands for: looking itself up
   * (a {@code this} path) then reads no class file and loads nothing, and a class retransformed is
   * seen as it is now.
   */
  void remember(ClassFacts type) {
    known.put(type.internalName, type);
  }

  private ClassLoader loader() {
    return loader == null ? null : loader.get();
  }

  private ClassFacts describe(String internalName) {
    boolean forLoader = source == null;
    ClassLoader classLoader = loader();
    if (loader != null && classLoader == null) {
      return null; // the loader is gone: nothing of it is woven any more
    }
    byte[] classFile = forLoader ? resource(classLoader, internalName) : source.classFile(internalName);
    if (classFile != null) {
      try {
        return ClassFacts.read(classFile);
      } catch (RuntimeException e) {
        // not a class file the reader understands: as if there were none
      }
    }
    if (!forLoader) {
      return null;
    }
    try {
      return ClassFacts.of(Class.forName(internalName.replace('/', '.'), false, classLoader));
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * The class file of {@code internalName} as a resource of {@code loader}, or null; for the boot
   * loader (null), what the platform loader sees, which includes the boot loader's and not the
   * application's class path.
   */
  static byte[] resource(ClassLoader loader, String internalName) {
    String resource = internalName + ".class";
    try (InputStream in = (loader == null ? ClassLoader.getPlatformClassLoader() : loader).getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
