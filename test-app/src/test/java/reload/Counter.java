package reload;

/** Counts to {@code n}. */
public final class Counter {
  public String count(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      out.append(i);
    }
    return out.toString();
  }
}
