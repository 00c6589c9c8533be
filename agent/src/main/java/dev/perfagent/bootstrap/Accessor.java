package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandle;

/** Reads one property of an object of a known class: a no-arg getter or a field. */
final class Accessor {
  static final Accessor MISSING = new Accessor(null, "missing");

  private final MethodHandle handle; // (Object)Object
  private final String description;

  Accessor(MethodHandle handle, String description) {
    this.handle = handle;
    this.description = description;
  }

  Object read(Object target) throws Throwable {
    return handle == null ? null : (Object) handle.invokeExact(target);
  }

  @Override
  public String toString() {
    return description;
  }
}
