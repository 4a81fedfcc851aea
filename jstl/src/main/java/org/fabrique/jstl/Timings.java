package org.fabrique.jstl;

/**
 * Stage timings of an analysis, printed to standard error when the system property {@code
 * jstl.timings} is set (for benchmarks: {@code java -Djstl.timings=true -jar jstl.jar info FILE});
 * with {@code -Djstl.timings=cpu}, also the CPU time of the process and of the calling thread
 * (which loads the management classes, a few tens of milliseconds). Otherwise nothing is measured.
 */
final class Timings {

  private static final String MODE = System.getProperty("jstl.timings");
  private static final Timings NONE = new Timings(false);

  private final boolean cpu;
  private long last;
  private long lastCpu;
  private long lastThreadCpu;

  private Timings(boolean cpu) {
    this.cpu = cpu;
  }

  static Timings start() {
    if (MODE == null) {
      return NONE;
    }
    Timings timings = new Timings(MODE.equals("cpu"));
    if (timings.cpu) {
      timings.lastCpu = processCpuTime();
      timings.lastThreadCpu = threadCpuTime();
    }
    timings.last = System.nanoTime();
    return timings;
  }

  /** CPU time of the whole process (all threads, the compiler's included), or 0. */
  private static long processCpuTime() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() : 0;
  }

  private static long threadCpuTime() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  void lap(String stage) {
    if (this == NONE) {
      return;
    }
    long now = System.nanoTime();
    StringBuilder line = new StringBuilder("jstl: ").append(stage).append(' ')
        .append((now - last) / 100_000 / 10.0).append(" ms");
    if (cpu) {
      long processCpu = processCpuTime();
      long threadCpu = threadCpuTime();
      line.append(", cpu ").append((processCpu - lastCpu) / 100_000 / 10.0)
          .append(" ms, this thread ").append((threadCpu - lastThreadCpu) / 100_000 / 10.0)
          .append(" ms");
      lastCpu = processCpu;
      lastThreadCpu = threadCpu;
    }
    System.err.println(line);
    last = System.nanoTime();
  }
}
