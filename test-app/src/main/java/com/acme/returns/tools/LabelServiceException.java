package com.acme.returns.tools;

/** The carrier's label service refused to create a label. */
public class LabelServiceException extends RuntimeException {
  public LabelServiceException(String message) {
    super(message);
  }
}
