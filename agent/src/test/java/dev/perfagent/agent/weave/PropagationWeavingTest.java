package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.agent.RecordingLogger;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/** The JDK's own class files, woven as the agent weaves them, read back and verified. */
class PropagationWeavingTest {
  private final RecordingLogger log = new RecordingLogger();
  private final PropagationWeaving weaving = new PropagationWeaving(log);

  @Test
  void theExecuteOfAThreadPoolWrapsItsRunnable() throws Exception {
    ClassNode woven = woven(ThreadPoolExecutor.class);
    assertEquals(List.of("execute(Ljava/lang/Runnable;)V"), wrapping(woven));
    assertEquals(List.of("DEBUG perf-agent: woven java.util.concurrent.ThreadPoolExecutor (1 methods, for context propagation)"),
        log.lines);
  }

  @Test
  void bothTasksForOfAnExecutorServiceAreWrapped() throws Exception {
    assertEquals(
        List.of("newTaskFor(Ljava/lang/Runnable;Ljava/lang/Object;)Ljava/util/concurrent/RunnableFuture;",
            "newTaskFor(Ljava/util/concurrent/Callable;)Ljava/util/concurrent/RunnableFuture;"),
        wrapping(woven(AbstractExecutorService.class)));
  }

  @Test
  void everyAsyncStageOfACompletableFutureThatTakesATaskIsWrapped() throws Exception {
    List<String> wrapped = wrapping(woven(CompletableFuture.class));
    assertTrue(wrapped.contains("supplyAsync(Ljava/util/function/Supplier;)Ljava/util/concurrent/CompletableFuture;"), wrapped.toString());
    assertTrue(wrapped.contains("thenAcceptBothAsync(Ljava/util/concurrent/CompletionStage;Ljava/util/function/BiConsumer;"
        + "Ljava/util/concurrent/Executor;)Ljava/util/concurrent/CompletableFuture;"), wrapped.toString());
    assertTrue(wrapped.stream().allMatch(m -> m.contains("Async(")), wrapped.toString());
  }

  @Test
  void everyExecutorOfThisJdkIsWovenAndVerifies() throws Exception {
    for (String name : ExecutorPropagation.classNames()) {
      Class<?> type;
      try {
        type = Class.forName(name, false, null);
      } catch (ClassNotFoundException e) {
        continue; // java.lang.ThreadBuilders before JDK 21
      }
      assertFalse(wrapping(woven(type)).isEmpty(), name);
    }
  }

  @Test
  void otherClassesAndLoadersAreLeftAlone() throws Exception {
    assertNull(weaving.transform(null, "java/util/ArrayList", null, null, bytes("java/util/ArrayList")));
    assertNull(weaving.transform(
        getClass().getClassLoader(), "java/util/concurrent/ThreadPoolExecutor", null, null,
        bytes("java/util/concurrent/ThreadPoolExecutor")));
  }

  @Test
  void bytesItCannotReadAreLeftAloneWithAWarning() {
    assertNull(weaving.transform(null, "java/util/concurrent/ForkJoinPool", null, null, new byte[] {1, 2, 3}));
    assertEquals(1, log.lines.size(), log.lines.toString());
    assertTrue(log.lines.get(0).startsWith("WARN perf-agent: could not weave java.util.concurrent.ForkJoinPool"), log.lines.toString());
  }

  /** The woven class; every method verifies (stack, locals, frames' types). */
  private ClassNode woven(Class<?> type) throws IOException, AnalyzerException {
    String name = Type.getInternalName(type);
    byte[] woven = weaving.transform(null, name, type, null, bytes(name));
    ClassNode node = new ClassNode();
    new ClassReader(woven).accept(node, 0);
    for (MethodNode m : node.methods) {
      new Analyzer<>(new SimpleVerifier()).analyze(node.name, m);
    }
    return node;
  }

  /** The methods of {@code node} that call {@code Propagation.wrap}, as name and descriptor. */
  private static List<String> wrapping(ClassNode node) {
    List<String> wrapping = new ArrayList<>();
    for (MethodNode m : node.methods) {
      for (AbstractInsnNode i : m.instructions) {
        if (i instanceof MethodInsnNode && ((MethodInsnNode) i).owner.equals("dev/perfagent/bootstrap/Propagation")) {
          wrapping.add(m.name + m.desc);
          break;
        }
      }
    }
    return wrapping.stream().sorted().collect(Collectors.toList());
  }

  private static byte[] bytes(String internalName) throws IOException {
    try (InputStream in = Object.class.getResourceAsStream("/" + internalName + ".class")) {
      return in.readAllBytes();
    }
  }
}
