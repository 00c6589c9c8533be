package dev.perfagent.agent.weave;

import dev.perfagent.config.Capture;
import dev.perfagent.config.Pointcut;
import dev.perfagent.config.PropertyPath;
import dev.perfagent.config.SpanEnd;
import dev.perfagent.config.Suggest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;
import org.slf4j.Logger;

/**
 * Reports, when a class is woven, the paths of a pointcut that can never lead to a value on a matched
 * method: a step that no getter or field of the declared type provides, where the type is final (so
 * no subclass can provide it either), with the nearest names that exist. Each pointcut and method is
 * reported once. Types it cannot see through (type variables, maps, raw collections, non-final
 * classes) are given the benefit of the doubt.
 */
final class PathCheck {
  private static final Set<String> OBJECT_METHODS = Set.of("toString", "hashCode", "getClass", "clone");
  private static final String OBJECT = "java/lang/Object";

  private final Logger log;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  PathCheck(Logger log) {
    this.log = log;
  }

  void check(Pointcut pointcut, ClassFacts type, MethodFacts method, TypeFacts types) {
    for (String problem : problems(pointcut, type, method, types)) {
      if (reported.add(problem + " " + type.internalName + "." + method)) {
        log.warn("perf-agent: {}", problem);
      }
    }
  }

  /**
   * What {@link #check} reports for {@code pointcut} on {@code method} of {@code type}, once per path:
   * {@code pointcut 'x', path return.a can never have a value on T.m(), as ...}.
   */
  static List<String> problems(Pointcut pointcut, ClassFacts type, MethodFacts method, TypeFacts types) {
    Declared declared = new Declared(type, method, types,
        pointcut.end() == SpanEnd.CALLBACK && CallbackParameter.of(method, types) >= 0);
    Set<PropertyPath> spareChoices = spareChoices(pointcut, declared);
    List<String> problems = new ArrayList<>();
    for (PropertyPath path : pointcut.allPaths()) {
      if (!spareChoices.contains(path)) {
        declared.problem(path).ifPresent(problem -> problems.add(
            "pointcut '" + pointcut.name() + "', path " + path + " can never have a value on "
                + type.name() + "." + method.name + "(), as " + problem));
      }
    }
    return problems;
  }

  /**
   * The paths of choices ({@code a | b}) that may fail unreported because another path of the same
   * choice can have a value: an SDK's accessor that some versions name differently.
   */
  private static Set<PropertyPath> spareChoices(Pointcut pointcut, Declared declared) {
    Set<PropertyPath> spare = new HashSet<>();
    for (Capture capture : pointcut.captures().values()) {
      if (capture.kind() == Capture.Kind.FIRST
          && capture.terms().stream().anyMatch(p -> declared.problem(p).isEmpty())) {
        spare.addAll(capture.terms());
      }
    }
    return spare;
  }

  /**
   * Why {@code path} can never lead to a value on {@code method} of {@code type}; empty when it may.
   * With {@code callback}, {@code return} is the value the method's callback receives at completion.
   */
  static Optional<String> problem(
      PropertyPath path, ClassFacts type, MethodFacts method, TypeFacts types, boolean callback) {
    return new Declared(type, method, types, callback).problem(path);
  }

  /** What the method's declaration says of the values its paths start from. */
  private static final class Declared {
    private final ClassFacts owner;
    private final MethodFacts method;
    private final TypeFacts types;
    private final boolean callback;

    Declared(ClassFacts owner, MethodFacts method, TypeFacts types, boolean callback) {
      this.owner = owner;
      this.method = method;
      this.types = types;
      this.callback = callback;
    }

    Optional<String> problem(PropertyPath path) {
      GenericType type;
      switch (path.root()) {
        case THIS:
          if (method.isStatic()) {
            return Optional.of("the method is static, there is no 'this'");
          }
          type = GenericType.raw(owner.internalName);
          break;
        case RETURN:
          if (callback) {
            type = CallbackParameter.completionValue(method, types);
            break;
          }
          type = GenericType.returned(method);
          if (type.erasure.getSort() == Type.VOID) {
            return Optional.of("the method returns nothing");
          }
          if (type.className() != null
              && types.isAssignableTo(types.require(type.className()), "java/util/concurrent/CompletionStage")) {
            type = type.firstArgument();
          }
          break;
        case ARG:
          int parameters = method.parameters().length;
          if (path.argIndex() >= parameters) {
            return Optional.of("arg" + path.argIndex() + " does not exist: the method takes " + parameters
                + " parameters");
          }
          type = GenericType.parameter(method, path.argIndex());
          break;
        default:
          return Optional.empty(); // thrown and chunk: types not declared here
      }
      return steps(path, type);
    }

    private Optional<String> steps(PropertyPath path, GenericType type) {
      for (String step : path.steps()) {
        if (type == null || type == GenericType.VARIABLE) {
          return Optional.empty();
        }
        if ("java/util/Optional".equals(type.className())) {
          type = type.firstArgument();
          if (type == null || type == GenericType.VARIABLE) {
            return Optional.empty();
          }
        }
        String name = type.erasure.getClassName();
        ClassFacts declared = type.className() == null ? null : types.require(type.className());
        if (declared != null && types.isAssignableTo(declared, "java/util/Map")) {
          return Optional.empty(); // keys are not declared
        }
        if (step.equals(PropertyPath.EACH)) {
          if (type.isArray()) {
            type = type.component;
          } else if (declared != null && types.isAssignableTo(declared, "java/lang/Iterable")) {
            type = type.firstArgument();
          } else if (declared == null || declared.isFinal()) {
            return Optional.of("[*] needs a list or an array, " + name + " is neither");
          } else {
            return Optional.empty();
          }
          continue;
        }
        if (type.isPrimitive() || "java/lang/String".equals(type.className())) {
          return Optional.of("step '" + step + "' on a " + name + ", which has no properties");
        }
        if (declared == null) {
          return Optional.of(name + " has no getter or field '" + step + "'"); // an array
        }
        GenericType next = property(declared, step);
        if (next == null) {
          if (!declared.isFinal() || declared.isInterface()) {
            return Optional.empty(); // a subclass may provide it
          }
          if (!hierarchy(declared).stream().allMatch(t -> t.complete)) {
            return Optional.empty(); // members reflection could not show may provide it
          }
          return Optional.of(name + " has no getter or field '" + step + "'" + nearest(step, propertyNames(declared)));
        }
        type = next;
      }
      return Optional.empty();
    }

    /** The declared type of property {@code name}: getName(), name(), isName(), else a field. */
    private GenericType property(ClassFacts type, String name) {
      String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      List<ClassFacts> hierarchy = hierarchy(type);
      for (String candidate : new String[] {"get" + capitalized, name, "is" + capitalized}) {
        for (ClassFacts t : hierarchy) {
          for (MethodFacts m : t.methods) {
            if (m.name.equals(candidate) && isGetter(m)) {
              return GenericType.returned(m);
            }
          }
        }
      }
      for (ClassFacts t : hierarchy) {
        for (FieldFacts f : t.fields) {
          if (f.name.equals(name) && !f.isStatic()) {
            return GenericType.of(f);
          }
        }
      }
      return null;
    }

    private List<String> propertyNames(ClassFacts type) {
      List<String> names = new ArrayList<>();
      for (ClassFacts t : hierarchy(type)) {
        for (MethodFacts m : t.methods) {
          if (m.isMethod() && isGetter(m) && !OBJECT_METHODS.contains(m.name)) {
            String n = m.name;
            names.add(n.startsWith("get") && n.length() > 3 ? Character.toLowerCase(n.charAt(3)) + n.substring(4) : n);
          }
        }
        for (FieldFacts f : t.fields) {
          if (!f.isStatic()) {
            names.add(f.name);
          }
        }
      }
      return names;
    }

    /** The type and its superclasses and interfaces, the type first, {@code Object} left out. */
    private List<ClassFacts> hierarchy(ClassFacts type) {
      List<ClassFacts> all = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      List<ClassFacts> todo = new ArrayList<>();
      todo.add(type);
      while (!todo.isEmpty()) {
        ClassFacts t = todo.remove(0);
        if (!seen.add(t.internalName)) {
          continue;
        }
        all.add(t);
        for (String parent : t.directSupertypes()) {
          if (!parent.equals(OBJECT)) {
            todo.add(types.require(parent));
          }
        }
      }
      return all;
    }
  }

  private static boolean isGetter(MethodFacts m) {
    return m.descriptor.startsWith("()") && !m.isStatic() && m.returned().getSort() != Type.VOID;
  }

  /** The three names closest to {@code step}, as a hint; empty when there are none. */
  private static String nearest(String step, List<String> names) {
    List<String> closest = names.stream().distinct().filter(n -> !n.startsWith("_") && n.indexOf('$') < 0)
        .sorted(Comparator.comparingInt((String n) -> Suggest.distance(step, n)).thenComparing(n -> n))
        .limit(3).collect(Collectors.toList());
    return closest.isEmpty() ? "" : "; the nearest it has: " + String.join(", ", closest);
  }
}
