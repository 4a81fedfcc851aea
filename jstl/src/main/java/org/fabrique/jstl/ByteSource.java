package org.fabrique.jstl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Sequential bytes for the streaming readers: a stream, or a range of a file. */
interface ByteSource {

  /** Reads up to {@code length} bytes; returns how many, or -1 at the end. */
  int read(byte[] into, int offset, int length) throws StlException;

  /**
   * The bytes already read for format detection, then the rest of the stream, failing with {@link
   * StlError#TOO_LARGE} once more than {@code maxBytes} have come.
   */
  static ByteSource of(byte[] head, int headLength, InputStream rest, long maxBytes) {
    return new ByteSource() {
      private int headPosition;
      private long total = headLength;

      @Override
      public int read(byte[] into, int offset, int length) throws StlException {
        if (headPosition < headLength) {
          int n = Math.min(length, headLength - headPosition);
          System.arraycopy(head, headPosition, into, offset, n);
          headPosition += n;
          return n;
        }
        int n;
        try {
          n = rest.read(into, offset, length);
        } catch (IOException e) {
          throw Stl.readFailed(e);
        }
        if (n > 0) {
          total += n;
          if (total > maxBytes) {
            throw StlException.of(StlError.TOO_LARGE,
                "the input has more than the limit of " + maxBytes + " bytes");
          }
        }
        return n;
      }
    };
  }

  /** Bytes {@code [start, end)} of a file, by positional reads (safe to use from many threads). */
  static ByteSource of(FileChannel channel, long start, long end) {
    return new ByteSource() {
      private long position = start;

      @Override
      public int read(byte[] into, int offset, int length) throws StlException {
        if (position >= end) {
          return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        try {
          int n = channel.read(ByteBuffer.wrap(into, offset, wanted), position);
          if (n < 0) {
            throw Stl.readFailed(new IOException("the file shrank while being read"));
          }
          position += n;
          return n;
        } catch (IOException e) {
          throw Stl.readFailed(e);
        }
      }
    };
  }
}
