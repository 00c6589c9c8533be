package dev.perfagent.e2e;

/**
 * {@link LlmPresetsIT} on the oldest supported openai-java and anthropic-java releases, whose versions
 * test-app/sdk-versions/oldest/pom.xml names.
 */
class LlmPresetsOldestSdksIT extends LlmPresetsIT {
  @Override
  String sdkClassPath() throws Exception {
    return sdkVersionsClassPath("oldest");
  }
}
