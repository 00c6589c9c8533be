package com.acme.returns.tools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An order with its customer and lines, as the tools read it. */
public record OrderRecord(String orderId, int customerId, String customerName,
    String customerEmail, boolean fraudFlag, LocalDate orderDate, LocalDate deliveredDate,
    String status, BigDecimal total, List<OrderItem> items) {

  /** The category that decides the return window: the first line's. */
  public String primaryCategory() {
    return items.isEmpty() ? "general" : items.get(0).category();
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("order_id", orderId);
    map.put("found", true);
    map.put("customer_name", customerName);
    map.put("customer_email", customerEmail);
    map.put("order_date", orderDate.toString());
    map.put("delivered_date", deliveredDate == null ? null : deliveredDate.toString());
    map.put("status", status);
    map.put("total", total);
    map.put("items", items.stream().map(OrderItem::toMap).toList());
    return map;
  }
}
