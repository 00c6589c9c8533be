package dev.perfagent.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.perfagent.config.NamePattern;
import dev.perfagent.config.Pointcut;
import java.util.List;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/** Byte Buddy matchers for the types and methods a pointcut selects. */
final class PointcutMatchers {
  private PointcutMatchers() {}

  /**
   * The classes {@code pointcut} selects by name; of the JDK, only the one it names (see {@link
   * JdkClasses}). Cheap: the name is known before the class file is read.
   */
  static ElementMatcher.Junction<TypeDescription> typesByName(Pointcut pointcut) {
    ElementMatcher.Junction<TypeDescription> m =
        JdkClasses.named(pointcut).isPresent() ? ElementMatchers.any() : not(jdk());
    if (pointcut.classPattern().isPresent()) {
      m = m.and(named(pointcut.classPattern().get()));
    }
    return m;
  }

  /**
   * The classes {@code pointcut} selects by supertype and annotation: deciding may read the class
   * files of the supertypes, so it is asked last.
   */
  static ElementMatcher.Junction<TypeDescription> typesByHierarchy(Pointcut pointcut) {
    ElementMatcher.Junction<TypeDescription> m = ElementMatchers.any();
    if (pointcut.subtypeOf().isPresent()) {
      m = m.and(hasSuperType(ElementMatchers.named(pointcut.subtypeOf().get())));
    }
    if (pointcut.classAnnotation().isPresent()) {
      m = m.and(isAnnotatedWith(ElementMatchers.named(pointcut.classAnnotation().get())));
    }
    return m;
  }

  /** Concrete methods only: constructors, abstract, bridge, synthetic and native are never woven. */
  static ElementMatcher.Junction<MethodDescription> methods(Pointcut pointcut) {
    ElementMatcher.Junction<MethodDescription> m =
        methodNamed(pointcut.methodPattern())
            .and(isMethod())
            .and(not(isAbstract()))
            .and(not(isBridge()))
            .and(not(isSynthetic()))
            .and(not(isNative()));
    if (pointcut.parameters().isPresent()) {
      List<String> types = pointcut.parameters().get();
      m = m.and(takesArguments(types.size()));
      for (int i = 0; i < types.size(); i++) {
        m = m.and(takesArgument(i, typeNamed(types.get(i))));
      }
    }
    if (pointcut.methodAnnotation().isPresent()) {
      m = m.and(isAnnotatedWith(ElementMatchers.named(pointcut.methodAnnotation().get())));
    }
    return m;
  }

  /** The JDK's classes. */
  static ElementMatcher.Junction<TypeDescription> jdk() {
    return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
      @Override
      public boolean matches(TypeDescription target) {
        return JdkClasses.isJdk(target.getName());
      }
    };
  }

  private static ElementMatcher.Junction<TypeDescription> named(NamePattern pattern) {
    return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
      @Override
      public boolean matches(TypeDescription target) {
        return pattern.matches(target.getName());
      }

      @Override
      public String toString() {
        return "class " + pattern.text();
      }
    };
  }

  private static ElementMatcher.Junction<MethodDescription> methodNamed(NamePattern pattern) {
    return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
      @Override
      public boolean matches(MethodDescription target) {
        return pattern.matches(target.getName());
      }

      @Override
      public String toString() {
        return "method " + pattern.text();
      }
    };
  }

  /** Matches a parameter type by its source name: {@code int}, {@code byte[]}, {@code a.B$C}. */
  private static ElementMatcher.Junction<TypeDescription> typeNamed(String name) {
    return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
      @Override
      public boolean matches(TypeDescription target) {
        return target.getActualName().equals(name) || target.getName().equals(name);
      }

      @Override
      public String toString() {
        return "type " + name;
      }
    };
  }
}
