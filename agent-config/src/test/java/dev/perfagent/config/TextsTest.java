package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void identifierPartsAreTheJdksForEveryCharacter() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      assertEquals(Character.isJavaIdentifierPart(ch) && !Character.isIdentifierIgnorable(ch), Texts.isIdentifierPart(ch),
          () -> "character " + Integer.toHexString(ch));
    }
  }
}
