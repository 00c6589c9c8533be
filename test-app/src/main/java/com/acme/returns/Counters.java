package com.acme.returns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ground truth for the end-to-end tests: each counter is incremented exactly once per call of the
 * method it is named after, so a test can compare the number of spans the agent recorded for a
 * pointcut with the number of calls the application made.
 *
 * <pre>
 * conversations       ReturnsAgent.handle
 * agent.iterations    ReturnsAgent.runIteration
 * llm.calls           LlmClient.chat: one request through a provider's SDK (every attempt,
 *                     including rate-limited ones)
 * llm.rate_limited    LlmClient.chat that threw RateLimitException (the API answered 429)
 * llm.streamed        of these, the requests streamed (openai-java createStreaming)
 * llm.async           of these, the requests made with a client's async() (anthropic-java)
 * tool.calls          Tool.run (each of the six tool classes)
 * tool.failures       Tool.run that threw
 * jdbc.statements     Statement.execute / PreparedStatement.executeQuery() / executeUpdate():
 *                     every SQL statement the app runs, the schema and seed data included
 * db.commits          Connection.commit (Database.inTransaction)
 * db.rollbacks        Connection.rollback (Database.inTransaction)
 * db.pool.checkouts   Database.connection: HikariDataSource.getConnection
 * db.starts           Database.start
 * pool.lookups        ClientManager.getClient
 * pool.misses         ClientManager.getClient that had to create a client
 * client.creates      ClientManager.createClient
 * session.connects    SessionManager.connect
 * session.forks       SessionManager.fork
 * session.templates   SessionManager.createTemplate
 * session.closes      SessionManager.close
 * rag.searches        PolicyIndex.search
 * eligibility.steps   the seven CheckEligibilityTool step methods
 * email.renders       SendEmailTool.renderTemplate
 * </pre>
 *
 * <p>The tokens of the successful LLM calls are added up per request model, as the provider
 * reported them (input tokens include the cached ones).
 */
public final class Counters {

  private static final Map<String, LongAdder> ALL = new LinkedHashMap<>();

  public static final LongAdder CONVERSATIONS = counter("conversations");
  public static final LongAdder AGENT_ITERATIONS = counter("agent.iterations");
  public static final LongAdder LLM_CALLS = counter("llm.calls");
  public static final LongAdder LLM_RATE_LIMITED = counter("llm.rate_limited");
  public static final LongAdder LLM_STREAMED = counter("llm.streamed");
  public static final LongAdder LLM_ASYNC = counter("llm.async");
  public static final LongAdder TOOL_CALLS = counter("tool.calls");
  public static final LongAdder TOOL_FAILURES = counter("tool.failures");
  public static final LongAdder JDBC_STATEMENTS = counter("jdbc.statements");
  public static final LongAdder DB_COMMITS = counter("db.commits");
  public static final LongAdder DB_ROLLBACKS = counter("db.rollbacks");
  public static final LongAdder DB_POOL_CHECKOUTS = counter("db.pool.checkouts");
  public static final LongAdder DB_STARTS = counter("db.starts");
  public static final LongAdder POOL_LOOKUPS = counter("pool.lookups");
  public static final LongAdder POOL_MISSES = counter("pool.misses");
  public static final LongAdder CLIENT_CREATES = counter("client.creates");
  public static final LongAdder SESSION_CONNECTS = counter("session.connects");
  public static final LongAdder SESSION_FORKS = counter("session.forks");
  public static final LongAdder SESSION_TEMPLATES = counter("session.templates");
  public static final LongAdder SESSION_CLOSES = counter("session.closes");
  public static final LongAdder RAG_SEARCHES = counter("rag.searches");
  public static final LongAdder ELIGIBILITY_STEPS = counter("eligibility.steps");
  public static final LongAdder EMAIL_RENDERS = counter("email.renders");

  /** LLM call attempts per provider ("openai", "anthropic"). */
  public static final Keyed LLM_CALLS_BY_PROVIDER = new Keyed();
  /** LLM call attempts per request model. */
  public static final Keyed LLM_CALLS_BY_MODEL = new Keyed();
  /** Tokens of successful calls per request model. */
  public static final Keyed INPUT_TOKENS_BY_MODEL = new Keyed();
  public static final Keyed OUTPUT_TOKENS_BY_MODEL = new Keyed();
  public static final Keyed CACHE_READ_TOKENS_BY_MODEL = new Keyed();
  public static final Keyed CACHE_WRITE_TOKENS_BY_MODEL = new Keyed();
  /** Tool runs per tool name. */
  public static final Keyed TOOL_CALLS_BY_NAME = new Keyed();

  private Counters() {}

  private static LongAdder counter(String name) {
    LongAdder adder = new LongAdder();
    ALL.put(name, adder);
    return adder;
  }

  /** The fixed counters, in the order of the machine-readable line. */
  public static Map<String, Long> snapshot() {
    Map<String, Long> values = new LinkedHashMap<>();
    ALL.forEach((name, adder) -> values.put(name, adder.sum()));
    return values;
  }

  /**
   * The machine-readable line: the fixed counters, then {@code llm.calls.<provider>},
   * {@code llm.input_tokens.<model>}, {@code llm.output_tokens.<model>},
   * {@code llm.cache_read_tokens.<model>}, {@code llm.cache_write_tokens.<model>} and
   * {@code tool.calls.<tool>} entries, each group sorted by name.
   */
  public static String line() {
    StringBuilder out = new StringBuilder("counters:");
    snapshot().forEach((name, value) -> out.append(' ').append(name).append('=').append(value));
    append(out, "llm.calls.", LLM_CALLS_BY_PROVIDER);
    append(out, "llm.input_tokens.", INPUT_TOKENS_BY_MODEL);
    append(out, "llm.output_tokens.", OUTPUT_TOKENS_BY_MODEL);
    append(out, "llm.cache_read_tokens.", CACHE_READ_TOKENS_BY_MODEL);
    append(out, "llm.cache_write_tokens.", CACHE_WRITE_TOKENS_BY_MODEL);
    append(out, "tool.calls.", TOOL_CALLS_BY_NAME);
    return out.toString();
  }

  private static void append(StringBuilder out, String prefix, Keyed counters) {
    counters.snapshot().forEach((k, v) -> out.append(' ').append(prefix).append(k).append('=')
        .append(v));
  }

  /** Zeroes everything (for running the app more than once in one JVM). */
  public static void reset() {
    ALL.values().forEach(LongAdder::reset);
    LLM_CALLS_BY_PROVIDER.reset();
    LLM_CALLS_BY_MODEL.reset();
    INPUT_TOKENS_BY_MODEL.reset();
    OUTPUT_TOKENS_BY_MODEL.reset();
    CACHE_READ_TOKENS_BY_MODEL.reset();
    CACHE_WRITE_TOKENS_BY_MODEL.reset();
    TOOL_CALLS_BY_NAME.reset();
  }

  /** Counters keyed by a name known only at run time. */
  public static final class Keyed {
    private final ConcurrentHashMap<String, LongAdder> values = new ConcurrentHashMap<>();

    public void increment(String key) {
      add(key, 1);
    }

    public void add(String key, long amount) {
      values.computeIfAbsent(key, k -> new LongAdder()).add(amount);
    }

    public long get(String key) {
      LongAdder adder = values.get(key);
      return adder == null ? 0 : adder.sum();
    }

    /** Sorted by key. */
    public Map<String, Long> snapshot() {
      Map<String, Long> sorted = new TreeMap<>();
      values.forEach((k, v) -> sorted.put(k, v.sum()));
      return sorted;
    }

    void reset() {
      values.clear();
    }
  }
}
