package com.acme.returns.provider;

import com.acme.returns.llm.ChatRequest;
import com.acme.returns.llm.ChatResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.List;

/** One provider's HTTP wire format: its requests, answers, streamed events and errors as JSON. */
interface Wire {

  /** A request as read from the wire. */
  record Call(ChatRequest request, boolean stream, boolean includeUsage) {}

  ProviderStyle style();

  /** Reads a request; throws {@link IllegalArgumentException} for one the API would refuse. */
  Call read(JsonNode body, Headers headers);

  ObjectNode response(ChatResponse response);

  /** The answer as server-sent events ({@code data: ...} with any {@code event:} line). */
  List<String> events(ChatResponse response, Call call);

  /** The error body for an HTTP status (429, 400 or 500). */
  ObjectNode error(int status, String message);
}
