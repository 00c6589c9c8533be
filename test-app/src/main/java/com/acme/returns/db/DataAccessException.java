package com.acme.returns.db;

/** An unchecked wrapper for SQLException. */
public class DataAccessException extends RuntimeException {
  public DataAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
