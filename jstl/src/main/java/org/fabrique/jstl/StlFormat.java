package org.fabrique.jstl;

/** The two encodings of an STL file. */
public enum StlFormat {
  /** 80-byte header, little-endian triangle count, then 50 bytes per triangle. */
  BINARY,
  /** Text: {@code solid name}, {@code facet normal}, {@code outer loop}, three {@code vertex} lines. */
  ASCII
}
