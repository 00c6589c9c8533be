package com.acme.returns.provider;

import com.acme.returns.llm.RateLimitException;
import com.acme.returns.support.SimulatedLatency;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One provider's chat endpoint: reads the request in the provider's wire format, lets the
 * simulated model answer, and writes the answer as JSON after the model's latency, or as events
 * (the first when the first token is ready, the rest spread over the remaining time). A throttled
 * call is a 429 with the provider's error body and a {@code retry-after-ms} header.
 */
final class Endpoint implements HttpHandler {

  private final Wire wire;
  private final Map<String, SimulatedInference> models = new ConcurrentHashMap<>();

  Endpoint(Wire wire) {
    this.wire = wire;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      answer(exchange);
    } catch (RateLimitException e) {
      exchange.getResponseHeaders().set("retry-after-ms", Long.toString(e.getRetryAfterMillis()));
      send(exchange, 429, wire.error(429, e.getMessage()));
    } catch (IllegalArgumentException e) {
      send(exchange, 400, wire.error(400, e.getMessage()));
    } catch (RuntimeException e) {
      send(exchange, 500, wire.error(500, e.toString()));
    } finally {
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    Wire.Call call = wire.read(WireJson.parse(new String(
        exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)),
        exchange.getRequestHeaders());
    SimulatedInference.Answer answer = models.computeIfAbsent(call.request().getModel(),
        model -> new SimulatedInference(wire.style(), model)).answer(call.request());
    if (call.stream()) {
      stream(exchange, wire.events(answer.response(), call), answer);
    } else {
      SimulatedLatency.sleepMillis(answer.totalMillis());
      send(exchange, 200, wire.response(answer.response()));
    }
  }

  private static void stream(HttpExchange exchange, List<String> events,
      SimulatedInference.Answer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    double pause = (answer.totalMillis() - answer.firstTokenMillis()) / (events.size() - 1);
    try (OutputStream out = exchange.getResponseBody()) {
      SimulatedLatency.sleepMillis(answer.firstTokenMillis());
      for (int i = 0; i < events.size(); i++) {
        if (i > 0) {
          SimulatedLatency.sleepMillis(pause);
        }
        out.write((events.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body)
      throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
