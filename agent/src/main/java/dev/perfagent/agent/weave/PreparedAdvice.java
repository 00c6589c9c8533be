package dev.perfagent.agent.weave;

import java.io.IOException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Applies advice templates to the methods they are for, like Byte Buddy's {@link
 * AgentBuilder.Transformer.ForAdvice}, but reads and resolves each template once, the first time a
 * class needs it, where {@code ForAdvice} does it again for every class it weaves.
 */
final class PreparedAdvice implements AgentBuilder.Transformer {
  /** The templates are classes of the agent, each read once. */
  private static final ClassFileLocator TEMPLATES =
      new Remembering(ClassFileLocator.ForClassLoader.of(PreparedAdvice.class.getClassLoader()));

  private static final TypePool TEMPLATE_TYPES = TypePool.Default.of(TEMPLATES);

  private final Advice.WithCustomMapping mapping;
  private final List<Entry> entries = new ArrayList<>();

  PreparedAdvice(Advice.WithCustomMapping mapping) {
    this.mapping = mapping;
  }

  /** Adds {@code template} (enter and exit in one class) for {@code methods}. */
  PreparedAdvice advice(ElementMatcher<? super MethodDescription> methods, String template) {
    entries.add(new Entry(methods, template, null));
    return this;
  }

  /** Adds the templates {@code enter} and {@code exit} for {@code methods}. */
  PreparedAdvice advice(ElementMatcher<? super MethodDescription> methods, String enter, String exit) {
    entries.add(new Entry(methods, enter, exit));
    return this;
  }

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader, JavaModule module,
      ProtectionDomain domain) {
    DynamicType.Builder<?> result = builder;
    for (Entry entry : entries) {
      if (type.getDeclaredMethods().filter(entry.methods).isEmpty()) {
        continue;
      }
      result = result.visit(new AsmVisitorWrapper.ForDeclaredMethods().invokable(entry.methods, entry.advice()));
    }
    return result;
  }

  private final class Entry {
    final ElementMatcher<? super MethodDescription> methods;
    final String enter;
    final String exit;
    /** Resolved once; two threads resolving at once make equal advice. */
    private volatile Advice advice;

    Entry(ElementMatcher<? super MethodDescription> methods, String enter, String exit) {
      this.methods = methods;
      this.enter = enter;
      this.exit = exit;
    }

    Advice advice() {
      Advice a = advice;
      if (a == null) {
        a = (exit == null
                ? mapping.to(TEMPLATE_TYPES.describe(enter).resolve(), TEMPLATES)
                : mapping.to(
                    TEMPLATE_TYPES.describe(enter).resolve(), TEMPLATE_TYPES.describe(exit).resolve(), TEMPLATES))
            .withAssigner(Assigner.DEFAULT)
            .withExceptionHandler(Advice.ExceptionHandler.Default.SUPPRESSING);
        advice = a;
      }
      return a;
    }
  }

  /** A class file locator that reads each class file once. */
  private static final class Remembering implements ClassFileLocator {
    private final ClassFileLocator delegate;
    private final Map<String, Resolution> read = new ConcurrentHashMap<>();

    Remembering(ClassFileLocator delegate) {
      this.delegate = delegate;
    }

    @Override
    public Resolution locate(String name) throws IOException {
      Resolution known = read.get(name);
      if (known == null) {
        Resolution found = delegate.locate(name);
        known = found.isResolved() ? new Resolution.Explicit(found.resolve()) : found;
        read.put(name, known);
      }
      return known;
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
