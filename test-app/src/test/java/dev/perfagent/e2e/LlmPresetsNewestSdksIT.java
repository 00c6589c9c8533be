package dev.perfagent.e2e;

/**
 * {@link LlmPresetsIT} on the newest supported openai-java and anthropic-java releases, whose versions
 * test-app/sdk-versions/newest/pom.xml names.
 */
class LlmPresetsNewestSdksIT extends LlmPresetsIT {
  @Override
  String sdkClassPath() throws Exception {
    return sdkVersionsClassPath("newest");
  }
}
