package dev.perfagent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out span ids in blocks, so that a thread takes one shared atomic step per
 * {@link #BLOCK_SIZE} spans and ids stay unique for the life of the process however many threads
 * come and go (2^64 ids in all, never reused; a thread that dies wastes at most one block).
 */
final class IdBlocks {
  static final int BLOCK_BITS = 16;
  static final long BLOCK_SIZE = 1L << BLOCK_BITS;

  private final AtomicLong nextBlock;

  IdBlocks() {
    this(1); // block 0 would start at id 0, which means "no span"
  }

  /** Starts at block {@code firstBlock} (tests start near a limit to show there is none). */
  IdBlocks(long firstBlock) {
    this.nextBlock = new AtomicLong(firstBlock);
  }

  /** The first id of a fresh block; the caller owns ids {@code [first, first + BLOCK_SIZE)}. */
  long nextBlock() {
    long first = nextBlock.getAndIncrement() << BLOCK_BITS;
    return first == 0 ? 1 : first;
  }
}
