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
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
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

  private final Logger log;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  PathCheck(Logger log) {
    this.log = log;
  }

  void check(Pointcut pointcut, MethodDescription method) {
    for (String problem : problems(pointcut, method)) {
      if (reported.add(problem + " " + method)) {
        log.warn("perf-agent: {}", problem);
      }
    }
  }

  /**
   * What {@link #check} reports for {@code pointcut} on {@code method}, once per path:
   * {@code pointcut 'x', path return.a can never have a value on T.m(), as ...}.
   */
  static List<String> problems(Pointcut pointcut, MethodDescription method) {
    boolean callback = pointcut.end() == SpanEnd.CALLBACK && CallbackParameter.of(method) != null;
    Set<PropertyPath> spareChoices = spareChoices(pointcut, method, callback);
    List<String> problems = new ArrayList<>();
    for (PropertyPath path : pointcut.allPaths()) {
      if (!spareChoices.contains(path)) {
        problem(path, method, callback).ifPresent(problem -> problems.add(
            "pointcut '" + pointcut.name() + "', path " + path + " can never have a value on "
                + method.getDeclaringType().getTypeName() + "." + method.getName() + "(), as " + problem));
      }
    }
    return problems;
  }

  /**
   * The paths of choices ({@code a | b}) that may fail unreported because another path of the same
   * choice can have a value: an SDK's accessor that some versions name differently.
   */
  private static Set<PropertyPath> spareChoices(Pointcut pointcut, MethodDescription method, boolean callback) {
    Set<PropertyPath> spare = new HashSet<>();
    for (Capture capture : pointcut.captures().values()) {
      if (capture.kind() == Capture.Kind.FIRST
          && capture.terms().stream().anyMatch(p -> problem(p, method, callback).isEmpty())) {
        spare.addAll(capture.terms());
      }
    }
    return spare;
  }

  /**
   * Why {@code path} can never lead to a value on {@code method}; empty when it may. With
   * {@code callback}, {@code return} is the value the method's callback receives at completion.
   */
  static Optional<String> problem(PropertyPath path, MethodDescription method, boolean callback) {
    TypeDescription.Generic type;
    switch (path.root()) {
      case THIS:
        if (method.isStatic()) {
          return Optional.of("the method is static, there is no 'this'");
        }
        type = method.getDeclaringType().asGenericType();
        break;
      case RETURN:
        if (callback) {
          type = CallbackParameter.completionValue(method);
          break;
        }
        type = method.getReturnType();
        if (type.represents(void.class)) {
          return Optional.of("the method returns nothing");
        }
        if (type.asErasure().isAssignableTo(java.util.concurrent.CompletionStage.class)) {
          type = firstTypeArgument(type);
        }
        break;
      case ARG:
        if (path.argIndex() >= method.getParameters().size()) {
          return Optional.of("arg" + path.argIndex() + " does not exist: the method takes "
              + method.getParameters().size() + " parameters");
        }
        type = method.getParameters().get(path.argIndex()).getType();
        break;
      default:
        return Optional.empty(); // thrown and chunk: types not declared here
    }
    for (String step : path.steps()) {
      if (type == null || type.getSort() == TypeDefinition.Sort.VARIABLE
          || type.getSort() == TypeDefinition.Sort.WILDCARD) {
        return Optional.empty();
      }
      TypeDescription erasure = type.asErasure();
      if (erasure.represents(Optional.class)) {
        type = firstTypeArgument(type);
        if (type == null) {
          return Optional.empty();
        }
        erasure = type.asErasure();
      }
      if (erasure.isAssignableTo(java.util.Map.class)) {
        return Optional.empty(); // keys are not declared
      }
      if (step.equals(PropertyPath.EACH)) {
        if (erasure.isArray()) {
          type = type.getComponentType();
        } else if (erasure.isAssignableTo(Iterable.class)) {
          type = firstTypeArgument(type);
        } else if (erasure.isFinal() || erasure.isPrimitive()) {
          return Optional.of("[*] needs a list or an array, " + erasure.getName() + " is neither");
        } else {
          return Optional.empty();
        }
        continue;
      }
      if (erasure.isPrimitive() || erasure.represents(String.class)) {
        return Optional.of("step '" + step + "' on a " + erasure.getName() + ", which has no properties");
      }
      TypeDescription.Generic next = property(erasure, step);
      if (next == null) {
        if (!erasure.isFinal() || erasure.isInterface()) {
          return Optional.empty(); // a subclass may provide it
        }
        return Optional.of(erasure.getName() + " has no getter or field '" + step + "'"
            + nearest(step, propertyNames(erasure)));
      }
      type = next;
    }
    return Optional.empty();
  }

  /** The declared type of property {@code name}: getName(), name(), isName(), else a field. */
  private static TypeDescription.Generic property(TypeDescription type, String name) {
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String candidate : new String[] {"get" + capitalized, name, "is" + capitalized}) {
      for (TypeDescription t : hierarchy(type)) {
        for (MethodDescription.InDefinedShape m : t.getDeclaredMethods()) {
          if (m.getName().equals(candidate) && m.getParameters().isEmpty() && !m.isStatic()
              && !m.getReturnType().represents(void.class)) {
            return m.getReturnType();
          }
        }
      }
    }
    for (TypeDescription t : hierarchy(type)) {
      for (FieldDescription.InDefinedShape f : t.getDeclaredFields()) {
        if (f.getName().equals(name) && !f.isStatic()) {
          return f.getType();
        }
      }
    }
    return null;
  }

  /** The three names closest to {@code step}, as a hint; empty when there are none. */
  private static String nearest(String step, List<String> names) {
    List<String> closest = names.stream().distinct().filter(n -> !n.startsWith("_") && n.indexOf('$') < 0)
        .sorted(Comparator.comparingInt((String n) -> Suggest.distance(step, n)).thenComparing(n -> n))
        .limit(3).collect(Collectors.toList());
    return closest.isEmpty() ? "" : "; the nearest it has: " + String.join(", ", closest);
  }

  private static List<String> propertyNames(TypeDescription type) {
    List<String> names = new ArrayList<>();
    for (TypeDescription t : hierarchy(type)) {
      for (MethodDescription.InDefinedShape m : t.getDeclaredMethods()) {
        if (m.getParameters().isEmpty() && !m.isStatic() && !m.isConstructor()
            && !m.getReturnType().represents(void.class) && !OBJECT_METHODS.contains(m.getName())) {
          String n = m.getName();
          names.add(n.startsWith("get") && n.length() > 3
              ? Character.toLowerCase(n.charAt(3)) + n.substring(4) : n);
        }
      }
      for (FieldDescription.InDefinedShape f : t.getDeclaredFields()) {
        if (!f.isStatic()) {
          names.add(f.getName());
        }
      }
    }
    return names;
  }

  /** The type and its superclasses and interfaces, the type first. */
  private static List<TypeDescription> hierarchy(TypeDescription type) {
    List<TypeDescription> all = new ArrayList<>();
    List<TypeDescription> todo = new ArrayList<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      TypeDescription t = todo.remove(0);
      if (t == null || all.contains(t) || t.represents(Object.class)) {
        continue;
      }
      all.add(t);
      todo.add(t.getSuperClass() == null ? null : t.getSuperClass().asErasure());
      t.getInterfaces().asErasures().forEach(todo::add);
    }
    return all;
  }

  private static TypeDescription.Generic firstTypeArgument(TypeDescription.Generic type) {
    return type.getSort() == TypeDefinition.Sort.PARAMETERIZED && !type.getTypeArguments().isEmpty()
        ? type.getTypeArguments().get(0) : null;
  }
}
