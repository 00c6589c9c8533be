package com.acme.returns.llm;

import java.util.List;

/** HTTP 429 from a provider. */
public class RateLimitException extends RuntimeException {

  /** The header in which the providers' APIs say how long to wait. */
  static final String RETRY_AFTER_MS = "retry-after-ms";
  private static final long DEFAULT_RETRY_AFTER_MILLIS = 5;

  private final long retryAfterMillis;

  public RateLimitException(String message, long retryAfterMillis) {
    this(message, retryAfterMillis, null);
  }

  private RateLimitException(String message, long retryAfterMillis, Throwable cause) {
    super(message, cause);
    this.retryAfterMillis = retryAfterMillis;
  }

  /** An SDK's rate-limit exception, with the values of its {@value #RETRY_AFTER_MS} header. */
  static RateLimitException fromSdk(RuntimeException sdkException, List<String> retryAfterMs) {
    long millis = retryAfterMs.isEmpty() ? DEFAULT_RETRY_AFTER_MILLIS
        : Long.parseLong(retryAfterMs.get(0).trim());
    return new RateLimitException(sdkException.getMessage(), millis, sdkException);
  }

  public long getRetryAfterMillis() {
    return retryAfterMillis;
  }
}
