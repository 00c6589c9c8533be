package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.CallbackMethods;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Type;

/**
 * The callback a method takes, for {@code end: callback}: its first parameter declared as a public
 * interface with a method that ends the work it follows ({@link CallbackMethods#isEnd}, such as
 * LangChain4j's {@code StreamingChatResponseHandler.onCompleteResponse}). The method receives a
 * stand-in of that type in its place ({@link MethodAdvice.Enter#CALLBACK}).
 */
final class CallbackParameter {
  private CallbackParameter() {}

  /**
   * The index of the callback parameter of {@code method}, or -1 when it takes none; a parameter whose
   * type cannot be described is none.
   */
  static int of(MethodFacts method, TypeFacts types) {
    Type[] parameters = method.parameters();
    for (int i = 0; i < parameters.length; i++) {
      ClassFacts type = parameters[i].getSort() == Type.OBJECT ? types.find(parameters[i].getInternalName()) : null;
      if (type != null && type.isInterface() && type.isPublic()
          && method(type, types, m -> CallbackMethods.isEnd(m.name)) != null) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The type of the value the callback of {@code method} receives when the work completes (the
   * parameter of its one-argument completion method), which {@code return} paths read; null when
   * unknown.
   */
  static GenericType completionValue(MethodFacts method, TypeFacts types) {
    int callback = of(method, types);
    if (callback < 0) {
      return null;
    }
    ClassFacts type = types.require(method.parameters()[callback].getInternalName());
    MethodFacts completion = method(type, types,
        m -> CallbackMethods.isCompletion(m.name) && m.parameters().length == 1);
    return completion == null ? null : GenericType.parameter(completion, 0);
  }

  /**
   * The first method of interface {@code type} or of the interfaces it extends (those that can be
   * described) that {@code wanted} accepts.
   */
  private static MethodFacts method(ClassFacts type, TypeFacts types, Predicate<MethodFacts> wanted) {
    Deque<ClassFacts> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      ClassFacts t = todo.poll();
      if (!seen.add(t.internalName)) {
        continue;
      }
      for (MethodFacts m : t.methods) {
        if (wanted.test(m)) {
          return m;
        }
      }
      for (String parent : t.interfaces) {
        ClassFacts known = types.find(parent);
        if (known != null) {
          todo.add(known); // one that cannot be described is left out
        }
      }
    }
    return null;
  }
}
