package dev.perfagent.bootstrap;

import java.util.Set;

/**
 * The methods by which a callback learns about asynchronous work, by name: items arrive through
 * {@code onNext} (reactive streams, the SDKs' stream handlers) or {@code onPartial...} (LangChain4j's
 * {@code StreamingChatResponseHandler}); the work ends with {@code onComplete}, {@code onCompleted},
 * {@code onCompleteResponse} or {@code onError}. LangChain4j's {@code onCompleteToolCall} is not an
 * end: a tool call completes before the response does.
 */
public final class CallbackMethods {
  private static final Set<String> ITEMS =
      Set.of("onNext", "onPartialResponse", "onPartialThinking", "onPartialToolCall");
  private static final Set<String> COMPLETIONS = Set.of("onComplete", "onCompleted", "onCompleteResponse");
  private static final String ERROR = "onError";

  private CallbackMethods() {}

  static boolean isItem(String name) {
    return ITEMS.contains(name);
  }

  /** True when a method named {@code name} tells that the work completed (its argument, if any, is the result). */
  public static boolean isCompletion(String name) {
    return COMPLETIONS.contains(name);
  }

  static boolean isError(String name) {
    return name.equals(ERROR);
  }

  /** True when a method named {@code name} ends the work a callback follows. */
  public static boolean isEnd(String name) {
    return isCompletion(name) || isError(name);
  }
}
