package latecomer;

/** Loaded and used before the agent is attached: the agent must retransform it. */
public class Worker {
  public int work(int n) {
    return n * 2;
  }
}
