package reload;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A second agent, loaded after perf-agent, that reads a class's bytecode as it runs: retransforming
 * the class hands each retransformation-capable transformer the output of the ones registered before
 * it, starting from the class file the class was defined from, so this one sees what perf-agent made
 * of it (or, where perf-agent weaves nothing, the class file itself).
 */
public final class BytesAgent {
  private static volatile Instrumentation instrumentation;

  private BytesAgent() {}

  public static void premain(String args, Instrumentation inst) {
    instrumentation = inst;
  }

  static synchronized byte[] bytesOf(Class<?> type) throws Exception {
    AtomicReference<byte[]> seen = new AtomicReference<>();
    ClassFileTransformer reader =
        new ClassFileTransformer() {
          @Override
          public byte[] transform(
              ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
            if (redefined == type) {
              seen.set(bytes.clone());
            }
            return null;
          }
        };
    instrumentation.addTransformer(reader, true);
    try {
      instrumentation.retransformClasses(type);
    } finally {
      instrumentation.removeTransformer(reader);
    }
    return seen.get();
  }
}
