package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;

/**
 * Finds how to read property {@code name} on a class: {@code getName()}, {@code name()},
 * {@code isName()} (no arguments, not void, not static), else a field {@code name} of any visibility.
 * {@code name()} comes before {@code isName()} because the SDKs' union types have both: {@code
 * string()} gives the value, {@code isString()} only says whether there is one.
 * A method is called only when the installed {@link GetterCheck} finds it cannot change anything;
 * a refused method is skipped as if it were not there.
 */
final class Accessors {
  private static final MethodType OBJECT_TO_OBJECT =
      MethodType.methodType(Object.class, Object.class);
  private static volatile GetterCheck check = GetterCheck.FIELDS_ONLY;

  private Accessors() {}

  static void use(GetterCheck newCheck) {
    check = newCheck;
  }

  static GetterCheck check() {
    return check;
  }

  static Accessor resolve(Class<?> type, String name) {
    String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    for (String candidate : new String[] {"get" + capitalized, name, "is" + capitalized}) {
      Method method = findMethod(type, candidate);
      if (method != null && check.refusal(type, method) == null) {
        MethodHandle handle = unreflect(method);
        if (handle != null) {
          return new Accessor(handle, type.getName() + "." + candidate + "()");
        }
      }
    }
    Field field = findField(type, name);
    if (field != null) {
      MethodHandle handle = unreflectGetter(field);
      if (handle != null) {
        return new Accessor(handle, type.getName() + "." + name);
      }
    }
    return Accessor.MISSING;
  }

  private static Method findMethod(Class<?> type, String name) {
    try {
      Method m = type.getMethod(name);
      if (isGetter(m)) {
        Method accessible = publicDeclaration(type, m);
        if (accessible != null) {
          return accessible;
        }
      }
    } catch (NoSuchMethodException | SecurityException ignored) {
      // fall through to declared methods
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod(name);
        if (isGetter(m) && makeAccessible(m)) {
          return m;
        }
      } catch (NoSuchMethodException | SecurityException ignored) {
        // keep looking in the superclass
      }
    }
    return null;
  }

  /**
   * A public method of a class the caller cannot access (a private implementation class, a class in
   * a module that does not open its package) is called through the public type that declares it.
   */
  private static Method publicDeclaration(Class<?> type, Method m) {
    if (Modifier.isPublic(m.getDeclaringClass().getModifiers()) && isExported(m.getDeclaringClass())) {
      return m;
    }
    if (makeAccessible(m)) {
      return m;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        try {
          Method candidate = i.getMethod(m.getName());
          if (Modifier.isPublic(i.getModifiers()) && isExported(i)) {
            return candidate;
          }
        } catch (NoSuchMethodException ignored) {
          // not declared by this interface
        }
      }
    }
    return null;
  }

  private static boolean isExported(Class<?> c) {
    Package p = c.getPackage();
    return p == null || c.getModule().isExported(p.getName());
  }

  private static boolean isGetter(Method m) {
    return m.getParameterCount() == 0
        && m.getReturnType() != void.class
        && !Modifier.isStatic(m.getModifiers());
  }

  private static Field findField(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        if (!Modifier.isStatic(f.getModifiers()) && makeAccessible(f)) {
          return f;
        }
      } catch (NoSuchFieldException | SecurityException ignored) {
        // keep looking in the superclass
      }
    }
    return null;
  }

  private static boolean makeAccessible(AccessibleObject member) {
    try {
      return member.trySetAccessible();
    } catch (SecurityException e) {
      return false;
    }
  }

  private static MethodHandle unreflect(Method m) {
    try {
      return MethodHandles.publicLookup().unreflect(m).asType(OBJECT_TO_OBJECT);
    } catch (IllegalAccessException e) {
      try {
        return MethodHandles.lookup().unreflect(m).asType(OBJECT_TO_OBJECT);
      } catch (IllegalAccessException | RuntimeException e2) {
        return null;
      }
    }
  }

  private static MethodHandle unreflectGetter(Field f) {
    try {
      return MethodHandles.lookup().unreflectGetter(f).asType(OBJECT_TO_OBJECT);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }
}
