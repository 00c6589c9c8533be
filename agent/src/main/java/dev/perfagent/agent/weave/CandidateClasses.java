package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.config.NamePattern;
import dev.perfagent.config.Pointcut;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from a class file's bytes, before Byte Buddy reads it, whether any rule could weave the
 * class: one that names it exactly, or one whose method pattern matches a method the class declares
 * with code of its own (not one it only calls), whose class pattern matches its name and whose {@code
 * subtype-of} is among its supertypes ({@link SupertypeNames}). Every other class,
 * nearly all of those an application loads, is passed over before Byte Buddy's type pool describes
 * it and the rules' matchers walk its hierarchy, which was most of what the agent cost while classes load. A class it cannot
 * decide about (bytes it cannot read, a supertype whose class file is missing) is passed on.
 *
 * <p>Uses no Byte Buddy: before anything is woven it is what {@link Weaving} checks classes with,
 * so that an application that loads nothing to weave never loads Byte Buddy.
 */
final class CandidateClasses {
  private static final String OWN = "dev.perfagent.";
  /**
   * The application's (or another agent's) own Byte Buddy, never woven. Joined at run time: the
   * shade plugin would rewrite the literal to this agent's relocated package.
   */
  static final String BYTE_BUDDY = String.join(".", "net", "bytebuddy", "");
  private final Set<String> exactClasses = new HashSet<>();
  private final List<Rule> rules = new ArrayList<>();
  /** Exact method names, to the rules that have them. */
  private final Map<String, List<Rule>> byMethod = new HashMap<>();
  /** The rules whose method pattern has a wildcard. */
  private final List<Rule> byPattern = new ArrayList<>();
  private final int longestExactMethod;
  /** Which method names may be a rule's, by their first two bytes. */
  private final NameStarts starts = new NameStarts();
  private final boolean everyClass;
  private final SupertypeNames supertypes;

  /** The rules of {@code catalog}'s pointcuts. */
  static CandidateClasses of(PointcutCatalog catalog, SupertypeNames supertypes) {
    List<Pointcut> pointcuts = new ArrayList<>();
    for (CompiledPointcut pointcut : catalog.pointcuts()) {
      pointcuts.add(pointcut.config());
    }
    return of(pointcuts, supertypes);
  }

  /**
   * The rules of {@code pointcuts}: those naming their class exactly, by name; a pointcut naming a
   * JDK class it may not weave ({@link JdkClasses#refusal}) is left out, as the weaver leaves it.
   */
  static CandidateClasses of(Collection<Pointcut> pointcuts, SupertypeNames supertypes) {
    List<String> exact = new ArrayList<>();
    List<Pointcut> others = new ArrayList<>();
    for (Pointcut pointcut : pointcuts) {
      if (JdkClasses.refusal(pointcut).isPresent()) {
        continue;
      }
      Optional<String> name = exactClassName(pointcut);
      if (name.isPresent()) {
        exact.add(name.get());
      } else {
        others.add(pointcut);
      }
    }
    return new CandidateClasses(exact, others, supertypes);
  }

  /** The class {@code pointcut} names exactly ({@code class:} without wildcards), if it does. */
  static Optional<String> exactClassName(Pointcut pointcut) {
    return pointcut.classPattern().map(NamePattern::text).filter(name -> !name.contains("*"));
  }

  /**
   * @param exactClasses binary names of the classes rules name exactly
   * @param others the pointcuts that do not name their class exactly
   */
  CandidateClasses(Collection<String> exactClasses, Collection<Pointcut> others, SupertypeNames supertypes) {
    this.supertypes = supertypes;
    for (String name : exactClasses) {
      this.exactClasses.add(name.replace('.', '/'));
    }
    boolean every = false;
    int longest = 0;
    for (Pointcut pointcut : others) {
      Rule rule = new Rule(pointcut);
      rules.add(rule);
      NamePattern method = pointcut.methodPattern();
      if (!isAscii(method.text()) || method.matches("")) {
        every = true; // a non-ASCII name is compared below as ISO-8859-1 text; "*" matches anything
        continue;
      }
      starts.add(method.prefix());
      if (method.isExact()) {
        byMethod.computeIfAbsent(method.text(), m -> new ArrayList<>()).add(rule);
        longest = Math.max(longest, method.text().length());
      } else {
        byPattern.add(rule);
      }
    }
    this.everyClass = every;
    this.longestExactMethod = longest;
  }

  /**
   * Whether a rule may weave the class {@code internalName} ({@code a/b/C}), defined by {@code
   * loader} from {@code classFile}.
   */
  boolean mayWeave(ClassLoader loader, String internalName, byte[] classFile) {
    if (everyClass || internalName == null || classFile == null || exactClasses.contains(internalName)) {
      return true;
    }
    if (rules.isEmpty()) {
      return false;
    }
    Named named = new Named();
    // the test never stops the scan, so true means the bytes could not be read
    boolean readable = !ConstantPoolNames.anyWovenMethodName(classFile, named);
    if (readable && named.rules.isEmpty()) {
      return false;
    }
    Collection<Rule> candidates = readable ? named.rules : rules;
    String binaryName = internalName.replace('/', '.');
    Set<String> supers = null;
    boolean supersRead = false;
    for (Rule rule : candidates) {
      if (rule.classPattern != null && !rule.classPattern.matches(binaryName)) {
        continue;
      }
      if (rule.subtypeOf == null || internalName.equals(rule.subtypeOf)) {
        return true;
      }
      if (!supersRead) {
        supers = supertypes.of(loader, classFile);
        supersRead = true;
      }
      if (supers == null || supers.contains(rule.subtypeOf)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #mayWeave}, but false also for the classes the weaver never weaves whatever the rules say
   * (the agent's own, the JDK's but those named exactly, other agents'): whether loading this class
   * is a reason to build the weaver.
   */
  boolean mayStartWeaving(ClassLoader loader, String internalName, byte[] classFile) {
    // the names first: most classes an application loads are the JDK's, whose bytes need no scan
    boolean excluded = internalName != null && !exactClasses.contains(internalName)
        && neverWoven(internalName.replace('/', '.'), loader);
    return !excluded && mayWeave(loader, internalName, classFile);
  }

  /**
   * Whether a rule may weave {@code type}, a class already loaded, judged from its name and its
   * supertypes' names alone: methods are not looked at (reflection would load the classes their
   * signatures name), so a rule without a class pattern nor {@code subtype-of} takes every class.
   */
  boolean mayWeaveLoaded(Class<?> type) {
    String name = type.getName();
    String internalName = name.replace('.', '/');
    if (exactClasses.contains(internalName)) {
      return true;
    }
    if (neverWoven(name, type.getClassLoader())) {
      return false;
    }
    if (everyClass) {
      return true;
    }
    Set<String> supers = null;
    for (Rule rule : rules) {
      if (rule.classPattern != null && !rule.classPattern.matches(name)) {
        continue;
      }
      if (rule.subtypeOf == null || internalName.equals(rule.subtypeOf)) {
        return true;
      }
      if (supers == null) {
        supers = new HashSet<>();
        addSupertypes(type, supers);
      }
      if (supers.contains(rule.subtypeOf)) {
        return true;
      }
    }
    return false;
  }

  private static void addSupertypes(Class<?> type, Set<String> names) {
    Class<?> superclass = type.getSuperclass();
    if (superclass != null && names.add(superclass.getName().replace('.', '/'))) {
      addSupertypes(superclass, names);
    }
    for (Class<?> implemented : type.getInterfaces()) {
      if (names.add(implemented.getName().replace('.', '/'))) {
        addSupertypes(implemented, names);
      }
    }
  }

  /** The agent's own classes, the JDK's, an application's Byte Buddy, another agent's. */
  static boolean neverWoven(String binaryName, ClassLoader loader) {
    return binaryName.startsWith(OWN) || binaryName.startsWith(BYTE_BUDDY) || JdkClasses.isJdk(binaryName)
        || OtherAgentNames.isAgentName(binaryName) || OtherAgentNames.isAgentLoader(loader);
  }

  /**
   * Runs every step of {@link #mayWeave} once, loading what it uses, on the class file of {@link
   * Weaving}: it implements a JDK interface, so that its supertypes are read from the JDK's image
   * as well as from the agent's jar.
   */
  void warmUp() {
    ClassLoader loader = Weaving.class.getClassLoader();
    String name = Weaving.class.getName().replace('.', '/');
    try (InputStream in = loader.getResourceAsStream(name + ".class")) {
      byte[] classFile = in == null ? null : in.readAllBytes();
      mayWeave(loader, name, classFile);
      supertypes.of(loader, classFile);
      neverWoven("warm.Up", loader);
    } catch (IOException | RuntimeException e) {
      // the check then loads what it uses the first time it runs
    }
  }

  /** The rules whose method pattern matches a name the class's methods have. */
  private final class Named implements ConstantPoolNames.Entry {
    final Set<Rule> rules = new HashSet<>();

    @Override
    public boolean test(byte[] classFile, int offset, int length) {
      if (length == 0 || (byPattern.isEmpty() && length > longestExactMethod)
          || !starts.mayStart(classFile, offset, length)) {
        return false;
      }
      // an ASCII name reads as itself; other text, read this way, never equals an ASCII pattern
      String text = new String(classFile, offset, length, StandardCharsets.ISO_8859_1);
      List<Rule> exact = byMethod.get(text);
      if (exact != null) {
        rules.addAll(exact);
      }
      for (Rule rule : byPattern) {
        if (rule.method.matches(text)) {
          rules.add(rule);
        }
      }
      return false;
    }
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static final class Rule {
    final NamePattern method;
    final NamePattern classPattern;
    final String subtypeOf;

    Rule(Pointcut pointcut) {
      this.method = pointcut.methodPattern();
      this.classPattern = pointcut.classPattern().orElse(null);
      this.subtypeOf = pointcut.subtypeOf().map(name -> name.replace('.', '/')).orElse(null);
    }
  }
}
