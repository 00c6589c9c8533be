package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.CallbackMethods;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The callback a method takes, for {@code end: callback}: its first parameter declared as a public
 * interface with a method that ends the work it follows ({@link CallbackMethods#isEnd}, such as
 * LangChain4j's {@code StreamingChatResponseHandler.onCompleteResponse}). The method receives a
 * stand-in of that type in its place ({@link MethodAdvice.Enter#CALLBACK}).
 */
final class CallbackParameter {
  private CallbackParameter() {}

  /** Methods that take a callback. */
  static ElementMatcher.Junction<MethodDescription> present() {
    return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
      @Override
      public boolean matches(MethodDescription method) {
        return of(method) != null;
      }
    };
  }

  /** The callback parameter of {@code method}, or null when it takes none. */
  static ParameterDescription of(MethodDescription method) {
    for (ParameterDescription parameter : method.getParameters()) {
      TypeDescription type = parameter.getType().asErasure();
      if (type.isInterface() && type.isPublic() && declaresEnd(type)) {
        return parameter;
      }
    }
    return null;
  }

  private static boolean declaresEnd(TypeDescription type) {
    return method(type, m -> CallbackMethods.isEnd(m.getName())) != null;
  }

  /**
   * The type of the value the callback of {@code method} receives when the work completes (the
   * parameter of its one-argument completion method), which {@code return} paths read; null when
   * unknown.
   */
  static TypeDescription.Generic completionValue(MethodDescription method) {
    ParameterDescription callback = of(method);
    MethodDescription completion = callback == null ? null : method(callback.getType().asErasure(),
        m -> CallbackMethods.isCompletion(m.getName()) && m.getParameters().size() == 1);
    return completion == null ? null : completion.getParameters().get(0).getType();
  }

  /** The first method of interface {@code type} or of the interfaces it extends that {@code wanted} accepts. */
  private static MethodDescription method(TypeDescription type, Predicate<MethodDescription> wanted) {
    Deque<TypeDescription> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      TypeDescription t = todo.poll();
      if (!seen.add(t.getName())) {
        continue;
      }
      for (MethodDescription.InDefinedShape m : t.getDeclaredMethods()) {
        if (wanted.test(m)) {
          return m;
        }
      }
      for (TypeDescription.Generic parent : t.getInterfaces()) {
        todo.add(parent.asErasure());
      }
    }
    return null;
  }
}
