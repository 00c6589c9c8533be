package dev.perfagent.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns {@code arg0.getUsage().getInputTokens()} into the property path {@code arg0.usage.inputTokens}. */
final class MethodCallHint {
  private static final Pattern CALL = Pattern.compile("\\.([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)\\(\\s*\\)");

  private MethodCallHint() {}

  /** The path without no-arg calls, or null when that is not a valid path either. */
  static String rewrite(String path) {
    if (path.length() > 1000) {
      return null;
    }
    Matcher m = CALL.matcher(path);
    StringBuffer sb = new StringBuffer();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement("." + propertyName(m.group(1))));
    }
    m.appendTail(sb);
    String fixed = sb.toString();
    if (fixed.indexOf('(') >= 0) {
      return null;
    }
    try {
      PropertyPath.parse(fixed);
      return fixed;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** getInputTokens -> inputTokens, isEnabled -> enabled, getURL -> URL, name -> name. */
  static String propertyName(String method) {
    String rest;
    if (method.length() > 3 && method.startsWith("get") && Character.isUpperCase(method.charAt(3))) {
      rest = method.substring(3);
    } else if (method.length() > 2 && method.startsWith("is") && Character.isUpperCase(method.charAt(2))) {
      rest = method.substring(2);
    } else {
      return method;
    }
    if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
      return rest;
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }
}
