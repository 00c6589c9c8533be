package dev.perfagent.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
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
  private static final int DEEPEST = 64;

  /** Null when this describes what a class loader sees. */
  private final ClassFileSource source;
  /**
   * The class loader, when this describes what one sees; weakly, as this is kept per loader while the
   * loader lives. Null for the boot loader's classes and for a class path.
   */
  private final WeakReference<ClassLoader> loader;
  private final boolean forLoader;
  /** Null when this describes a class path: then the supertypes are walked here. */
  private final SupertypeNames supertypeNames;
  private final Map<String, ClassFacts> known = new ConcurrentHashMap<>();

  private TypeFacts(ClassFileSource source, ClassLoader loader, boolean forLoader, SupertypeNames supertypeNames) {
    this.source = source;
    this.loader = loader == null ? null : new WeakReference<>(loader);
    this.forLoader = forLoader;
    this.supertypeNames = supertypeNames;
  }

  /** The classes {@code loader} (null: the boot loader) sees, supertypes' names from {@code supertypes}. */
  static TypeFacts of(ClassLoader loader, SupertypeNames supertypes) {
    return new TypeFacts(null, loader, true, supertypes);
  }

  /** The classes of {@code source} alone. */
  public static TypeFacts of(ClassFileSource source) {
    return new TypeFacts(source, null, false, null);
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
   * The internal names of all supertypes of {@code type} (itself not included); throws {@link
   * MissingType} when one of them cannot be found.
   */
  Set<String> supertypes(ClassFacts type) {
    if (supertypeNames != null) {
      Set<String> names = supertypeNames.of(loader(), type.directSupertypes());
      if (names != null) {
        return names;
      }
    }
    Set<String> all = new HashSet<>();
    walk(type, all, 0);
    return all;
  }

  private ClassLoader loader() {
    return loader == null ? null : loader.get();
  }

  private void walk(ClassFacts type, Set<String> all, int depth) {
    if (depth > DEEPEST) {
      throw new MissingType(type.internalName + "'s supertypes (too deep)");
    }
    for (String name : type.directSupertypes()) {
      if (all.add(name) && !name.equals(OBJECT)) {
        walk(require(name), all, depth + 1);
      }
    }
  }

  /** Whether {@code type} is {@code internalName} or one of its subtypes. */
  boolean isAssignableTo(ClassFacts type, String internalName) {
    return type.internalName.equals(internalName) || internalName.equals(OBJECT)
        || supertypes(type).contains(internalName);
  }

  private ClassFacts describe(String internalName) {
    ClassLoader classLoader = loader();
    if (forLoader && loader != null && classLoader == null) {
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

  /** The class file of {@code internalName} as a resource of {@code loader}, or null. */
  static byte[] resource(ClassLoader loader, String internalName) {
    String resource = internalName + ".class";
    try (InputStream in = loader == null
        ? ClassLoader.getSystemResourceAsStream(resource)
        : loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
