package dev.perfagent.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the pointcuts of a perf-agent YAML file into the method lists of the other agents, so that
 * they trace the same methods: {@code otel.instrumentation.methods.include} ({@code Class[m1,m2];...})
 * and Elastic's {@code trace_methods} ({@code Class#m1,Class#m2}). The class and method patterns
 * ({@code *}, {@code **}) and {@code subtype-of} are expanded against the classes in the
 * application jar. Pointcuts on {@code java.sql} types are left out: both agents trace JDBC with
 * their own built-in instrumentation, which stays on.
 *
 * <p>Reads only the block-style YAML of the pointcut list (keys {@code name}, {@code class},
 * {@code subtype-of}, {@code method} at the indentation of {@code name}), which is all this needs.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.perfagent.bench.MethodList perf-agent.yaml app.jar}
 * prints {@code otel=...} and {@code elastic=...} lines. Fails if a pointcut matches nothing.
 */
public final class MethodList {
  private static final Pattern NAME = Pattern.compile("^(\\s*)- name:\\s*(\\S+)\\s*$");

  private MethodList() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: MethodList perf-agent.yaml app.jar");
      System.exit(2);
    }
    List<Map<String, String>> pointcuts = readPointcuts(Paths.get(args[0]));
    Path jar = Paths.get(args[1]);
    List<String> classNames = classNames(jar);
    Map<String, TreeSet<String>> methods = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (Map<String, String> p : pointcuts) {
        String supertype = p.get("subtype-of");
        if (supertype != null && supertype.startsWith("java.sql.")) {
          System.err.println("MethodList: " + p.get("name") + ": JDBC, left to the agents' own JDBC instrumentation");
          continue;
        }
        Pattern classPattern = p.containsKey("class") ? glob(p.get("class"), true) : null;
        Pattern methodPattern = glob(p.getOrDefault("method", "*"), false);
        Class<?> superClass = null;
        if (supertype != null) {
          try {
            superClass = Class.forName(supertype, false, loader);
          } catch (Throwable t) {
            problems.add(p.get("name") + ": subtype-of " + supertype + " not found in " + jar);
            continue;
          }
        }
        String scope = supertype == null ? null : packageRoot(supertype);
        int found = 0;
        for (String name : classNames) {
          if (classPattern != null ? !classPattern.matcher(name).matches() : !name.startsWith(scope)) {
            continue;
          }
          Class<?> c;
          try {
            c = Class.forName(name, false, loader);
          } catch (Throwable t) {
            continue;
          }
          if (c.isInterface() || (superClass != null && !superClass.isAssignableFrom(c))) {
            continue;
          }
          Method[] declared;
          try {
            declared = c.getDeclaredMethods();
          } catch (Throwable t) {
            continue;
          }
          for (Method m : declared) {
            if (m.isSynthetic() || m.isBridge() || Modifier.isAbstract(m.getModifiers())) {
              continue;
            }
            if (methodPattern.matcher(m.getName()).matches()) {
              methods.computeIfAbsent(name, k -> new TreeSet<>()).add(m.getName());
              found++;
            }
          }
        }
        if (found == 0) {
          problems.add(p.get("name") + ": matches no method in " + jar);
        }
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(s -> System.err.println("MethodList: " + s));
      System.exit(1);
    }
    StringBuilder otel = new StringBuilder();
    StringBuilder elastic = new StringBuilder();
    for (Map.Entry<String, TreeSet<String>> e : methods.entrySet()) {
      otel.append(otel.length() == 0 ? "" : ";").append(e.getKey()).append('[')
          .append(String.join(",", e.getValue())).append(']');
      for (String m : e.getValue()) {
        elastic.append(elastic.length() == 0 ? "" : ",").append(e.getKey()).append('#').append(m);
      }
    }
    System.out.println("otel=" + otel);
    System.out.println("elastic=" + elastic);
  }

  /** The first two segments of a class name ({@code com.acme}): where subtypes are looked for. */
  private static String packageRoot(String className) {
    String[] parts = className.split("\\.");
    return parts.length > 2 ? parts[0] + "." + parts[1] + "." : className;
  }

  static List<Map<String, String>> readPointcuts(Path yaml) throws IOException {
    List<Map<String, String>> result = new ArrayList<>();
    Map<String, String> current = null;
    int keyIndent = -1;
    for (String raw : Files.readAllLines(yaml, StandardCharsets.UTF_8)) {
      String line = stripComment(raw);
      Matcher name = NAME.matcher(line);
      if (name.matches()) {
        current = new LinkedHashMap<>();
        current.put("name", name.group(2));
        keyIndent = name.group(1).length() + 2;
        result.add(current);
        continue;
      }
      if (current == null || line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (indent < keyIndent) {
        current = null; // left the pointcut list
        continue;
      }
      if (indent == keyIndent) {
        String t = line.strip();
        int colon = t.indexOf(':');
        if (colon > 0) {
          String value = unquote(t.substring(colon + 1).strip());
          current.put(t.substring(0, colon).strip(), value);
        }
      }
    }
    return result;
  }

  private static String stripComment(String line) {
    int hash = line.indexOf(" #");
    return hash >= 0 ? line.substring(0, hash) : (line.stripLeading().startsWith("#") ? "" : line);
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** perf-agent pattern syntax: {@code *} within a segment, {@code **} across segments. */
  static Pattern glob(String pattern, boolean dotted) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '*') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else {
          re.append(dotted ? "[^.]*" : ".*");
        }
      } else {
        re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static List<String> classNames(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String n = entries.nextElement().getName();
        if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
          names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
        }
      }
    }
    return names;
  }
}
