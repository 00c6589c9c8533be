package com.acme.returns;

import com.acme.returns.agent.Conversation;
import com.acme.returns.db.SeedData;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes up the customers' requests. Conversation n draws from its own {@code Random(seed + n)}, so
 * it is the same whatever runs before it or beside it. Conversation 3 always asks about ORD-1013,
 * whose label the carrier rejects.
 */
final class ConversationFactory {

  static final int LABEL_FAILURE_CONVERSATION = 3;

  private static final String[] OPENERS = {
    "Hi, I'd like to return order %s.",
    "Hello! Can I send back my order %s?",
    "I want to return %s, please.",
  };

  private static final String[] REASONS = {
    "The %s arrived damaged.",
    "The %s doesn't fit.",
    "I changed my mind about the %s.",
    "The %s stopped working after a week.",
    "You sent the wrong colour of the %s.",
    "The %s is not what I expected.",
  };

  private final SeedData data;
  private final long seed;

  ConversationFactory(SeedData data, long seed) {
    this.data = data;
    this.seed = seed;
  }

  Conversation create(int index) {
    Random random = new Random(seed + index);
    List<SeedData.Order> orders = data.orders();
    SeedData.Order order = orders.get(random.nextInt(orders.size()));
    if (index == LABEL_FAILURE_CONVERSATION) {
      order = data.order(SeedData.LABEL_FAILURE_ORDER);
    }
    String item = order.items().get(0).product().name().toLowerCase(Locale.ROOT);
    String message = String.format(OPENERS[random.nextInt(OPENERS.length)], order.orderId())
        + " " + String.format(REASONS[random.nextInt(REASONS.length)], item);
    return new Conversation(index, order.customer().email(),
        String.format("acct-%04d", order.customer().id()), order.orderId(), message,
        random.nextLong());
  }
}
