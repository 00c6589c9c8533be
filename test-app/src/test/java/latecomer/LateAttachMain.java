package latecomer;

import com.sun.tools.attach.VirtualMachine;

/**
 * Uses {@link Worker} first, then attaches perf-agent to its own JVM (agentmain), then calls the
 * worker again: only the calls after the attach are recorded.
 * Arguments: agent jar, agent argument.
 */
public final class LateAttachMain {
  private LateAttachMain() {}

  public static void main(String[] args) throws Exception {
    Worker worker = new Worker();
    int sum = worker.work(1);
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
    try {
      vm.loadAgent(args[0], args[1]);
    } finally {
      vm.detach();
    }
    for (int i = 0; i < 3; i++) {
      sum += worker.work(i);
    }
    System.out.println("sum=" + sum);
  }
}
