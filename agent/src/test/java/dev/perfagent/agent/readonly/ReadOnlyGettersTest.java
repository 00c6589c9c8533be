package dev.perfagent.agent.readonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixture.app.Getters;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class ReadOnlyGettersTest {
  private final ReadOnlyGetters check = new ReadOnlyGetters(NOPLogger.NOP_LOGGER);

  private String refusal(Class<?> type, String method, Class<?>... parameters) throws Exception {
    return check.refusal(type, type.getMethod(method, parameters));
  }

  @Test
  void plainGettersAndCodeThatOnlyReadsAreAllowed() throws Exception {
    for (String getter : List.of("getName", "getLabel", "getDescription", "getMaybe", "getDelegated",
        "getOrigin", "getRequired", "getCount", "getRecursive")) {
      assertNull(refusal(Getters.class, getter), getter);
    }
  }

  @Test
  void gettersThatChangeStateAreRefusedWithTheReason() throws Exception {
    assertTrue(refusal(Getters.class, "beginIteration").contains("writes field fixture.app.Getters.position"));
    assertTrue(refusal(Getters.class, "getNextId").contains("writes field fixture.app.Getters.position"));
    assertTrue(refusal(Getters.class, "getInstances").contains("writes static field fixture.app.Getters.instances"));
    assertTrue(refusal(Getters.class, "getLocked").contains("takes a lock"));
    assertTrue(refusal(Getters.class, "getCached").contains("writes field fixture.app.Getters.cached"));
    assertEquals("it calls java.util.List.add(), where it is not on the list of read-only JDK methods",
        refusal(Getters.class, "getRemembered"));
    assertTrue(refusal(Getters.class, "getSupplied").contains("java.util.function.Supplier.get"));
    String viaHelper = refusal(Getters.class, "getViaHelper");
    assertTrue(viaHelper.startsWith("it calls fixture.app.Getters.helper(), where it writes field"), viaHelper);
  }

  @Test
  void jdkMethodsThatChangeStateOrRunCodeAreRefused() throws Exception {
    assertNotNull(refusal(new ArrayList<>(List.of(1)).iterator().getClass(), "next"));
    assertNotNull(refusal(ArrayDeque.class, "pop"));
    assertNotNull(refusal(TreeSet.class, "pollFirst"));
    assertNotNull(refusal(ArrayDeque.class, "pollFirst"));
    assertNotNull(refusal(ByteArrayInputStream.class, "readAllBytes"));
    assertNotNull(refusal(File.class, "mkdirs"));
    assertNotNull(refusal(Class.class, "newInstance"));
    assertNotNull(refusal(java.util.Optional.class, "orElseGet", java.util.function.Supplier.class));
  }

  @Test
  void jdkAccessorsOnTheListAreAllowedForTheirJdkSubtypes() throws Exception {
    assertNull(refusal(ArrayList.class, "size"));
    assertNull(refusal(Map.of("a", 1).getClass(), "isEmpty"));
    assertNull(refusal(Class.class, "getName"));
    assertNull(refusal(Thread.State.class, "name"));
    assertNull(refusal(IllegalStateException.class, "getMessage"));
  }

  @Test
  void theKotlinAccessorsOfTheLlmSdksAreAllowed() throws Exception {
    assertAllowed(com.openai.models.chat.completions.ChatCompletion.class, "model", "usage", "choices", "id");
    assertAllowed(com.openai.models.completions.CompletionUsage.class,
        "promptTokens", "completionTokens", "totalTokens", "promptTokensDetails");
    assertAllowed(com.openai.models.chat.completions.ChatCompletionCreateParams.class, "model", "temperature");
    assertAllowed(com.anthropic.models.messages.Message.class, "model", "usage", "stopReason", "content");
    assertAllowed(com.anthropic.models.messages.Usage.class,
        "inputTokens", "outputTokens", "cacheReadInputTokens", "cacheCreationInputTokens");
  }

  private void assertAllowed(Class<?> type, String... getters) throws Exception {
    for (String getter : getters) {
      assertNull(refusal(type, getter), type.getSimpleName() + "." + getter);
    }
  }
}
