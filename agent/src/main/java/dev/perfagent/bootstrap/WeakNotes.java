package dev.perfagent.bootstrap;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Notes attached to application objects (a statement's SQL, a connection's database) without
 * keeping the objects alive and without calling their {@code hashCode} or {@code equals}: keys are
 * held weakly and compared by identity, so an entry goes away once the application drops its
 * object. Bounded: a full table takes no new note (counted in {@link #refused}) rather than grow.
 * Sixteen independently locked stripes keep concurrent threads apart.
 */
final class WeakNotes {
  private static final int STRIPES = 16;

  private final Stripe[] stripes = new Stripe[STRIPES];
  private final LongAdder refused = new LongAdder();

  /** @param capacity the most notes held at once (spread over the stripes) */
  WeakNotes(int capacity) {
    int perStripe = Math.max(16, capacity / STRIPES);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe(perStripe);
    }
  }

  /** The note of {@code key}, or null. */
  Object get(Object key) {
    int hash = System.identityHashCode(key);
    return stripes[hash & (STRIPES - 1)].get(key, hash);
  }

  /** Notes {@code note} on {@code key}, replacing an earlier note; nothing when the table is full. */
  void put(Object key, Object note) {
    int hash = System.identityHashCode(key);
    if (!stripes[hash & (STRIPES - 1)].put(key, hash, note)) {
      refused.increment();
    }
  }

  /** Notes not taken because the table was full. */
  long refused() {
    return refused.sum();
  }

  int size() {
    int size = 0;
    for (Stripe s : stripes) {
      size += s.size();
    }
    return size;
  }

  private static final class Entry extends WeakReference<Object> {
    final int hash;
    Object note;
    Entry next;

    Entry(Object key, int hash, Object note, Entry next, ReferenceQueue<Object> queue) {
      super(key, queue);
      this.hash = hash;
      this.note = note;
      this.next = next;
    }
  }

  private static final class Stripe {
    private final Entry[] buckets;
    private final int capacity;
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    private int size;

    Stripe(int capacity) {
      this.capacity = capacity;
      this.buckets = new Entry[Integer.highestOneBit(capacity - 1) << 1];
    }

    synchronized Object get(Object key, int hash) {
      for (Entry e = buckets[index(hash)]; e != null; e = e.next) {
        if (e.get() == key) {
          return e.note;
        }
      }
      return null;
    }

    synchronized boolean put(Object key, int hash, Object note) {
      int index = index(hash);
      for (Entry e = buckets[index]; e != null; e = e.next) {
        if (e.get() == key) {
          e.note = note;
          return true;
        }
      }
      expungeCleared();
      if (size >= capacity) {
        return false;
      }
      buckets[index] = new Entry(key, hash, note, buckets[index], cleared);
      size++;
      return true;
    }

    synchronized int size() {
      expungeCleared();
      return size;
    }

    private void expungeCleared() {
      for (Object ref; (ref = cleared.poll()) != null; ) {
        Entry gone = (Entry) ref;
        int index = index(gone.hash);
        Entry previous = null;
        for (Entry e = buckets[index]; e != null; previous = e, e = e.next) {
          if (e == gone) {
            if (previous == null) {
              buckets[index] = e.next;
            } else {
              previous.next = e.next;
            }
            gone.note = null;
            size--;
            break;
          }
        }
      }
    }

    private int index(int hash) {
      return ((hash >>> 4) ^ (hash >>> 20)) & (buckets.length - 1); // the low 4 bits chose the stripe
    }
  }
}
