package com.acme.returns.tools;

import java.util.Map;

/** The customer e-mails, with {{placeholders}}. */
final class EmailTemplates {

  record Template(String subject, String body) {}

  private static final Map<String, Template> TEMPLATES = Map.of(
      "return_approved", new Template(
          "Your return for {{order_id}} is approved ({{rma_number}})",
          "Hi {{customer_name}},\n\nyour return for order {{order_id}} is approved."
              + " Print the prepaid {{carrier}} label and drop the parcel off within 14 days;"
              + " tracking number {{tracking_number}}.\nWe will refund {{refund_amount}} within"
              + " 5 business days after the parcel arrives.\n\nACME Returns"),
      "return_denied", new Template(
          "About your return request for {{order_id}}",
          "Hi {{customer_name}},\n\nwe are sorry, order {{order_id}} cannot be returned:"
              + " {{reason}}.\nIf the item is defective, the manufacturer warranty may still"
              + " apply.\n\nACME Returns"),
      "escalation_notice", new Template(
          "We are looking into your return for {{order_id}}",
          "Hi {{customer_name}},\n\na member of our returns team will review your request for"
              + " order {{order_id}} and reply within one business day.\n\nACME Returns"));

  private EmailTemplates() {}

  static Template get(String name) {
    Template template = TEMPLATES.get(name);
    if (template == null) {
      throw new IllegalArgumentException("unknown e-mail template '" + name + "'");
    }
    return template;
  }
}
