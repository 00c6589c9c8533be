package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;

/** Spans that follow a Reactor {@code Flux} ({@code end: close} on a method returning one). */
@Timeout(60)
class FluxSpanTest {
  private static final ValueReader CHUNK = new ValueReader(ValueReader.CHUNK, new String[0]);
  /** Site 0 follows the flux; site 1 is a call of the same nesting group (the SDK call the subscription makes). */
  private static final int GROUP = 0;

  private InstalledRecorder recorder;

  @BeforeEach
  void install() {
    recorder = new InstalledRecorder(
        new PointcutPlan(new ValueReader[] {CHUNK}, 0, PointcutPlan.END_ON_CLOSE, GROUP),
        new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_AT_EXIT, GROUP),
        new PointcutPlan(new ValueReader[0], 0));
  }

  @AfterEach
  void uninstall() {
    InstalledRecorder.uninstall();
  }

  private List<SpanModelTest.Span> drain() {
    return recorder.drain();
  }

  @SuppressWarnings("unchecked")
  private static Flux<String> followed(Flux<String> flux) {
    Object returned = Recorder.exitFollowing(Recorder.enter(0), null, null, null, null, flux, null, Flux.class);
    assertNotSame(flux, returned, "the caller gets a flux that follows the original");
    return (Flux<String>) returned;
  }

  @Test
  void theSpanStartsAtTheSubscriptionAndEndsWhenTheFluxCompletes() throws Exception {
    Flux<String> flux = followed(Flux.just("a", "b", "c"));
    Thread.sleep(5);
    long subscribed = System.nanoTime();
    assertEquals(0, drain().size(), "nothing happens before the subscription");
    assertEquals(List.of("a", "b", "c"), flux.collectList().block());
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size());
    SpanModelTest.Span span = spans.get(0);
    assertEquals(SpanRecord.END_EXHAUSTED, span.endReason);
    assertEquals(3, span.items);
    assertEquals("c", span.value0, "chunk paths keep the last item's value");
    assertTrue(span.start >= subscribed, "the span starts when the flux is subscribed to, not at the call");
  }

  @Test
  void aFluxNobodySubscribesToLeavesNoSpanAndNothingWaiting() {
    followed(Flux.just("a"));
    assertEquals(0, Recorder.state().pending().size(), "nothing to time out: no request was sent");
    assertEquals(0, Recorder.state().pending().expire(Long.MAX_VALUE, 0));
    assertEquals(0, Recorder.state().pending().endAll(System.nanoTime()), "nor anything to end at exit");
    assertEquals(0, drain().size());
  }

  @Test
  void aSubscribedFluxWaitsAmongThePendingSpansUntilItEnds() {
    Flux<String> flux = followed(Flux.never());
    reactor.core.Disposable subscription = flux.subscribe();
    assertEquals(1, Recorder.state().pending().size(), "the open-span timeout ends it if nothing else does");
    subscription.dispose();
    assertEquals(0, Recorder.state().pending().size());
    assertEquals(SpanRecord.END_CLOSED, drain().get(0).endReason);
  }

  @Test
  void anErrorMakesAnErrorSpan() {
    Flux<String> flux = followed(Flux.just("a").concatWith(Flux.error(new IllegalStateException("429"))));
    assertThrows(IllegalStateException.class, () -> flux.blockLast());
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size());
    assertEquals(IllegalStateException.class.getName(), spans.get(0).error.type());
    assertEquals(1, spans.get(0).items);
  }

  @Test
  void aCancelledSubscriptionEndsTheSpanAsClosed() {
    Flux<String> flux = followed(Flux.just("a", "b", "c", "d"));
    assertEquals(List.of("a", "b"), flux.take(2).collectList().block());
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size());
    assertEquals(SpanRecord.END_CLOSED, spans.get(0).endReason);
    assertEquals(2, spans.get(0).items);
    assertNull(spans.get(0).error);
  }

  @Test
  void theSubscriptionsCallsAreChildrenOfTheSpanAndItsGroupMakesNone() {
    List<String> order = new ArrayList<>();
    Flux<String> flux = followed(Flux.defer(() -> {
      Recorder.exit(Recorder.enter(1), null, null, null, null, null, null); // the SDK's request: same group
      Recorder.exit(Recorder.enter(2), null, null, null, null, null, null); // anything else: a child
      order.add("subscribed");
      return Flux.just("a");
    }));
    flux.blockLast();
    assertEquals(List.of("subscribed"), order);
    List<SpanModelTest.Span> spans = drain();
    assertEquals(2, spans.size(), "the flux's span and the other call's, none for the same group: " + spans.size());
    SpanModelTest.Span child = spans.get(0);
    SpanModelTest.Span followedSpan = spans.get(1);
    assertEquals(2, child.site);
    assertEquals(followedSpan.id, child.parent);
    assertEquals(followedSpan.trace, child.trace);
    Recorder.exit(Recorder.enter(1), null, null, null, null, null, null);
    assertEquals(1, drain().size(), "after the subscription the group is closed again");
  }

  @Test
  void laterSubscriptionsAreNotFollowedAndTheReactorContextReachesUpstream() {
    Flux<String> flux = followed(Flux.deferContextual(context -> Flux.just(context.getOrDefault("tenant", "none"))));
    assertEquals("acme", flux.contextWrite(c -> c.put("tenant", "acme")).blockLast());
    assertEquals(1, drain().size());
    assertEquals("again", flux.contextWrite(c -> c.put("tenant", "again")).blockLast());
    assertEquals(0, drain().size(), "one span, for the first subscription");
  }
}
