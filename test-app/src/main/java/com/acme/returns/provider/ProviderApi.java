package com.acme.returns.provider;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The providers' HTTP APIs, simulated in-process on a free local port: OpenAI's chat completions
 * at {@code /v1/chat/completions} and Anthropic's messages at {@code /v1/messages}, answered by the
 * simulated models. The app's clients reach it through the real SDKs, as they would the providers.
 */
public final class ProviderApi implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService handlers;

  private ProviderApi(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  public static ProviderApi start() {
    // the JDK server's own setting for TCP_NODELAY: without it, a response written in several small
    // pieces waits for the client's delayed ACK, about 40 ms a call
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/v1/chat/completions", new Endpoint(new OpenAiWire()));
      server.createContext("/v1/messages", new Endpoint(new AnthropicWire()));
      AtomicInteger threads = new AtomicInteger();
      ExecutorService handlers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "provider-api-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      server.setExecutor(handlers);
      server.start();
      return new ProviderApi(server, handlers);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulated provider APIs", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the base URL of both APIs (OpenAI's under /v1). */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
