package org.fabrique.jstl;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers distinct vertices, shared by the threads that weld ranges of one mesh: equal coordinate
 * bits get the same number, numbers are dense from 0. Split by hash into independently locked,
 * independently growing segments, so threads rarely wait for one another.
 */
final class VertexIndex {

  private static final int SEGMENT_BITS = 6;
  private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
  private final AtomicInteger count = new AtomicInteger();

  /** @param expectedVertices a guess; segments grow as needed */
  VertexIndex(int expectedVertices) {
    int perSegment = Math.max(64, (expectedVertices >> SEGMENT_BITS) * 2);
    int capacity = Integer.highestOneBit(perSegment - 1) << 1;
    for (int i = 0; i < segments.length; i++) {
      segments[i] = new Segment(capacity);
    }
  }

  /** Number of distinct vertices seen. */
  int size() {
    return count.get();
  }

  /** The number of the vertex with these coordinate bits, a new one the first time. */
  int numberOf(int x, int y, int z, long hash) {
    Segment segment = segments[(int) hash & (segments.length - 1)];
    synchronized (segment) {
      return segment.numberOf(x, y, z, (int) (hash >>> 32), count);
    }
  }

  /**
   * Reads, without locking, the slot where a lookup of {@code hash} starts, so that the lookup
   * finds it in the processor's cache. The value means nothing.
   */
  int peek(long hash) {
    int[] slots = segments[(int) hash & (segments.length - 1)].slots;
    return slots[((int) (hash >>> 32) << 2 | 3) & (slots.length - 1)];
  }

  /** Hash of a point's coordinate bits (murmur3's 64-bit finaliser). */
  static long hash(int x, int y, int z) {
    long h = x;
    h = h * 0x9E3779B97F4A7C15L + y;
    h = h * 0x9E3779B97F4A7C15L + z;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * Open addressing with linear probing; four ints per slot: x, y, z bits and number + 1 (0 when
   * empty), so that a probe touches one cache line.
   */
  private static final class Segment {
    private int[] slots;
    private int mask;
    private int size;

    Segment(int capacity) {
      slots = new int[capacity * 4];
      mask = capacity - 1;
    }

    int numberOf(int x, int y, int z, int hash, AtomicInteger count) {
      int slot = hash & mask;
      while (true) {
        int s = slot << 2;
        int stored = slots[s + 3];
        if (stored == 0) {
          int number = count.getAndIncrement();
          slots[s] = x;
          slots[s + 1] = y;
          slots[s + 2] = z;
          slots[s + 3] = number + 1;
          if (++size > (mask + 1) / 2) {
            grow();
          }
          return number;
        }
        if (slots[s] == x && slots[s + 1] == y && slots[s + 2] == z) {
          return stored - 1;
        }
        slot = (slot + 1) & mask;
      }
    }

    private void grow() {
      int[] old = slots;
      slots = new int[old.length * 2];
      mask = slots.length / 4 - 1;
      for (int s = 0; s < old.length; s += 4) {
        if (old[s + 3] != 0) {
          int slot = (int) (hash(old[s], old[s + 1], old[s + 2]) >>> 32) & mask;
          while (slots[(slot << 2) + 3] != 0) {
            slot = (slot + 1) & mask;
          }
          System.arraycopy(old, s, slots, slot << 2, 4);
        }
      }
    }
  }
}
