package com.acme.returns.tools;

import com.acme.returns.db.Database;
import com.acme.returns.rag.PolicyIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools offered to the model, by name. */
public final class Toolbox {

  private final Map<String, Tool> tools = new LinkedHashMap<>();

  public Toolbox(List<Tool> tools) {
    for (Tool tool : tools) {
      this.tools.put(tool.name(), tool);
    }
  }

  /** The six tools of the returns assistant. */
  public static Toolbox standard(Database database, PolicyIndex policies) {
    return new Toolbox(List.of(
        new GetOrderDetailsTool(database),
        new CheckEligibilityTool(database, policies),
        new CreateRmaTool(database),
        new GenerateReturnLabelTool(database),
        new SendEmailTool(database),
        new EscalateToHumanTool(database)));
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public List<String> names() {
    return List.copyOf(tools.keySet());
  }
}
