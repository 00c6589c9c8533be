package dev.perfagent.agent.export;

import static dev.perfagent.agent.export.ScriptedExporters.ONE_SPAN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueueRoomTest {
  @Test
  void aFullQueueWaitsUntilTheExporterIsGivenSpans() {
    CountingSpanExporter exporter = ScriptedExporters.spans("file", 0, 0);
    QueueRoom room = new QueueRoom(List.of(exporter), 2);
    room.awaitRoom(() -> { throw new AssertionError("room for the first two, no wait"); });
    room.awaitRoom(() -> { throw new AssertionError("room for the first two, no wait"); });
    assertEquals(2, room.waiting());

    int[] waits = new int[1];
    room.awaitRoom(
        () -> {
          waits[0]++;
          exporter.export(ONE_SPAN); // the batch worker takes one span
          return false;
        });
    assertEquals(1, waits[0], "waited until one span left the queue, then handed the next");
    assertEquals(2, room.waiting());
  }

  @Test
  void theSlowestOfSeveralExportersCounts() {
    CountingSpanExporter fast = ScriptedExporters.spans("file", 5, 0);
    CountingSpanExporter slow = ScriptedExporters.spans("OTLP", 1, 0);
    QueueRoom room = new QueueRoom(List.of(fast, slow), 100);
    for (int i = 0; i < 5; i++) {
      room.awaitRoom(() -> false);
    }
    assertEquals(4, room.waiting());
  }

  @Test
  void atExitItStopsWaitingAndHandsTheSpanToTheSdk() {
    QueueRoom room = new QueueRoom(List.of(ScriptedExporters.spans("file", 0, 0)), 1);
    room.awaitRoom(() -> false);
    room.awaitRoom(() -> true);
    assertEquals(2, room.waiting(), "handed although the queue was full");
  }
}
