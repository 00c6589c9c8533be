package com.acme.returns.tools;

import com.acme.returns.db.Sql;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads an order with its customer and lines (two statements; one when the order is unknown). */
final class OrderQueries {

  private static final String ORDER_SQL =
      "SELECT o.order_id, o.order_date, o.delivered_date, o.status, o.total,"
          + " c.id, c.name, c.email, c.fraud_flag"
          + " FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.order_id = ?";

  private static final String ITEMS_SQL =
      "SELECT sku, name, category, quantity, unit_price, final_sale"
          + " FROM order_items WHERE order_id = ? ORDER BY id";

  private OrderQueries() {}

  static Optional<OrderRecord> load(Connection connection, String orderId) throws SQLException {
    Optional<OrderRecord> header = Sql.queryOne(connection, ORDER_SQL, row -> {
      Date delivered = row.getDate("delivered_date");
      return new OrderRecord(row.getString("order_id"), row.getInt("id"), row.getString("name"),
          row.getString("email"), row.getBoolean("fraud_flag"),
          row.getDate("order_date").toLocalDate(),
          delivered == null ? null : delivered.toLocalDate(), row.getString("status"),
          row.getBigDecimal("total"), List.of());
    }, orderId);
    if (header.isEmpty()) {
      return header;
    }
    List<OrderItem> items = Sql.query(connection, ITEMS_SQL, row -> new OrderItem(
        row.getString("sku"), row.getString("name"), row.getString("category"),
        row.getInt("quantity"), row.getBigDecimal("unit_price"), row.getBoolean("final_sale")),
        orderId);
    OrderRecord o = header.get();
    return Optional.of(new OrderRecord(o.orderId(), o.customerId(), o.customerName(),
        o.customerEmail(), o.fraudFlag(), o.orderDate(), o.deliveredDate(), o.status(), o.total(),
        List.copyOf(items)));
  }
}
