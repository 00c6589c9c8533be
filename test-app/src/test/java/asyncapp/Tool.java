package asyncapp;

/** A tool the model can call; runs on whatever thread it is handed to. */
public final class Tool {
  private final String name;

  Tool(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public String run(String input) {
    AsyncAgentMain.TOOL_RUNS.incrementAndGet();
    return name + "(" + input.length() + ")";
  }
}
