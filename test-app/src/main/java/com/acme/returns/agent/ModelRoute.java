package com.acme.returns.agent;

import com.acme.returns.llm.Models;

/**
 * Which models a conversation uses: the small model for triage, the large one once the agent
 * acts. Conversations take turns over the configured routes.
 */
public record ModelRoute(String provider, String smallModel, String largeModel) {

  public ModelRoute {
    for (String model : new String[] {smallModel, largeModel}) {
      if (!provider.equals(Models.providerOf(model))) {
        throw new IllegalArgumentException(model + " is not a " + provider + " model");
      }
    }
  }
}
