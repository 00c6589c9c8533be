package com.acme.returns.rag;

import java.util.Locale;
import java.util.Set;

/**
 * A bag-of-words embedding with the hashing trick: each word adds to one of {@code DIMENSIONS}
 * buckets with a hash-chosen sign. Crude, but deterministic and free of model files.
 */
final class HashingEmbedder {

  static final int DIMENSIONS = 256;

  private static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "and", "are", "be", "can", "for", "i", "if", "in", "is", "it", "my", "of", "or",
      "the", "their", "they", "to", "was", "we", "with", "within");

  float[] embed(String text) {
    float[] vector = new float[DIMENSIONS];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (word.isEmpty() || STOP_WORDS.contains(word)) {
        continue;
      }
      String stem = word.length() > 4 && word.endsWith("s") ? word.substring(0, word.length() - 1)
          : word;
      int hash = stem.hashCode() * 0x9E3779B1;
      vector[Math.floorMod(hash, DIMENSIONS)] += (hash & 0x10000) == 0 ? 1f : -1f;
    }
    normalize(vector);
    return vector;
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void normalize(float[] vector) {
    double norm = Math.sqrt(dot(vector, vector));
    if (norm > 0) {
      for (int i = 0; i < vector.length; i++) {
        vector[i] /= (float) norm;
      }
    }
  }
}
