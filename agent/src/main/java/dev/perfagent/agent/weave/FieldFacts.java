package dev.perfagent.agent.weave;

import java.lang.reflect.Modifier;

/** A field as its class file declares it ({@link ClassFacts}). */
final class FieldFacts {
  final int access;
  final String name;
  final String descriptor;
  /** The generic signature, null when the field has none. */
  final String signature;

  FieldFacts(int access, String name, String descriptor, String signature) {
    this.access = access;
    this.name = name;
    this.descriptor = descriptor;
    this.signature = signature;
  }

  boolean isStatic() {
    return (access & Modifier.STATIC) != 0;
  }
}
