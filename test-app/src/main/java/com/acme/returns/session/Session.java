package com.acme.returns.session;

/**
 * A model session for one phase of a conversation (think: a Claude Code / assistant session with
 * the phase's system prompt and tools already configured). Forked sessions start from the phase's
 * template; connected sessions are set up from scratch.
 */
public final class Session {

  /** How the session came to be. */
  public enum Origin { TEMPLATE, FORK, CONNECT }

  private final String id;
  private final String phase;
  private final Origin origin;
  private final String templateId;
  private volatile boolean closed;

  Session(String id, String phase, Origin origin, String templateId) {
    this.id = id;
    this.phase = phase;
    this.origin = origin;
    this.templateId = templateId;
  }

  public String getId() {
    return id;
  }

  public String getPhase() {
    return phase;
  }

  public Origin getOrigin() {
    return origin;
  }

  /** The template a forked session came from, else null. */
  public String getTemplateId() {
    return templateId;
  }

  public boolean isClosed() {
    return closed;
  }

  void markClosed() {
    closed = true;
  }

  @Override
  public String toString() {
    return id + " (" + phase + ", " + origin + ")";
  }
}
