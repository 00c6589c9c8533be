package dev.perfagent.agent.readonly;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;

/**
 * The rule for code whose bytecode is not analysed: the JDK's methods (and the Kotlin runtime's null
 * checks) that only read, as listed in {@value #LIST}. A class is the JDK's when the platform class
 * loader can load it.
 */
final class TrustedMethods {
  static final String LIST = "read-only-jdk-methods.txt";
  private static final String CREATED_ONLY = "created-only:";
  private static final String NOT_LISTED = "it is not on the list of read-only JDK methods";

  private final Map<String, Set<String>> readOnly = new HashMap<>();
  private final Map<String, Set<String>> createdOnly = new HashMap<>();
  private final Map<String, Optional<Class<?>>> jdkClasses = new ConcurrentHashMap<>();

  private TrustedMethods() {}

  static TrustedMethods load() {
    TrustedMethods methods = new TrustedMethods();
    try (InputStream in = TrustedMethods.class.getResourceAsStream(LIST);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        methods.add(line.trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return methods;
  }

  private void add(String line) {
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    String[] words = line.split("\\s+");
    Map<String, Set<String>> into = readOnly;
    for (int i = 1; i < words.length; i++) {
      if (words[i].equals(CREATED_ONLY)) {
        into = createdOnly;
      } else {
        into.computeIfAbsent(words[0], k -> new HashSet<>()).add(words[i]);
      }
    }
  }

  /** True when the list, not the bytecode, decides about methods of class {@code internalName}. */
  boolean decides(String internalName) {
    return jdkClass(internalName) != null || readOnly.containsKey(binaryName(internalName));
  }

  /**
   * Why calling {@code owner.name desc} may change state, or null when it may not; throws nothing.
   * {@code receiverCreated}: the object it is called on was created by the analysed code.
   */
  String refusal(String owner, String name, String desc, boolean receiverCreated) {
    Class<?> type = jdkClass(owner);
    String code = codeParameter(desc);
    if (code != null) {
      return "it takes code to run (" + code + ")";
    }
    if (type == null || name.equals("<init>")) {
      return listed(readOnly, binaryName(owner), name) ? null : NOT_LISTED;
    }
    for (Class<?> c : supertypes(type)) {
      if (listed(readOnly, c.getName(), name)) {
        return null;
      }
      if (listed(createdOnly, c.getName(), name)) {
        return receiverCreated ? null : "it changes an object the calling code did not create";
      }
    }
    return NOT_LISTED;
  }

  /** True when {@code owner.name} returns the object it changes (a builder's append). */
  boolean returnsReceiver(String owner, String name) {
    Class<?> type = jdkClass(owner);
    if (type != null) {
      for (Class<?> c : supertypes(type)) {
        if (listed(createdOnly, c.getName(), name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean listed(Map<String, Set<String>> list, String type, String name) {
    Set<String> names = list.get(type);
    return names != null && names.contains(name);
  }

  private String codeParameter(String desc) {
    for (Type argument : Type.getArgumentTypes(desc)) {
      if (argument.getSort() == Type.OBJECT) {
        Class<?> type = jdkClass(argument.getInternalName());
        if (type != null && type.isAnnotationPresent(FunctionalInterface.class)) {
          return type.getName();
        }
      }
    }
    return null;
  }

  private Class<?> jdkClass(String internalName) {
    return jdkClasses
        .computeIfAbsent(internalName, TrustedMethods::loadFromPlatform)
        .orElse(null);
  }

  private static Optional<Class<?>> loadFromPlatform(String internalName) {
    try {
      return Optional.of(
          Class.forName(binaryName(internalName), false, ClassLoader.getPlatformClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static Iterable<Class<?>> supertypes(Class<?> type) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (seen.add(c)) {
        if (c.getSuperclass() != null) {
          todo.add(c.getSuperclass());
        }
        todo.addAll(Arrays.asList(c.getInterfaces()));
      }
    }
    return seen;
  }

  static String binaryName(String internalName) {
    return internalName.replace('/', '.');
  }
}
