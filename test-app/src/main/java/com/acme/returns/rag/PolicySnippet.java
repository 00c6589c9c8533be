package com.acme.returns.rag;

/**
 * One passage of the returns policy. {@code windowDays} is the return window the passage sets for
 * its category, or 0 when the passage sets none.
 */
public final class PolicySnippet {

  private final String id;
  private final String category;
  private final String title;
  private final int windowDays;
  private final String text;

  PolicySnippet(String id, String category, String title, int windowDays, String text) {
    this.id = id;
    this.category = category;
    this.title = title;
    this.windowDays = windowDays;
    this.text = text;
  }

  public String getId() {
    return id;
  }

  public String getCategory() {
    return category;
  }

  public String getTitle() {
    return title;
  }

  public int getWindowDays() {
    return windowDays;
  }

  public String getText() {
    return text;
  }

  @Override
  public String toString() {
    return id + " " + title;
  }
}
