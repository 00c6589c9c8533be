package com.acme.returns.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** DDL of the returns database. Drops everything first, so a second run in one JVM starts clean. */
final class Schema {

  private static final String[] DDL = {
    "DROP ALL OBJECTS",
    "CREATE TABLE customers ("
        + " id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL UNIQUE,"
        + " tier VARCHAR(20) NOT NULL, fraud_flag BOOLEAN DEFAULT FALSE NOT NULL)",
    "CREATE TABLE orders ("
        + " order_id VARCHAR(20) PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers(id),"
        + " order_date DATE NOT NULL, delivered_date DATE, status VARCHAR(20) NOT NULL,"
        + " total DECIMAL(10, 2) NOT NULL, return_status VARCHAR(20), last_rma_number VARCHAR(40))",
    "CREATE TABLE order_items ("
        + " id INT AUTO_INCREMENT PRIMARY KEY, order_id VARCHAR(20) NOT NULL REFERENCES orders(order_id),"
        + " sku VARCHAR(20) NOT NULL, name VARCHAR(100) NOT NULL, category VARCHAR(30) NOT NULL,"
        + " quantity INT NOT NULL, unit_price DECIMAL(10, 2) NOT NULL, final_sale BOOLEAN NOT NULL)",
    // no foreign key on order_id: past RMAs may refer to archived orders
    "CREATE TABLE rmas ("
        + " id BIGINT AUTO_INCREMENT PRIMARY KEY, rma_number VARCHAR(40) NOT NULL UNIQUE,"
        + " order_id VARCHAR(20) NOT NULL, customer_id INT NOT NULL, reason VARCHAR(300),"
        + " status VARCHAR(20) NOT NULL, refund_amount DECIMAL(10, 2), label_tracking VARCHAR(40),"
        + " created_at DATE NOT NULL)",
    "CREATE INDEX rmas_customer ON rmas(customer_id, created_at)",
    "CREATE TABLE email_log ("
        + " id BIGINT AUTO_INCREMENT PRIMARY KEY, message_id VARCHAR(80) NOT NULL,"
        + " recipient VARCHAR(200) NOT NULL, template VARCHAR(40) NOT NULL,"
        + " subject VARCHAR(300) NOT NULL, body CLOB NOT NULL,"
        + " sent_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
    "CREATE TABLE conversation_logs ("
        + " id BIGINT AUTO_INCREMENT PRIMARY KEY, conversation_id VARCHAR(30) NOT NULL,"
        + " turn INT NOT NULL, role VARCHAR(20) NOT NULL, content CLOB NOT NULL,"
        + " logged_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
    "CREATE INDEX conversation_logs_conversation ON conversation_logs(conversation_id, turn)",
    "CREATE TABLE tickets ("
        + " id BIGINT AUTO_INCREMENT PRIMARY KEY, ticket_number VARCHAR(40) NOT NULL UNIQUE,"
        + " conversation_id VARCHAR(30) NOT NULL, order_id VARCHAR(20), rma_number VARCHAR(40),"
        + " priority VARCHAR(10) NOT NULL, queue VARCHAR(40) NOT NULL, summary VARCHAR(2000) NOT NULL,"
        + " created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
  };

  private Schema() {}

  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String ddl : DDL) {
        statement.execute(ddl);
      }
    }
  }
}
