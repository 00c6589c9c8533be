package dev.perfagent.bootstrap;

import java.lang.reflect.Method;

/**
 * Decides which methods a capture path may call. The agent installs one that proves from the
 * bytecode that a method only reads ({@link Recorder#checkGettersWith}); until then no method is
 * called and paths read fields only.
 */
public interface GetterCheck {
  GetterCheck FIELDS_ONLY = (type, method) -> "no getter check is installed";

  /**
   * Why {@code method}, called on an object of class {@code type}, may not be called by a capture
   * path; null when it may.
   */
  String refusal(Class<?> type, Method method);
}
