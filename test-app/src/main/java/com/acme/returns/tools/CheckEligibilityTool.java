package com.acme.returns.tools;

import com.acme.returns.Counters;
import com.acme.returns.db.Database;
import com.acme.returns.db.Sql;
import com.acme.returns.rag.PolicyIndex;
import com.acme.returns.rag.PolicySnippet;
import com.acme.returns.support.SimulatedClock;
import com.acme.returns.support.SimulatedLatency;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an order can be returned, in seven steps that stop at the first failure. Each
 * step is a public method of its own (counted in {@code eligibility.steps}) so it can be traced.
 */
public final class CheckEligibilityTool extends BaseTool {

  private static final List<String> DAMAGE_WORDS = List.of(
      "damaged", "broken", "cracked", "defective", "stopped working", "scratched");
  private static final int RETURNS_BEFORE_REVIEW = 3;
  private static final int DAMAGE_GRACE_DAYS = 30;
  private static final double RISK_SERVICE_MILLIS = 2;

  private static final String RECENT_RETURNS_SQL =
      "SELECT COUNT(*) FROM rmas WHERE customer_id = ? AND created_at >= ? AND created_at < ?";

  private final PolicyIndex policies;

  public CheckEligibilityTool(Database database, PolicyIndex policies) {
    super(database);
    this.policies = policies;
  }

  @Override
  public String name() {
    return "check_eligibility";
  }

  @Override
  public ToolResult run(ToolCall call) {
    return execute(call, this::decide);
  }

  private ToolResult decide(ToolCall call) {
    String orderId = call.requireString("order_id");
    String reason = call.optionalString("reason", "");
    Optional<OrderRecord> found = withConnection(c -> OrderQueries.load(c, orderId));
    if (found.isEmpty()) {
      return verdict(call, orderId, List.of(EligibilityStep.fail("lookup", "order not found")),
          null, false);
    }
    OrderRecord order = found.get();
    List<EligibilityStep> steps = new ArrayList<>();
    boolean damaged = false;
    PolicySnippet policy = null;
    // each step runs only if the ones before it passed
    if (record(steps, validateItems(order.items()))) {
      EligibilityStep damage = checkDamageKeywords(reason);
      record(steps, damage);
      damaged = damage.status() == EligibilityStep.Status.NOTE;
      if (record(steps, checkFraudFlags(order))
          && record(steps, checkReturnFrequency(order))
          && record(steps, checkReturnability(order, damaged))) {
        policy = lookupPolicy(order.primaryCategory());
        record(steps, EligibilityStep.pass("lookup_policy", policy.getId()));
        record(steps, checkWindow(order, policy, damaged));
      }
    }
    return verdict(call, orderId, steps, policy, damaged);
  }

  public EligibilityStep validateItems(List<OrderItem> items) {
    Counters.ELIGIBILITY_STEPS.increment();
    if (items.isEmpty()) {
      return EligibilityStep.fail("validate_items", "the order has no items");
    }
    for (OrderItem item : items) {
      if (item.quantity() <= 0) {
        return EligibilityStep.fail("validate_items", "invalid quantity for " + item.sku());
      }
    }
    return EligibilityStep.pass("validate_items", items.size() + " item(s)");
  }

  public EligibilityStep checkDamageKeywords(String reason) {
    Counters.ELIGIBILITY_STEPS.increment();
    String text = reason.toLowerCase(Locale.ROOT);
    for (String word : DAMAGE_WORDS) {
      if (text.contains(word)) {
        return EligibilityStep.note("damage_keywords", "damage reported: " + word);
      }
    }
    return EligibilityStep.pass("damage_keywords", "no damage reported");
  }

  /** Asks the (simulated) risk service about the customer. */
  public EligibilityStep checkFraudFlags(OrderRecord order) {
    Counters.ELIGIBILITY_STEPS.increment();
    SimulatedLatency.sleepMillis(RISK_SERVICE_MILLIS);
    return order.fraudFlag()
        ? EligibilityStep.review("fraud_flags", "account flagged for review")
        : EligibilityStep.pass("fraud_flags", "no flags");
  }

  /** Counts completed returns in the 12 months before today (requests made today excluded). */
  public EligibilityStep checkReturnFrequency(OrderRecord order) {
    Counters.ELIGIBILITY_STEPS.increment();
    LocalDate today = SimulatedClock.TODAY;
    long recent = withConnection(c -> Sql.queryOne(c, RECENT_RETURNS_SQL, row -> row.getLong(1),
        order.customerId(), today.minusYears(1), today)).orElse(0L);
    return recent >= RETURNS_BEFORE_REVIEW
        ? EligibilityStep.review("return_frequency", recent + " returns in the past 12 months")
        : EligibilityStep.pass("return_frequency", recent + " return(s) in the past 12 months");
  }

  public EligibilityStep checkReturnability(OrderRecord order, boolean damaged) {
    Counters.ELIGIBILITY_STEPS.increment();
    if (!"DELIVERED".equals(order.status())) {
      return EligibilityStep.fail("returnability",
          "the order is " + order.status().toLowerCase(Locale.ROOT) + ", not delivered yet");
    }
    for (OrderItem item : order.items()) {
      if (item.finalSale() && !damaged) {
        return EligibilityStep.fail("returnability", item.name() + " is final sale");
      }
    }
    return EligibilityStep.pass("returnability", "returnable");
  }

  /** Finds the passage of the policy that sets the return window of {@code category}. */
  public PolicySnippet lookupPolicy(String category) {
    Counters.ELIGIBILITY_STEPS.increment();
    List<PolicySnippet> hits = policies.search(category + " return window days delivery", 5);
    return hits.stream()
        .filter(s -> s.getWindowDays() > 0 && s.getCategory().equals(category))
        .findFirst()
        .or(() -> hits.stream().filter(s -> s.getWindowDays() > 0).findFirst())
        .orElseThrow(() -> new IllegalStateException("no return window found for " + category));
  }

  public EligibilityStep checkWindow(OrderRecord order, PolicySnippet policy, boolean damaged) {
    Counters.ELIGIBILITY_STEPS.increment();
    int window = policy.getWindowDays() + (damaged ? DAMAGE_GRACE_DAYS : 0);
    long days = ChronoUnit.DAYS.between(order.deliveredDate(), SimulatedClock.TODAY);
    String detail = "delivered " + days + " days ago";
    return days <= window
        ? EligibilityStep.pass("return_window", detail + ", within the " + window + "-day window")
        : EligibilityStep.fail("return_window",
            detail + ", outside the " + window + "-day window");
  }

  private static boolean record(List<EligibilityStep> steps, EligibilityStep step) {
    steps.add(step);
    return step.passed();
  }

  private static ToolResult verdict(ToolCall call, String orderId, List<EligibilityStep> steps,
      PolicySnippet policy, boolean damaged) {
    EligibilityStep decisive = steps.stream()
        .filter(s -> !s.passed())
        .findFirst()
        .orElse(steps.get(steps.size() - 1));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("order_id", orderId);
    data.put("eligible", decisive.passed());
    data.put("needs_review", decisive.needsReview());
    data.put("reason", decisive.detail());
    data.put("damage_reported", damaged);
    if (policy != null) {
      data.put("policy_id", policy.getId());
      data.put("window_days", policy.getWindowDays());
    }
    data.put("steps", steps.stream().map(EligibilityStep::step).toList());
    return ToolResult.ok(call, data);
  }
}
