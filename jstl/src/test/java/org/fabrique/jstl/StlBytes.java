package org.fabrique.jstl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds STL inputs byte by byte, so that tests can state malformed files inline. */
final class StlBytes {

  private StlBytes() {}

  /**
   * A binary STL with an 80-byte header starting with {@code header}, the count {@code
   * declaredTriangles}, then the given triangles: twelve floats each (normal, then three corners).
   */
  static byte[] binary(String header, long declaredTriangles, float[]... triangles) {
    ByteBuffer bytes = ByteBuffer.allocate(84 + 50 * triangles.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    byte[] headerBytes = Arrays.copyOf(header.getBytes(StandardCharsets.US_ASCII), 80);
    bytes.put(headerBytes).putInt((int) declaredTriangles);
    for (float[] triangle : triangles) {
      if (triangle.length != 12) {
        throw new IllegalArgumentException("twelve floats per triangle");
      }
      for (float value : triangle) {
        bytes.putFloat(value);
      }
      bytes.putShort((short) 0);
    }
    return bytes.array();
  }

  /** A triangle with a zero normal (the format's "not given"), for {@link #binary}. */
  static float[] triangle(float... corners) {
    float[] triangle = new float[12];
    System.arraycopy(corners, 0, triangle, 3, 9);
    return triangle;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  static byte[] binaryOf(TriangleMesh mesh) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Stl.writeBinary(mesh, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] asciiOf(TriangleMesh mesh) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Stl.writeAscii(mesh, "part", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The unit cube's first face as an ASCII facet, for hand-written inputs. */
  static final String FACET = String.join("\n",
      "  facet normal 0 0 -1",
      "    outer loop",
      "      vertex 0 0 0",
      "      vertex 0 1 0",
      "      vertex 1 1 0",
      "    endloop",
      "  endfacet",
      "");
}
