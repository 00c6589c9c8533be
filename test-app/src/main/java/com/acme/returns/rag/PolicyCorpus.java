package com.acme.returns.rag;

import java.util.List;

/** The returns policy, cut into passages the way a document loader would. */
final class PolicyCorpus {

  private PolicyCorpus() {}

  static List<PolicySnippet> snippets() {
    return List.of(
        s("POL-001", "general", "Standard return window", 30,
            "Most items can be returned within 30 days of delivery for a full refund to the"
                + " original payment method."),
        s("POL-002", "general", "Proof of purchase", 0,
            "A return needs the order number. Receipts are not required for online orders."),
        s("POL-003", "general", "Condition of returned items", 0,
            "Items must be returned unused, in their original packaging, with all accessories."),
        s("POL-004", "electronics", "Electronics return window", 30,
            "Electronics such as headphones, chargers, keyboards and monitors can be returned"
                + " within 30 days of delivery if all accessories are included."),
        s("POL-005", "electronics", "Opened electronics", 0,
            "Opened electronics are accepted within the window; a restocking fee never applies to"
                + " defective or damaged devices."),
        s("POL-006", "apparel", "Apparel return window", 60,
            "Clothing and shoes can be returned within 60 days of delivery, unworn and with tags."),
        s("POL-007", "apparel", "Sizing exchanges", 0,
            "If shoes or clothes do not fit, customers may exchange them for another size free of"
                + " charge."),
        s("POL-008", "home", "Home and kitchen return window", 30,
            "Home and kitchen products such as espresso machines, cookware and towels can be"
                + " returned within 30 days of delivery."),
        s("POL-009", "home", "Small appliances", 0,
            "Small appliances must be cleaned before return; used appliances are inspected."),
        s("POL-010", "beauty", "Beauty return window", 14,
            "Beauty products such as serums and hair dryers can be returned within 14 days of"
                + " delivery if unopened."),
        s("POL-011", "beauty", "Hygiene", 0,
            "For hygiene reasons opened cosmetics cannot be returned unless they arrived damaged."),
        s("POL-012", "outdoor", "Outdoor gear return window", 45,
            "Outdoor gear such as tents and trekking poles can be returned within 45 days of"
                + " delivery."),
        s("POL-013", "outdoor", "Used outdoor gear", 0,
            "Tents that were pitched outdoors must be dry and clean when returned."),
        s("POL-014", "clearance", "Clearance items", 30,
            "Clearance items are final sale. Defective or damaged clearance items can still be"
                + " returned within 30 days of delivery."),
        s("POL-015", "gift-cards", "Gift cards", 0,
            "Gift cards are final sale and cannot be returned or exchanged for cash."),
        s("POL-016", "damaged", "Damaged on arrival", 0,
            "If an item arrived damaged, broken, cracked or defective, it can be returned within"
                + " an extra 30 days beyond the usual window, even if it is final sale."),
        s("POL-017", "damaged", "Photos of damage", 0,
            "For damage claims we may ask for a photo of the damaged item and its packaging."),
        s("POL-018", "refunds", "Refund timing", 0,
            "Refunds are issued within 5 business days after the returned item is received."),
        s("POL-019", "refunds", "Refund amount", 0,
            "The refund covers the item price and original shipping for damaged or wrong items."),
        s("POL-020", "shipping", "Return shipping labels", 0,
            "We email a prepaid return shipping label once the return authorization is created."),
        s("POL-021", "shipping", "Drop-off", 0,
            "Packages can be dropped off at any carrier location within 14 days of the label."),
        s("POL-022", "exchanges", "Exchanges", 0,
            "Exchanges for a different size or colour are processed as a return and a new order."),
        s("POL-023", "wrong-item", "Wrong item delivered", 0,
            "If the wrong item or wrong colour was delivered we cover return shipping and send the"
                + " correct item."),
        s("POL-024", "fraud", "Account review", 0,
            "Returns on accounts flagged for review are handled by a human agent."),
        s("POL-025", "frequency", "Frequent returns", 0,
            "Customers with three or more returns in the past 12 months are reviewed by a human"
                + " agent before a new return is approved."),
        s("POL-026", "status", "Undelivered orders", 0,
            "Orders that are still processing or in transit cannot be returned yet; they can be"
                + " cancelled instead."),
        s("POL-027", "warranty", "Manufacturer warranty", 0,
            "After the return window, defective electronics are covered by the manufacturer"
                + " warranty for one year."),
        s("POL-028", "escalation", "Escalation", 0,
            "When a return cannot be completed automatically, the case is escalated to a human"
                + " agent who replies within one business day."),
        s("POL-029", "general", "Holiday returns", 0,
            "Items delivered between November 1 and December 24 can be returned until January 31."),
        s("POL-030", "general", "Changed mind", 0,
            "Customers who changed their mind can return items within the standard window."));
  }

  private static PolicySnippet s(String id, String category, String title, int windowDays,
      String text) {
    return new PolicySnippet(id, category, title, windowDays, text);
  }
}
