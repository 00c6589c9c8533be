package com.acme.returns;

import com.acme.returns.agent.AgentReply;
import com.acme.returns.agent.Conversation;
import com.acme.returns.agent.ReturnsAgent;
import com.acme.returns.db.Database;
import com.acme.returns.db.SeedData;
import com.acme.returns.llm.ClientManager;
import com.acme.returns.llm.LlmGateway;
import com.acme.returns.provider.ProviderApi;
import com.acme.returns.rag.PolicyIndex;
import com.acme.returns.session.SessionManager;
import com.acme.returns.tools.Toolbox;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service wired together: database, policy index, the providers' APIs (simulated in-process),
 * pools, tools and the agent.
 */
final class ReturnsApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReturnsApp.class);

  private final AppOptions options;
  private final SeedData seedData;
  private final Database database;
  private final ProviderApi providers;
  private final ClientManager clients;
  private final ReturnsAgent agent;
  /**
   * The application's own OpenTelemetry API (an old version, and no SDK installed, so a no-op):
   * it must keep working next to the agent's shaded copy.
   */
  private final Tracer tracer = GlobalOpenTelemetry.getTracer("returns-app");
  private volatile long halfDoneNanos;
  private volatile long halfDoneCpuNanos;

  private ReturnsApp(AppOptions options, SeedData seedData, Database database,
      ProviderApi providers, ClientManager clients, ReturnsAgent agent) {
    this.options = options;
    this.seedData = seedData;
    this.database = database;
    this.providers = providers;
    this.clients = clients;
    this.agent = agent;
  }

  static ReturnsApp start(AppOptions options) {
    SeedData seedData = SeedData.generate();
    Database database = Database.start(options.db(), options.concurrency() + 1, seedData);
    log.info("Database ready: {} customers, {} orders", seedData.customers().size(),
        seedData.orders().size());
    PolicyIndex policies = new PolicyIndex();
    log.info("Policy index ready: {} passages", policies.size());
    ProviderApi providers = ProviderApi.start();
    log.info("Provider APIs (simulated) at {}", providers.baseUrl());
    ClientManager clients = new ClientManager(providers.baseUrl());
    ReturnsAgent agent = new ReturnsAgent(new LlmGateway(clients),
        Toolbox.standard(database, policies), new SessionManager(), policies, database,
        options.routes(), options.maxIterations());
    return new ReturnsApp(options, seedData, database, providers, clients, agent);
  }

  /**
   * When {@link #runAll} had the first half of the replies: the second half's rate is the app's
   * steady state, once its start-up and most of the JIT's work are behind it.
   */
  long halfDoneNanos() {
    return halfDoneNanos;
  }

  /** The process's CPU time ({@link ProcessCpu}) at {@link #halfDoneNanos}. */
  long halfDoneCpuNanos() {
    return halfDoneCpuNanos;
  }

  private void markHalfDone() {
    halfDoneNanos = System.nanoTime();
    halfDoneCpuNanos = ProcessCpu.nanos();
  }

  /** Runs all conversations on the worker pool; replies in conversation order. */
  List<AgentReply> runAll() {
    markHalfDone();
    ConversationFactory factory = new ConversationFactory(seedData, options.seed());
    log.info("Running {} conversations on {} worker thread(s)", options.conversations(),
        options.concurrency());
    ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(),
        new WorkerThreads());
    try {
      List<Future<AgentReply>> futures = new ArrayList<>();
      for (int i = 0; i < options.conversations(); i++) {
        Conversation conversation = factory.create(i);
        futures.add(workers.submit(() -> handle(conversation)));
      }
      List<AgentReply> replies = new ArrayList<>();
      for (Future<AgentReply> future : futures) {
        if (replies.size() == futures.size() / 2) {
          markHalfDone();
        }
        replies.add(future.get());
      }
      return replies;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a conversation crashed", e.getCause());
    } finally {
      workers.shutdownNow();
    }
  }

  private AgentReply handle(Conversation conversation) {
    Span span = tracer.spanBuilder("conversation")
        .setAttribute("app.conversation.id", conversation.getId())
        .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      AgentReply reply = agent.handle(conversation);
      span.setAttribute("app.outcome", reply.getOutcome().name());
      return reply;
    } finally {
      span.end();
    }
  }

  @Override
  public void close() {
    clients.close();
    providers.close();
    database.close();
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "agent-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
