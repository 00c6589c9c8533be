package com.acme.returns.support;

import java.util.Random;

/** Random-looking identifiers drawn from a caller's {@link Random}, so they repeat with the seed. */
public final class Ids {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private Ids() {}

  public static String base62(Random random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(chars);
  }
}
