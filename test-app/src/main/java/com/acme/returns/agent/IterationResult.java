package com.acme.returns.agent;

import java.util.List;

/** One turn of the agent loop: the model asked and the tools it ran (none on the final answer). */
public record IterationResult(int iteration, String model, List<String> tools,
    boolean finalAnswer) {}
