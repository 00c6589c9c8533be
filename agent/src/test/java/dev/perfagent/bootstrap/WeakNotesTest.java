package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes on objects: by identity, never keeping the object alive, bounded. */
class WeakNotesTest {
  /** Equal to every other, with one hash code: a table that used equals or hashCode would mix them up. */
  private static final class Same {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  @Test
  void notesAreByIdentity() {
    WeakNotes notes = new WeakNotes(1024);
    Same a = new Same();
    Same b = new Same();
    notes.put(a, "a");
    assertEquals("a", notes.get(a));
    assertNull(notes.get(b));
    notes.put(b, "b");
    notes.put(a, "a2");
    assertEquals("a2", notes.get(a));
    assertEquals("b", notes.get(b));
    assertEquals(2, notes.size());
  }

  @Test
  void aNoteDoesNotKeepItsObjectAlive() throws InterruptedException {
    WeakNotes notes = new WeakNotes(1024);
    Object key = new Object();
    notes.put(key, "note");
    WeakReference<Object> ref = new WeakReference<>(key);
    key = null;
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(ref.get(), "the object was collected although it had a note");
    // the collector enqueues the cleared key on its own thread, a moment after clearing it
    for (int i = 0; i < 100 && notes.size() > 0; i++) {
      Thread.sleep(10);
    }
    assertEquals(0, notes.size(), "its entry went with it");
  }

  @Test
  void aFullTableTakesNoMoreNotes() {
    WeakNotes notes = new WeakNotes(16 * 16); // 16 stripes of 16
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Object key = new Object();
      keys.add(key);
      notes.put(key, i);
    }
    assertEquals(2000, notes.size() + notes.refused());
    assertTrue(notes.size() <= 256, "at most the capacity: " + notes.size());
    assertEquals(0, notes.get(keys.get(0)), "an early note is kept: nothing is evicted");
    Object last = keys.get(keys.size() - 1);
    assertNull(notes.get(last), "the table was full long before the last one");
    notes.put(last, "again");
    assertNull(notes.get(last), "still full");
  }
}
