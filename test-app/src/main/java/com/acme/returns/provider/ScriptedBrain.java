package com.acme.returns.provider;

import com.acme.returns.llm.Message;
import com.acme.returns.support.Ids;
import com.acme.returns.tools.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the model. It reads the conversation as text, the way a model would, and follows the
 * returns script: order details, eligibility, then either RMA, label and confirmation e-mail, or a
 * denial e-mail, or a hand-over to a human (when a review is needed or a tool failed).
 */
final class ScriptedBrain {

  private static final Pattern ORDER_ID = Pattern.compile("ORD-\\d+");
  private static final Pattern CONVERSATION_ID = Pattern.compile("conv-\\d+");

  /** The model's next move: tool calls, or (when there are none) the final answer. */
  record Decision(String text, List<ToolCall> toolCalls) {
    boolean isFinal() {
      return toolCalls.isEmpty();
    }
  }

  Decision decide(List<Message> messages, Random random) {
    return new Turn(messages, random).next();
  }

  /** One decision, with what it has read from the conversation. */
  private static final class Turn {
    private final List<Message> messages;
    private final Random random;
    private final String request;
    private final String conversationId;

    Turn(List<Message> messages, Random random) {
      this.messages = messages;
      this.random = random;
      this.request = lastOf(Message.Role.USER);
      this.conversationId = find(CONVERSATION_ID, lastOf(Message.Role.SYSTEM));
    }

    Decision next() {
      String orderId = find(ORDER_ID, request);
      if (orderId == null) {
        return answer("Could you tell me your order number? It looks like ORD-1234.");
      }
      Reply order = reply("get_order_details");
      if (order == null) {
        return call("Let me look up order " + orderId + ".", "get_order_details",
            args("order_id", orderId));
      }
      if (order.isError() || !order.bool("found")) {
        return answer("I could not find order " + orderId + ". Could you check the number?");
      }
      Customer customer = new Customer(order.str("customer_name"), order.str("customer_email"));
      Reply eligibility = reply("check_eligibility");
      if (eligibility == null) {
        return call("Let me check whether order " + orderId + " can be returned.",
            "check_eligibility", args("order_id", orderId, "reason", reason(orderId)));
      }
      if (eligibility.isError() || eligibility.bool("needs_review")) {
        return handOver(customer, orderId, null, "high",
            "needs review: " + eligibility.str("reason"));
      }
      if (!eligibility.bool("eligible")) {
        return deny(customer, orderId, eligibility.str("reason"));
      }
      return approve(customer, orderId);
    }

    private Decision approve(Customer customer, String orderId) {
      Reply rma = reply("create_rma");
      if (rma == null) {
        return call("The order is eligible. I am opening a return authorization.", "create_rma",
            args("order_id", orderId, "reason", reason(orderId)));
      }
      if (rma.isError()) {
        return handOver(customer, orderId, null, "normal", "RMA failed: " + rma.str("message"));
      }
      String rmaNumber = rma.str("rma_number");
      Reply label = reply("generate_return_label");
      if (label == null) {
        return call("Return " + rmaNumber + " is open. Requesting a prepaid shipping label.",
            "generate_return_label", args("rma_number", rmaNumber, "order_id", orderId));
      }
      if (label.isError()) {
        return handOver(customer, orderId, rmaNumber, "normal",
            "label service error: " + label.str("message"));
      }
      if (reply("send_email") == null) {
        Map<String, Object> vars = args("customer_name", customer.name(), "order_id", orderId,
            "rma_number", rmaNumber, "carrier", label.str("carrier"),
            "tracking_number", label.str("tracking_number"),
            "refund_amount", rma.raw("refund_amount"));
        return call("Sending the label and the return instructions to " + customer.email() + ".",
            "send_email", args("to", customer.email(), "template", "return_approved", "vars",
                vars));
      }
      return answer("Your return for " + orderId + " is approved (" + rmaNumber + "). A prepaid "
          + label.str("carrier") + " label, tracking number " + label.str("tracking_number")
          + ", is on its way to " + customer.email() + ". We will refund "
          + rma.raw("refund_amount") + " within 5 business days after the parcel arrives.");
    }

    private Decision deny(Customer customer, String orderId, String why) {
      if (reply("send_email") == null) {
        return call("The order cannot be returned; I will explain by e-mail.", "send_email",
            args("to", customer.email(), "template", "return_denied", "vars",
                args("customer_name", customer.name(), "order_id", orderId, "reason", why)));
      }
      return answer("I am sorry, order " + orderId + " cannot be returned: " + why
          + ". I have sent the details to " + customer.email() + ".");
    }

    private Decision handOver(Customer customer, String orderId, String rmaNumber,
        String priority, String why) {
      Reply ticket = reply("escalate_to_human");
      if (ticket == null) {
        Map<String, Object> escalation = args("conversation_id", conversationId,
            "order_id", orderId, "reason", why, "priority", priority);
        if (rmaNumber != null) {
          escalation.put("rma_number", rmaNumber);
        }
        return calls("I need a colleague to look at this; I am handing it over and letting you"
                + " know by e-mail.",
            tool("escalate_to_human", escalation),
            tool("send_email", args("to", customer.email(), "template", "escalation_notice",
                "vars", args("customer_name", customer.name(), "order_id", orderId))));
      }
      return answer("I have passed your request for " + orderId + " to our returns team (ticket "
          + ticket.str("ticket_number") + "). They will reply within one business day.");
    }

    /** What the customer said after the order number, e.g. "The rain jacket does not fit." */
    private String reason(String orderId) {
      String after = request.substring(request.indexOf(orderId) + orderId.length());
      String reason = after.replaceFirst("^[.,!:;\\s]+", "").trim();
      return reason.isEmpty() ? "no reason given" : reason;
    }

    private Reply reply(String toolName) {
      for (int i = messages.size() - 1; i >= 0; i--) {
        Message m = messages.get(i);
        if (m.getRole() == Message.Role.TOOL && toolName.equals(m.getToolName())) {
          return new Reply(m.getContent(), m.isError());
        }
      }
      return null;
    }

    private String lastOf(Message.Role role) {
      for (int i = messages.size() - 1; i >= 0; i--) {
        if (messages.get(i).getRole() == role) {
          return messages.get(i).getContent();
        }
      }
      return "";
    }

    private Decision call(String text, String toolName, Map<String, Object> arguments) {
      return calls(text, tool(toolName, arguments));
    }

    private Decision calls(String text, ToolCall... toolCalls) {
      return new Decision(text, List.of(toolCalls));
    }

    private ToolCall tool(String toolName, Map<String, Object> arguments) {
      return new ToolCall("call_" + Ids.base62(random, 24), toolName, arguments);
    }

    private static Decision answer(String text) {
      return new Decision(text, List.of());
    }
  }

  private record Customer(String name, String email) {}

  /** A tool result as the model reads it: JSON text. */
  private record Reply(String json, boolean isError) {

    String str(String key) {
      Matcher m = Pattern.compile("\"" + key + "\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
      return m.find() ? m.group(1) : "";
    }

    String raw(String key) {
      Matcher m = Pattern.compile("\"" + key + "\": ([^,}\\]]+)").matcher(json);
      return m.find() ? m.group(1).trim() : "";
    }

    boolean bool(String key) {
      return "true".equals(raw(key));
    }
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group() : null;
  }

  /** An ordered, mutable map from alternating keys and values. */
  private static Map<String, Object> args(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
