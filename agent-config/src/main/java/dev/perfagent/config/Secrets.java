package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks secrets in what the agent prints about its own settings: the user-info of URLs
 * ({@code http://user:pass@host} becomes {@code http://***@host}), the value of anything named like
 * a key, token, secret, password or authorization ({@code api_key=abc} becomes {@code api_key=***}),
 * and the values the agent was told are secret (every OTLP header value), wherever they appear.
 * Messages of the libraries the agent uses (an exporter's failure names its URL, an HTTP client
 * quotes a header it refused) pass through {@link #mask} too.
 */
public final class Secrets {
  public static final String MASK = "***";
  /** Shorter values are not searched for: masking "42" would garble every count in a message. */
  static final int MIN_KNOWN_LENGTH = 4;

  private static final String SECRET_WORDS =
      "key|token|secret|passw|pwd|auth|credential|signature|cookie|session";
  /** The user-info of a URL: greedy up to the last '@' before the path, as URL parsers read it. */
  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s]*@");
  private static final String SECRET_NAME_TEXT = "[\\w.-]*(?:" + SECRET_WORDS + ")[\\w.-]*";
  /**
   * {@code name=value}, {@code name: value} (a space after the colon, so that {@code keys.yaml:3:5}
   * stays a position) or JSON's {@code "name":"value"}, with a secret-like name; an authorization
   * scheme ({@code Bearer}, {@code Basic}, ...) is masked with its credentials.
   */
  private static final Pattern SECRET_PAIR =
      Pattern.compile(
          "(?i)(\"" + SECRET_NAME_TEXT + "\"\\s*:\\s*\"?|" + SECRET_NAME_TEXT + "\\s*=\\s*[\"']?|"
              + SECRET_NAME_TEXT + ":\\s+[\"']?)"
              + "((?:(?:bearer|basic|digest|token|apikey)\\s+)?[^\\s,;&\"'{}()\\[\\]]+)");

  private static volatile String[] known = {};

  private Secrets() {}

  /**
   * Remembers {@code value} as a secret, so that {@link #mask} hides it wherever it appears. Null,
   * and values shorter than four characters, are ignored.
   */
  public static synchronized void remember(String value) {
    if (value == null || value.length() < MIN_KNOWN_LENGTH || Arrays.asList(known).contains(value)) {
      return;
    }
    List<String> values = new ArrayList<>(Arrays.asList(known));
    values.add(value);
    values.sort(Comparator.comparingInt(String::length).reversed()); // a longer secret before its parts
    known = values.toArray(new String[0]);
  }

  /** {@code url} with its user-info and the values of secret-named query parameters masked. */
  public static String url(String url) {
    return redact(url);
  }

  /**
   * Text of the application's that the agent passes on (captured message content) with every URL
   * user-info and every secret-named value masked ({@code "api_key": "sk-..."}, {@code password=...},
   * {@code Authorization: Bearer ...}). The secrets the agent was told are not looked for: they are
   * the agent's own, and a short one would garble ordinary text.
   */
  public static String redact(String text) {
    return text == null ? null : pairs(USER_INFO.matcher(text).replaceAll("$1" + MASK + "@"));
  }

  /**
   * Free text (a log message, an exception's {@code toString()}) with every remembered secret, every
   * URL user-info and every secret-named value masked.
   */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : known) {
      masked = masked.replace(secret, MASK);
    }
    return redact(masked);
  }

  private static String pairs(String text) {
    return SECRET_PAIR.matcher(text).replaceAll("$1" + MASK);
  }
}
