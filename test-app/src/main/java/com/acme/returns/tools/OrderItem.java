package com.acme.returns.tools;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of an order. */
public record OrderItem(String sku, String name, String category, int quantity,
    BigDecimal unitPrice, boolean finalSale) {

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("sku", sku);
    map.put("name", name);
    map.put("category", category);
    map.put("quantity", quantity);
    map.put("unit_price", unitPrice);
    map.put("final_sale", finalSale);
    return map;
  }
}
