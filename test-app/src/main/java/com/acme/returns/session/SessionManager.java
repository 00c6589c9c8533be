package com.acme.returns.session;

import com.acme.returns.Counters;
import com.acme.returns.support.SimulatedLatency;
import com.acme.returns.support.SingleFlight;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens model sessions per conversation phase. Forking from a per-phase template is cheap; the
 * template itself is a cold start paid once per phase; a fresh connect is the slow path used when
 * forking is not available.
 */
public class SessionManager {

  private static final double TEMPLATE_MILLIS = 45;
  private static final double CONNECT_MILLIS = 18;
  private static final double FORK_MILLIS = 2;
  private static final double CLOSE_MILLIS = 0.5;

  private final SingleFlight<String, Session> templates = new SingleFlight<>();
  private final AtomicLong sequence = new AtomicLong();

  /** A fresh session, set up from scratch. */
  public Session connect(String phase) {
    Counters.SESSION_CONNECTS.increment();
    SimulatedLatency.sleepMillis(CONNECT_MILLIS);
    return new Session(nextId(), phase, Session.Origin.CONNECT, null);
  }

  /** A session forked from the phase's template (created on first use). */
  public Session fork(String phase) {
    Session template = templates.get(phase, this::createTemplate);
    Counters.SESSION_FORKS.increment();
    SimulatedLatency.sleepMillis(FORK_MILLIS);
    return new Session(nextId(), phase, Session.Origin.FORK, template.getId());
  }

  /** Creates the template of a phase; called once per phase, whatever the concurrency. */
  public Session createTemplate(String phase) {
    Counters.SESSION_TEMPLATES.increment();
    SimulatedLatency.sleepMillis(TEMPLATE_MILLIS);
    return new Session("tmpl-" + phase, phase, Session.Origin.TEMPLATE, null);
  }

  public void close(Session session) {
    Counters.SESSION_CLOSES.increment();
    SimulatedLatency.sleepMillis(CLOSE_MILLIS);
    session.markClosed();
  }

  public int templateCount() {
    return templates.size();
  }

  private String nextId() {
    return "sess-" + sequence.incrementAndGet();
  }
}
