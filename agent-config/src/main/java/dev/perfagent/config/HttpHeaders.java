package dev.perfagent.config;

/**
 * What HTTP allows in a header (RFC 9110): a name is a token, a value has no control character
 * but tab. A header that breaks these rules would make every export fail, so it is refused at load.
 */
final class HttpHeaders {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HttpHeaders() {}

  static boolean isName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
