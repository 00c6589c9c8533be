package com.acme.returns.db;

import com.acme.returns.Counters;
import com.acme.returns.support.SimulatedClock;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shop's customers, catalogue, 40 orders (ORD-1001..ORD-1040) and past returns, generated from
 * a fixed seed so every run sees the same data. Most orders are ordinary; the awkward cases are
 * pinned: ORD-1013 is eligible but the label service rejects it, ORD-1005 and ORD-1019 contain
 * final-sale items, ORD-1017 belongs to customer 11 (four returns in the past year, review), ORD-1034
 * to customer 7 (fraud flag, review), ORD-1022 and ORD-1037 are not delivered yet.
 */
public final class SeedData {

  public static final String LABEL_FAILURE_ORDER = "ORD-1013";
  static final int FRAUD_FLAGGED_CUSTOMER = 7;
  static final int FREQUENT_RETURNER = 11;

  /** A customer row. */
  public record Customer(int id, String name, String email, String tier, boolean fraudFlag) {}

  /** A catalogue entry. */
  public record Product(String sku, String name, String category, BigDecimal price,
      boolean finalSale) {}

  /** An order line. */
  public record Item(Product product, int quantity) {}

  /** An order; {@code deliveredDate} is null while it is not delivered. */
  public record Order(String orderId, Customer customer, LocalDate orderDate,
      LocalDate deliveredDate, String status, List<Item> items) {

    public BigDecimal total() {
      BigDecimal total = BigDecimal.ZERO;
      for (Item item : items) {
        total = total.add(item.product().price().multiply(BigDecimal.valueOf(item.quantity())));
      }
      return total;
    }
  }

  /** A return completed before the simulation's today. */
  public record PastReturn(String rmaNumber, String orderId, int customerId, LocalDate createdAt,
      BigDecimal refund) {}

  private static final String[][] CUSTOMERS = {
    {"Ada Byrne", "gold"}, {"Bruno Costa", "standard"}, {"Chen Wei", "standard"},
    {"Dara Okafor", "gold"}, {"Elena Petrova", "standard"}, {"Farid Haddad", "standard"},
    {"Greta Lindqvist", "standard"}, {"Hugo Martin", "gold"}, {"Imani Jones", "standard"},
    {"Jonas Weber", "standard"}, {"Keiko Sato", "gold"}, {"Liam Murphy", "standard"},
  };

  private static final List<Product> CATALOGUE = List.of(
      product("EL-100", "Noise-cancelling headphones", "electronics", "199.00", false),
      product("EL-210", "USB-C charger", "electronics", "29.99", false),
      product("EL-330", "Mechanical keyboard", "electronics", "89.00", false),
      product("EL-480", "27-inch 4K monitor", "electronics", "329.00", false),
      product("AP-110", "Running shoes", "apparel", "119.00", false),
      product("AP-220", "Rain jacket", "apparel", "149.00", false),
      product("AP-340", "Merino sweater", "apparel", "79.00", false),
      product("HM-120", "Espresso machine", "home", "249.00", false),
      product("HM-230", "Cast iron skillet", "home", "39.00", false),
      product("HM-310", "Bath towel set", "home", "49.00", false),
      product("BT-150", "Vitamin C face serum", "beauty", "34.00", false),
      product("BT-260", "Hair dryer", "beauty", "89.00", false),
      product("OD-170", "Two-person tent", "outdoor", "189.00", false),
      product("OD-280", "Trekking poles", "outdoor", "59.00", false),
      product("CL-900", "Clearance hoodie", "clearance", "19.99", true),
      product("GC-050", "Gift card", "gift-cards", "50.00", true));

  private final List<Customer> customers;
  private final List<Order> orders;
  private final List<PastReturn> pastReturns;

  private SeedData(List<Customer> customers, List<Order> orders, List<PastReturn> pastReturns) {
    this.customers = List.copyOf(customers);
    this.orders = List.copyOf(orders);
    this.pastReturns = List.copyOf(pastReturns);
  }

  public static SeedData generate() {
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS.length; i++) {
      String name = CUSTOMERS[i][0];
      String email = name.toLowerCase().replace(' ', '.') + "@example.com";
      customers.add(new Customer(i + 1, name, email, CUSTOMERS[i][1],
          i + 1 == FRAUD_FLAGGED_CUSTOMER));
    }
    LocalDate today = SimulatedClock.TODAY;
    Random random = new Random(20250616L);
    List<Customer> regulars = customers.stream()
        .filter(c -> c.id() != FRAUD_FLAGGED_CUSTOMER && c.id() != FREQUENT_RETURNER)
        .toList();
    List<Product> regularProducts = CATALOGUE.stream().filter(p -> !p.finalSale()).toList();
    List<Order> orders = new ArrayList<>();
    for (int n = 1001; n <= 1040; n++) {
      String orderId = "ORD-" + n;
      Customer customer = regulars.get(random.nextInt(regulars.size()));
      List<Item> items = new ArrayList<>();
      int lines = 1 + random.nextInt(3);
      for (int i = 0; i < lines; i++) {
        items.add(new Item(regularProducts.get(random.nextInt(regularProducts.size())),
            1 + random.nextInt(2)));
      }
      LocalDate delivered = today.minusDays(1 + random.nextInt(40));
      LocalDate ordered = delivered.minusDays(2 + random.nextInt(5));
      String status = "DELIVERED";
      switch (orderId) {
        case LABEL_FAILURE_ORDER:
          customer = customers.get(2);
          items = List.of(new Item(CATALOGUE.get(0), 1));
          delivered = today.minusDays(6);
          ordered = delivered.minusDays(3);
          break;
        case "ORD-1005":
          items.add(new Item(product("GC-050"), 1));
          break;
        case "ORD-1019":
          items.add(0, new Item(product("CL-900"), 2));
          break;
        case "ORD-1017":
          customer = customers.get(FREQUENT_RETURNER - 1);
          break;
        case "ORD-1034":
          customer = customers.get(FRAUD_FLAGGED_CUSTOMER - 1);
          break;
        case "ORD-1022":
        case "ORD-1037":
          status = orderId.equals("ORD-1022") ? "PROCESSING" : "SHIPPED";
          ordered = today.minusDays(2);
          delivered = null;
          break;
        default:
          break;
      }
      orders.add(new Order(orderId, customer, ordered, delivered, status, List.copyOf(items)));
    }
    List<PastReturn> pastReturns = List.of(
        new PastReturn("RMA-0871-A", "ORD-0871", 11, today.minusDays(40), new BigDecimal("79.00")),
        new PastReturn("RMA-0902-A", "ORD-0902", 11, today.minusDays(95), new BigDecimal("149.00")),
        new PastReturn("RMA-0933-A", "ORD-0933", 11, today.minusDays(180), new BigDecimal("39.00")),
        new PastReturn("RMA-0950-A", "ORD-0950", 11, today.minusDays(300), new BigDecimal("59.00")),
        new PastReturn("RMA-0811-A", "ORD-0811", 2, today.minusDays(200), new BigDecimal("29.99")),
        new PastReturn("RMA-0799-A", "ORD-0799", 5, today.minusDays(500), new BigDecimal("89.00")));
    return new SeedData(customers, orders, pastReturns);
  }

  public List<Customer> customers() {
    return customers;
  }

  public List<Order> orders() {
    return orders;
  }

  public Order order(String orderId) {
    return orders.stream()
        .filter(o -> o.orderId().equals(orderId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such order: " + orderId));
  }

  public List<PastReturn> pastReturns() {
    return pastReturns;
  }

  /**
   * Writes the data with one plain Statement, its values written into the SQL as literals (which the
   * agent replaces by {@code ?}: no customer's name or e-mail address is exported).
   */
  void insert(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (Customer c : customers) {
        Counters.JDBC_STATEMENTS.increment();
        statement.execute("INSERT INTO customers (id, name, email, tier, fraud_flag) VALUES ("
            + c.id() + ", " + text(c.name()) + ", " + text(c.email()) + ", " + text(c.tier())
            + ", " + c.fraudFlag() + ")");
      }
      for (Order o : orders) {
        Counters.JDBC_STATEMENTS.increment();
        statement.execute("INSERT INTO orders (order_id, customer_id, order_date, delivered_date,"
            + " status, total) VALUES (" + text(o.orderId()) + ", " + o.customer().id() + ", "
            + date(o.orderDate()) + ", " + date(o.deliveredDate()) + ", " + text(o.status())
            + ", " + o.total() + ")");
        for (Item item : o.items()) {
          Product p = item.product();
          Counters.JDBC_STATEMENTS.increment();
          statement.execute("INSERT INTO order_items (order_id, sku, name, category, quantity,"
              + " unit_price, final_sale) VALUES (" + text(o.orderId()) + ", " + text(p.sku())
              + ", " + text(p.name()) + ", " + text(p.category()) + ", " + item.quantity() + ", "
              + p.price() + ", " + p.finalSale() + ")");
        }
      }
      for (PastReturn r : pastReturns) {
        Counters.JDBC_STATEMENTS.increment();
        statement.execute("INSERT INTO rmas (rma_number, order_id, customer_id, reason, status,"
            + " refund_amount, created_at) VALUES (" + text(r.rmaNumber()) + ", "
            + text(r.orderId()) + ", " + r.customerId() + ", 'past return', 'REFUNDED', "
            + r.refund() + ", " + date(r.createdAt()) + ")");
      }
    }
  }

  private static Product product(String sku) {
    return CATALOGUE.stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow();
  }

  private static Product product(String sku, String name, String category, String price,
      boolean finalSale) {
    return new Product(sku, name, category, new BigDecimal(price), finalSale);
  }

  private static String text(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String date(LocalDate d) {
    return d == null ? "NULL" : "DATE '" + d + "'";
  }
}
