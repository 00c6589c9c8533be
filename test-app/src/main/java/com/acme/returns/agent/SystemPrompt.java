package com.acme.returns.agent;

import com.acme.returns.rag.PolicySnippet;
import java.util.List;

/** The instructions of the returns assistant, with the policy passages found for the request. */
final class SystemPrompt {

  private SystemPrompt() {}

  static String build(Conversation conversation, List<PolicySnippet> policy, List<String> tools) {
    StringBuilder prompt = new StringBuilder()
        .append("You are the returns assistant of ACME, an online shop. Help the customer return")
        .append(" an order. Always look the order up first, then check eligibility with the")
        .append(" check_eligibility tool; never promise a refund before it says the order is")
        .append(" eligible. For eligible orders create an RMA, generate a return label and e-mail")
        .append(" the instructions. For ineligible orders explain why by e-mail. Hand the case")
        .append(" to a human when a review is needed or a tool fails. Be brief and friendly.\n\n")
        .append("Conversation: ").append(conversation.getId()).append('\n')
        .append("Customer e-mail: ").append(conversation.getCustomerEmail()).append('\n')
        .append("Tools: ").append(String.join(", ", tools)).append("\n\n")
        .append("Relevant policy:\n");
    for (PolicySnippet snippet : policy) {
      prompt.append("- [").append(snippet.getId()).append("] ").append(snippet.getTitle())
          .append(": ").append(snippet.getText()).append('\n');
    }
    return prompt.toString();
  }
}
