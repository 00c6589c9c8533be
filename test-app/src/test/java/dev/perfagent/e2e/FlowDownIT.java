package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flow-down} through the real jar on the test-app: its config marks the conversation id and
 * the customer's account, read when {@code ReturnsAgent.handle} starts, as flowing down. Every span of
 * a conversation carries them (the model calls too, the async ones ending on the SDK's threads), and
 * the token and cost metrics are split by account with sums equal to the totals.
 */
class FlowDownIT {
  private static final String CONVERSATION = "gen_ai.conversation.id";
  private static final String ACCOUNT = "returns.customer.account";
  private static final String ASYNC = "com.anthropic.services.async.MessageServiceAsyncImpl.create";

  @TempDir Path work;

  @Test
  void theConversationAndTheAccountReachEverySpanBeneathAndSplitTokensAndCost() throws Exception {
    AppRun run = AppRun.run(AppRun.defaultJava(), work, "config=" + AppRun.appConfig(), Map.of());
    assertEquals(0, run.exitCode, run.toString());
    Map<String, Long> counters = run.counters();
    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    Map<String, ReceivedSpan> conversations = spans.stream()
        .filter(s -> s.name.equals("invoke_agent returns-assistant"))
        .collect(Collectors.toMap(s -> s.traceId, Function.identity()));
    assertEquals(counters.get("conversations"), conversations.size());
    assertTrue(conversations.values().stream().map(c -> c.attribute(ACCOUNT)).distinct().count() > 1,
        "several customers: " + conversations.values());

    int beneath = 0;
    for (ReceivedSpan span : spans) {
      ReceivedSpan conversation = conversations.get(span.traceId);
      if (conversation == null) {
        assertNull(span.attribute(ACCOUNT), "outside every conversation nothing flows: " + span);
        continue;
      }
      assertNotNull(conversation.attribute(CONVERSATION));
      assertTrue(((String) conversation.attribute(ACCOUNT)).matches("acct-\\d{4}"), conversation.toString());
      assertEquals(conversation.attribute(CONVERSATION), span.attribute(CONVERSATION), span.toString());
      assertEquals(conversation.attribute(ACCOUNT), span.attribute(ACCOUNT), span.toString());
      beneath++;
    }
    assertTrue(beneath > 10 * conversations.size(), beneath + " spans in conversations");

    List<ReceivedSpan> chats = spans.stream().filter(ChatSpans::isChat).collect(Collectors.toList());
    assertEquals(counters.get("llm.calls"), chats.size());
    long async = chats.stream().filter(c -> ASYNC.equals(c.attribute("code.function.name"))).count();
    assertEquals(counters.get("llm.async"), async, "the async calls end on the SDK's threads, and carry them too");
    assertTrue(async > 0);

    Map<String, Double> inputBySpans = new TreeMap<>();
    Map<String, Double> costBySpans = new TreeMap<>();
    for (ReceivedSpan chat : chats) {
      String account = (String) chat.attribute(ACCOUNT);
      Object input = chat.attribute("gen_ai.usage.input_tokens");
      if (input != null) {
        inputBySpans.merge(account, ((Long) input).doubleValue(), Double::sum);
      }
      Object cost = chat.attribute("perf_agent.cost.usd");
      if (cost != null) {
        costBySpans.merge(account, (Double) cost, Double::sum);
      }
    }
    Path metrics = work.resolve("perf-agent-metrics.jsonl");
    Map<String, Double> inputByMetric =
        JsonLinesMetrics.histogramSumsBy(metrics, "gen_ai.client.token.usage", ACCOUNT, "gen_ai.token.type", "input");
    assertEquals(inputBySpans, inputByMetric, "input tokens per account");
    long inputTotal = counters.entrySet().stream().filter(e -> e.getKey().startsWith("llm.input_tokens."))
        .mapToLong(Map.Entry::getValue).sum();
    assertEquals(inputTotal, inputByMetric.values().stream().mapToDouble(Double::doubleValue).sum(), 0.0,
        "the accounts' input tokens add up to the app's own total");

    Map<String, Double> costByMetric = JsonLinesMetrics.counterTotalsBy(metrics, "perf_agent.gen_ai.cost", ACCOUNT);
    assertEquals(costBySpans.keySet(), costByMetric.keySet());
    costBySpans.forEach((account, usd) -> assertEquals(usd, costByMetric.get(account), 1e-12, account));
    assertEquals(JsonLinesMetrics.counterTotal(metrics, "perf_agent.gen_ai.cost"),
        costByMetric.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
  }
}
