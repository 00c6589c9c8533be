package dev.perfagent.agent.readonly;

import dev.perfagent.bootstrap.GetterCheck;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * The rule for which methods capture paths call: only those whose bytecode the {@link
 * ReadOnlyAnalysis} proves cannot change state, and the JDK methods {@link TrustedMethods} lists.
 * The method judged is the one that would run for the object's class. Each refusal is logged once,
 * with its reason.
 */
public final class ReadOnlyGetters implements GetterCheck {
  private static final String ALLOWED = "";

  private volatile ReadOnlyAnalysis analysis; // made when a path first meets a method
  private final Logger log;
  private final ClassValue<Map<String, String>> verdicts =
      new ClassValue<Map<String, String>>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  public ReadOnlyGetters(Logger log) {
    this.log = log;
  }

  @Override
  public String refusal(Class<?> type, Method method) {
    try {
      Method running = implementation(type, method);
      String verdict =
          verdicts
              .get(running.getDeclaringClass())
              .computeIfAbsent(running.getName() + signature(running), k -> judge(running));
      return verdict.equals(ALLOWED) ? null : verdict;
    } catch (RuntimeException | LinkageError e) {
      return "it could not be verified (" + e + ")";
    }
  }

  private String judge(Method method) {
    String why = analysis().refusal(method);
    if (why == null) {
      return ALLOWED;
    }
    log.warn(
        "capture paths do not call {}.{}(): {} (a field of that name is read instead, if there is one)",
        method.getDeclaringClass().getName(), method.getName(), why);
    return why;
  }

  private ReadOnlyAnalysis analysis() {
    ReadOnlyAnalysis made = analysis;
    if (made == null) {
      synchronized (this) {
        made = analysis;
        if (made == null) {
          made = new ReadOnlyAnalysis(TrustedMethods.load());
          analysis = made;
        }
      }
    }
    return made;
  }

  /** The method that a call of {@code method} on an object of class {@code type} runs. */
  static Method implementation(Class<?> type, Method method) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Method declared = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
        if (!Modifier.isAbstract(declared.getModifiers())) {
          return declared;
        }
      } catch (NoSuchMethodException ignored) {
        // declared further up
      }
    }
    return method;
  }

  private static String signature(Method method) {
    return Arrays.toString(method.getParameterTypes());
  }
}
