package org.fabrique.jstl;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks on plain threads (the calling thread and up to one more per processor),
 * each claiming the next index as it becomes free, and reports the first failure by index.
 *
 * <p>Plain threads rather than the common fork-join pool and parallel streams: a command that
 * lasts a fraction of a second should not pay for loading and linking the stream machinery and
 * the lambdas it needs (about 10 ms on a small machine), and the few stages of an analysis need
 * nothing more than "run these indices on every core".
 */
final class Parallel {

  private Parallel() {}

  /** Threads available to a parallel computation (the calling thread included). */
  static int threads() {
    return Runtime.getRuntime().availableProcessors();
  }

  interface Task {
    void run(int index) throws StlException;
  }

  /**
   * Runs {@code task} for indices {@code [0, count)}, in parallel when {@code count > 1} and
   * there is more than one processor. Every task runs even if one fails with an {@link
   * StlException}; the failure of the lowest index is thrown. Any other failure stops the tasks
   * not yet started and is rethrown as is.
   */
  static void forEach(int count, Task task) throws StlException {
    Claims claims = new Claims(count, task);
    int helpers = Math.min(count, threads()) - 1;
    Thread[] started = new Thread[Math.max(0, helpers)];
    for (int i = 0; i < started.length; i++) {
      Thread thread = new Thread(claims, "jstl-worker-" + i);
      thread.setDaemon(true);
      try {
        thread.start();
      } catch (OutOfMemoryError cannotStart) {
        break; // the calling thread does the rest
      }
      started[i] = thread;
    }
    claims.run();
    boolean interrupted = false;
    for (Thread thread : started) {
      while (thread != null) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    claims.rethrow();
  }

  /** Runs {@code task} for indices {@code [0, count)}, in parallel; for tasks that cannot fail. */
  static void run(int count, Task task) {
    try {
      forEach(count, task);
    } catch (StlException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The indices left to run, shared by the threads; and what went wrong. */
  private static final class Claims implements Runnable {
    private final AtomicInteger next = new AtomicInteger();
    private final int count;
    private final Task task;
    private final StlException[] failures;
    private volatile Throwable unexpected;

    Claims(int count, Task task) {
      this.count = count;
      this.task = task;
      this.failures = new StlException[count];
    }

    @Override
    public void run() {
      int i;
      while (unexpected == null && (i = next.getAndIncrement()) < count) {
        try {
          task.run(i);
        } catch (StlException e) {
          failures[i] = e;
        } catch (Throwable e) {
          synchronized (this) {
            if (unexpected == null) {
              unexpected = e;
            }
          }
        }
      }
    }

    void rethrow() throws StlException {
      Throwable e = unexpected;
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e instanceof Error error) {
        throw error;
      }
      if (e != null) {
        throw new IllegalStateException(e);
      }
      for (StlException failure : failures) {
        if (failure != null) {
          throw failure;
        }
      }
    }
  }
}
