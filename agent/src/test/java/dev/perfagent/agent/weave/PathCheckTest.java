package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.core.RequestOptions;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.services.blocking.MessageServiceImpl;
import dev.perfagent.agent.RecordingLogger;
import dev.perfagent.config.ConfigLoader;
import dev.perfagent.config.Pointcut;
import dev.perfagent.config.PropertyPath;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class PathCheckTest {
  private static final TypeFacts TYPES = TypeFacts.of(name -> TypeFacts.resource(PathCheckTest.class.getClassLoader(), name));
  private static final ClassFacts SERVICE = TYPES.find(Type.getInternalName(MessageServiceImpl.class));
  private static final MethodFacts CREATE = method(SERVICE, "create",
      "(" + Type.getDescriptor(MessageCreateParams.class) + Type.getDescriptor(RequestOptions.class) + ")");

  private static MethodFacts method(ClassFacts type, String name, String parameters) {
    return type.methods.stream().filter(m -> m.name.equals(name) && m.descriptor.startsWith(parameters))
        .findFirst().orElseThrow();
  }

  private static Optional<String> problem(String path) {
    return PathCheck.problem(PropertyPath.parse(path), SERVICE, CREATE, TYPES, false);
  }

  /** A streaming call as LangChain4j's StreamingChatModel.doChat(request, handler) has it. */
  static class Streamer {
    void stream(String prompt, Handler handler) {}
  }

  /** Its handler; the value of its completion is what {@code return} reads with end: callback. */
  public interface Handler {
    void onPartialResponse(String text);

    void onCompleteResponse(Reply reply);

    void onError(Throwable error);
  }

  /** What a completed stream gives. */
  public static final class Reply {
    public long outputTokens() {
      return 1;
    }
  }

  @Test
  void aChoiceReportsNothingWhenOneOfItsPathsCanHaveAValue() throws Exception {
    Pointcut pointcut = ConfigLoader.parse(String.join("\n",
        "pointcuts:",
        "  - name: messages",
        "    class: com.anthropic.services.blocking.MessageServiceImpl",
        "    method: create",
        "    capture:",
        "      tokens: return.usage.inputTokenCount | return.usage.inputTokens",
        "      typo: return.usage.outputTokenCount | return.usage.outputTokenz"), "t.yaml").pointcuts().get(0);
    RecordingLogger log = new RecordingLogger();
    new PathCheck(log).check(pointcut, SERVICE, CREATE, TYPES);
    assertEquals(2, log.problems().size(), "both paths of the choice that can never have a value: " + log.problems());
    assertTrue(log.problems().stream().allMatch(l -> l.contains("outputToken")), log.problems().toString());
  }

  @Test
  void withEndCallbackReturnIsTheValueTheCallbacksCompletionReceives() {
    ClassFacts streamer = TYPES.find(Type.getInternalName(Streamer.class));
    MethodFacts stream = method(streamer, "stream", "(");
    assertEquals(Optional.empty(), PathCheck.problem(PropertyPath.parse("return.outputTokens"), streamer, stream, TYPES, true));
    String typo = PathCheck.problem(PropertyPath.parse("return.outputTokenCount"), streamer, stream, TYPES, true)
        .orElseThrow();
    assertTrue(typo.contains("has no getter or field 'outputTokenCount'") && typo.contains("outputTokens"), typo);
    assertEquals(Optional.of("the method returns nothing"),
        PathCheck.problem(PropertyPath.parse("return.outputTokens"), streamer, stream, TYPES, false));
  }

  @Test
  void pathsThatTheDeclaredTypesProvideAreFine() {
    assertEquals(Optional.empty(), problem("return.usage.inputTokens"));
    assertEquals(Optional.empty(), problem("return.usage.cacheReadInputTokens"), "through an Optional");
    assertEquals(Optional.empty(), problem("arg0.model"));
    assertEquals(Optional.empty(), problem("return.content[*].text"), "each element of a List<ContentBlock>");
    assertEquals(Optional.empty(), problem("this.clientOptions"), "a private field");
  }

  @Test
  void aStepNoFinalTypeProvidesIsReportedWithTheNearestName() {
    String problem = problem("return.usage.inputTokenCount").orElseThrow();
    assertTrue(problem.startsWith("com.anthropic.models.messages.Usage has no getter or field 'inputTokenCount'"),
        problem);
    assertTrue(problem.contains("; the nearest it has: inputTokens, outputTokens"), problem);
    assertEquals(Optional.of("arg2 does not exist: the method takes 2 parameters"), problem("arg2.model"));
    assertTrue(problem("return.id.length").orElseThrow().contains("java.lang.String, which has no properties"));
  }
}
