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
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/** Byte Buddy matchers for the types and methods a pointcut selects. */
final class PointcutMatchers {
  private static final String[] JDK_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.xml.", "org.w3c.", "org.ietf."
  };

  private PointcutMatchers() {}

  static ElementMatcher.Junction<TypeDescription> types(Pointcut pointcut) {
    ElementMatcher.Junction<TypeDescription> m = ElementMatchers.any();
    if (pointcut.classPattern().isPresent()) {
      m = m.and(named(pointcut.classPattern().get()));
    }
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
        isMethod()
            .and(not(isAbstract()))
            .and(not(isBridge()))
            .and(not(isSynthetic()))
            .and(not(isNative()))
            .and(methodNamed(pointcut.methodPattern()));
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

  static boolean isJdkName(String className) {
    for (String prefix : JDK_PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The JDK's own classes, skipped unless a pointcut names them. */
  static ElementMatcher.Junction<TypeDescription> jdkTypes() {
    return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
      @Override
      public boolean matches(TypeDescription target) {
        return isJdkName(target.getName());
      }
    };
  }

  /** True when the pointcut can select a JDK class, which then must not be skipped up front. */
  static boolean mayTargetJdk(Pointcut pointcut) {
    if (pointcut.classPattern().isEmpty()) {
      return false; // subtype-of alone: implementations inside the JDK are not woven
    }
    String text = pointcut.classPattern().get().text();
    String literalPrefix = text.contains("*") ? text.substring(0, text.indexOf('*')) : text;
    for (String prefix : JDK_PREFIXES) {
      if (literalPrefix.startsWith(prefix) || prefix.startsWith(literalPrefix)) {
        return true;
      }
    }
    return false;
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
