package llmsdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local stand-in for the OpenAI and Anthropic HTTP APIs: fixed answers with known token usage
 * (cached tokens included), as JSON or as server-sent events when the request asks to stream; and,
 * under {@link #toolsBaseUrl()}, an OpenAI chat model that calls a tool before it answers; under
 * {@link #rateLimitedBaseUrl()}, an OpenAI account over its rate limit (429).
 */
final class ProviderStub implements AutoCloseable {
  static final String CHAT = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      + "\"content\":\"ok\",\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}],"
      + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150,"
      + "\"prompt_tokens_details\":{\"cached_tokens\":100},\"completion_tokens_details\":{\"reasoning_tokens\":5}}}";
  static final List<String> CHAT_CHUNKS = List.of(
      "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"o\"},\"finish_reason\":null}]}",
      "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"k\"},\"finish_reason\":\"stop\"}]}",
      "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\","
          + "\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150,"
          + "\"prompt_tokens_details\":{\"cached_tokens\":100},\"completion_tokens_details\":{\"reasoning_tokens\":5}}}");
  static final String RESPONSE = "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1700000000,"
      + "\"model\":\"gpt-4o-2024-08-06\",\"status\":\"completed\",\"output\":[],\"parallel_tool_calls\":true,"
      + "\"tool_choice\":\"auto\",\"tools\":[],\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
      + "\"metadata\":{},\"temperature\":1.0,\"top_p\":1.0,"
      + "\"usage\":{\"input_tokens\":50,\"input_tokens_details\":{\"cached_tokens\":10},\"output_tokens\":20,"
      + "\"output_tokens_details\":{\"reasoning_tokens\":4},\"total_tokens\":70}}";
  static final List<String> RESPONSE_EVENTS = List.of(
      "event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":1,\"response\":"
          + RESPONSE + "}");
  static final String EMBEDDINGS = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
      + "\"embedding\":[0.1,0.2]}],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}";
  static final String MESSAGE = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
      + "\"model\":\"claude-sonnet-4-20250514\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
      + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":23,\"output_tokens\":40,"
      + "\"cache_read_input_tokens\":3,\"cache_creation_input_tokens\":2}}";
  static final List<String> MESSAGE_EVENTS = List.of(
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\","
          + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[],\"stop_reason\":null,"
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":23,\"output_tokens\":1,"
          + "\"cache_read_input_tokens\":3,\"cache_creation_input_tokens\":2}}}",
      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
      "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}",
      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}",
      // the API's message_delta repeats the input and cache counts (cumulative usage); Spring AI 2.0 reads them there
      "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null},\"usage\":{\"input_tokens\":23,\"output_tokens\":40,"
          + "\"cache_read_input_tokens\":3,\"cache_creation_input_tokens\":2}}",
      "event: message_stop\ndata: {\"type\":\"message_stop\"}");
  static final String COUNT = "{\"input_tokens\":17}";
  /** An AI service's tool loop, first round: the model asks for one tool twice (the second order does not exist). */
  static final String TOOL_CALLS = "{\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      + "\"content\":null,\"tool_calls\":["
      + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"orderStatus\","
      + "\"arguments\":\"{\\\"orderId\\\":\\\"A-17\\\"}\"}},"
      + "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"orderStatus\","
      + "\"arguments\":\"{\\\"orderId\\\":\\\"Z-9\\\"}\"}}]},"
      + "\"finish_reason\":\"tool_calls\"}],"
      + "\"usage\":{\"prompt_tokens\":61,\"completion_tokens\":12,\"total_tokens\":73}}";
  /** Second round, once the request carries the tools' results: the final answer. */
  static final String TOOL_ANSWER = "{\"id\":\"chatcmpl-t2\",\"object\":\"chat.completion\",\"created\":1700000001,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      + "\"content\":\"A-17 has shipped; there is no order Z-9.\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":97,\"completion_tokens\":14,\"total_tokens\":111,"
      + "\"prompt_tokens_details\":{\"cached_tokens\":64}}}";
  static final String RATE_LIMITED = "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\","
      + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";

  private static final Pattern TOOL_RESULT = Pattern.compile("\"role\"\\s*:\\s*\"tool\"");
  /** The SDKs write {@code "stream":true}, LangChain4j {@code "stream" : true}. */
  private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  ProviderStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    handle("/v1/chat/completions", e -> answer(e, CHAT, CHAT_CHUNKS, true));
    handle("/v1/responses", e -> answer(e, RESPONSE, RESPONSE_EVENTS, false));
    handle("/v1/embeddings", e -> answer(e, EMBEDDINGS, List.of(), false));
    handle("/v1/messages/count_tokens", e -> answer(e, COUNT, List.of(), false));
    handle("/v1/messages", e -> answer(e, MESSAGE, MESSAGE_EVENTS, false));
    handle("/tools/v1/chat/completions", ProviderStub::toolRound);
    handle("/limited/v1/chat/completions", e -> {
      request(e);
      respond(e, 429, RATE_LIMITED, false);
    });
    server.start();
  }

  private void handle(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      requests.incrementAndGet();
      handler.handle(exchange);
    });
  }

  /** How many requests the stub has received. */
  int requests() {
    return requests.get();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The OpenAI chat API of a model that calls tools: {@link #TOOL_CALLS}, then {@link #TOOL_ANSWER}. */
  String toolsBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/tools/v1";
  }

  /** The OpenAI chat API of an account over its rate limit: every request gets a 429. */
  String rateLimitedBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/limited/v1";
  }

  /** Asks for the tools until the conversation sent holds their results (a message of role tool). */
  private static void toolRound(HttpExchange exchange) throws IOException {
    boolean withResults = TOOL_RESULT.matcher(request(exchange)).find();
    respond(exchange, 200, withResults ? TOOL_ANSWER : TOOL_CALLS, false);
  }

  private static String request(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange, String json, List<String> events, boolean openAiDone)
      throws IOException {
    boolean stream = STREAM.matcher(request(exchange)).find();
    StringBuilder body = new StringBuilder();
    if (stream) {
      for (String event : events) {
        body.append(event.startsWith("event:") ? event : "data: " + event).append("\n\n");
      }
      if (openAiDone) {
        body.append("data: [DONE]\n\n");
      }
    } else {
      body.append(json);
    }
    respond(exchange, 200, body.toString(), stream);
  }

  private static void respond(HttpExchange exchange, int status, String body, boolean stream) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
