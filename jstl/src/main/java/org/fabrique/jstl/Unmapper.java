package org.fabrique.jstl;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.MappedByteBuffer;

/**
 * Releases a memory-mapped window as soon as it has been parsed, instead of whenever the garbage
 * collector gets to it, so that a large file never sits whole in the process's resident memory.
 * Uses {@code sun.misc.Unsafe.invokeCleaner} when the runtime offers it; otherwise a no-op.
 */
final class Unmapper {

  private static final Object UNSAFE;
  private static final Method INVOKE_CLEANER;

  static {
    Object unsafe = null;
    Method invokeCleaner = null;
    try {
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      Field field = unsafeClass.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      unsafe = field.get(null);
      invokeCleaner = unsafeClass.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
    } catch (ReflectiveOperationException | RuntimeException unavailable) {
      unsafe = null;
      invokeCleaner = null;
    }
    UNSAFE = unsafe;
    INVOKE_CLEANER = invokeCleaner;
  }

  private Unmapper() {}

  /** Unmaps the window; it must not be used afterwards. */
  static void unmap(MappedByteBuffer window) {
    if (INVOKE_CLEANER == null) {
      return;
    }
    try {
      INVOKE_CLEANER.invoke(UNSAFE, window);
    } catch (ReflectiveOperationException | RuntimeException ignored) {
      // The window is then released by the garbage collector, as without this class.
    }
  }
}
