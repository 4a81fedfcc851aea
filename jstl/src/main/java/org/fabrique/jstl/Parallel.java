package org.fabrique.jstl;

import java.util.stream.IntStream;

/** Runs independent tasks on the common fork-join pool and reports the first failure by index. */
final class Parallel {

  private Parallel() {}

  /** Threads available to a parallel computation (the common pool and the calling thread). */
  static int threads() {
    return Runtime.getRuntime().availableProcessors();
  }

  interface Task {
    void run(int index) throws StlException;
  }

  /**
   * Runs {@code task} for indices {@code [0, count)}, in parallel when {@code count > 1}. Every
   * task runs even if one fails; the failure of the lowest index is thrown.
   */
  static void forEach(int count, Task task) throws StlException {
    StlException[] failures = new StlException[count];
    IntStream indices = IntStream.range(0, count);
    if (count > 1 && threads() > 1) {
      indices = indices.parallel();
    }
    indices.forEach(i -> {
      try {
        task.run(i);
      } catch (StlException e) {
        failures[i] = e;
      }
    });
    for (StlException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Runs {@code task} for indices {@code [0, count)}, in parallel when {@code count > 1}. */
  static void run(int count, java.util.function.IntConsumer task) {
    IntStream indices = IntStream.range(0, count);
    if (count > 1 && threads() > 1) {
      indices = indices.parallel();
    }
    indices.forEach(task);
  }
}
