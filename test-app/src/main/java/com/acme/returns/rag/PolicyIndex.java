package com.acme.returns.rag;

import com.acme.returns.Counters;
import com.acme.returns.support.SimulatedLatency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * In-memory vector search over the returns policy: cosine similarity between hashed bag-of-words
 * embeddings (vectors are normalised, so cosine is a dot product).
 */
public final class PolicyIndex {

  /** Stands in for the embedding call a real RAG system would make for the query. */
  private static final double QUERY_EMBEDDING_MILLIS = 1.5;

  private final HashingEmbedder embedder = new HashingEmbedder();
  private final List<PolicySnippet> snippets;
  private final List<float[]> vectors = new ArrayList<>();

  public PolicyIndex() {
    this.snippets = PolicyCorpus.snippets();
    for (PolicySnippet snippet : snippets) {
      vectors.add(embedder.embed(snippet.getTitle() + " " + snippet.getCategory() + " "
          + snippet.getText()));
    }
  }

  public int size() {
    return snippets.size();
  }

  /** The {@code k} passages most similar to {@code query}, best first (ties by id). */
  public List<PolicySnippet> search(String query, int k) {
    Counters.RAG_SEARCHES.increment();
    SimulatedLatency.sleepMillis(QUERY_EMBEDDING_MILLIS);
    float[] q = embedder.embed(query);
    List<Scored> scored = new ArrayList<>(snippets.size());
    for (int i = 0; i < snippets.size(); i++) {
      scored.add(new Scored(snippets.get(i), HashingEmbedder.dot(q, vectors.get(i))));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(s -> s.snippet().getId()));
    List<PolicySnippet> top = new ArrayList<>(k);
    for (int i = 0; i < Math.min(k, scored.size()); i++) {
      top.add(scored.get(i).snippet());
    }
    return top;
  }

  private record Scored(PolicySnippet snippet, double score) {}
}
